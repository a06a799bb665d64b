import { READINESS_MODEL } from './model.js';
import type { CostItemKey, CriterionKey, GapKey, ReadinessGap } from './types.js';

// Collecting gaps while criteria are scored, then laying them out in time.

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type GapDraft = Mutable<ReadinessGap>;

const BLOCKERS: readonly GapKey[] = READINESS_MODEL.tiers.aiReadyBlockers;
const DEPENDENCIES: Readonly<Record<GapKey, readonly GapKey[]>> = READINESS_MODEL.gapDependencies;

export function addGap(
  gaps: GapDraft[],
  key: GapKey,
  criterion: CriterionKey,
  action: string,
  capexUsd: number,
  months: number,
  costItems: readonly CostItemKey[],
): void {
  const wholeMonths = Math.ceil(months);
  gaps.push({
    key,
    criterion,
    action,
    capexUsd: Math.round(capexUsd),
    months: wholeMonths,
    startMonth: 0,
    finishMonth: wholeMonths,
    waitsFor: DEPENDENCIES[key],
    blocksAiReady: BLOCKERS.includes(key),
    costItems,
  });
}

function findGap(gaps: readonly GapDraft[], key: GapKey): GapDraft | undefined {
  for (let i = 0; i < gaps.length; i++) if (gaps[i]!.key === key) return gaps[i];
  return undefined;
}

/** Finish month of `gap`, after setting its start to when the gaps it waits for (those open) finish. */
function settle(gaps: GapDraft[], gap: GapDraft, depth: number): number {
  const deps = gap.waitsFor;
  if (deps.length === 0) return gap.finishMonth;
  // The dependency table is acyclic (model.test.ts checks); the guard only stops a bad edit looping.
  if (depth > 16) throw new Error(`readiness: gap dependencies loop at ${gap.key}`);
  let start = 0;
  for (let d = 0; d < deps.length; d++) {
    const dep = findGap(gaps, deps[d]!);
    if (dep === undefined) continue;
    const finish = settle(gaps, dep, depth + 1);
    if (finish > start) start = finish;
  }
  gap.startMonth = start;
  gap.finishMonth = start + gap.months;
  return gap.finishMonth;
}

/**
 * Sets each gap's start and finish month: a gap starts when every open gap it waits for has finished;
 * the others start at month 0, all in parallel. Returns the gap that finishes last (the end of the
 * longest chain), or null when there are no gaps.
 */
export function scheduleGaps(gaps: GapDraft[]): GapDraft | null {
  let last: GapDraft | null = null;
  for (let i = 0; i < gaps.length; i++) {
    const gap = gaps[i]!;
    settle(gaps, gap, 0);
    if (last === null || gap.finishMonth > last.finishMonth) last = gap;
  }
  return last;
}

/** Keys of the chain that ends with `last`, first to last. */
export function criticalPath(gaps: readonly GapDraft[], last: GapDraft | null): GapKey[] {
  const path: GapKey[] = [];
  let gap: GapDraft | undefined = last ?? undefined;
  while (gap !== undefined) {
    path.push(gap.key);
    const current: GapDraft = gap;
    gap = undefined;
    if (current.startMonth === 0) break;
    const deps = current.waitsFor;
    for (let d = 0; d < deps.length; d++) {
      const dep = findGap(gaps, deps[d]!);
      if (dep !== undefined && dep.finishMonth === current.startMonth) {
        gap = dep;
        break;
      }
    }
  }
  return path.reverse();
}
