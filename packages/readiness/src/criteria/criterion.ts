import type { GapDraft } from '../gaps.js';
import type { SiteContext } from '../site-context.js';
import type { CriterionKey, ReadinessSiteInput } from '../types.js';

/** One criterion: its 0-1 sub-score, a sentence saying why, and the gaps that would raise it. */
export interface Criterion {
  readonly key: CriterionKey;
  /** From READINESS_MODEL, copied here so scoring needs no keyed lookup. */
  readonly label: string;
  readonly weight: number;
  /** 0-1; must be non-decreasing in every attribute it reads (properties.test.ts checks). */
  subScore(site: ReadinessSiteInput, ctx: SiteContext): number;
  reason(site: ReadinessSiteInput, ctx: SiteContext): string;
  findGaps(site: ReadinessSiteInput, ctx: SiteContext, gaps: GapDraft[]): void;
}
