import { describeBestUse } from './best-use.js';
import { CRITERIA } from './criteria/index.js';
import { criticalPath, scheduleGaps } from './gaps.js';
import type { GapDraft } from './gaps.js';
import { READINESS_MODEL } from './model.js';
import { MODEL_VERSION } from './model-version.js';
import { buildSiteContext, toEpochMs } from './site-context.js';
import { decideTier } from './tier.js';
import type {
  AssessReadinessOptions,
  ConversionEstimate,
  CriterionResult,
  ReadinessAssessment,
  ReadinessSiteInput,
} from './types.js';

const DENSITY = READINESS_MODEL.criteria.density;
const NO_PATH: readonly never[] = [];

// The last asOf Date and its ISO text: callers score many sites against one asOf, and toISOString()
// per site is a measurable share of the time. Invisible to callers, so assessReadiness stays pure.
let lastAsOfMs = NaN;
let lastAsOfIso = '';
function isoOf(asOf: Date | string, asOfMs: number): string {
  if (typeof asOf === 'string') return asOf;
  if (asOfMs !== lastAsOfMs) {
    lastAsOfIso = asOf.toISOString();
    lastAsOfMs = asOfMs;
  }
  return lastAsOfIso;
}

function round(x: number, decimals: 2 | 3): number {
  const f = decimals === 2 ? 100 : 1000;
  return Math.round(x * f) / f;
}

/**
 * Scores a site's readiness to host AI/HPC and lists what it would take to get there.
 * Pure: the same site and asOf always give the same assessment; no clock, no I/O.
 * @throws RangeError when options.asOf is given but is not a valid date.
 */
export function assessReadiness(site: ReadinessSiteInput, options?: AssessReadinessOptions): ReadinessAssessment {
  const asOf = options?.asOf;
  const asOfMs = toEpochMs(asOf);
  if (asOf !== undefined && Number.isNaN(asOfMs)) throw new RangeError('assessReadiness: asOf is not a valid date');
  const ctx = buildSiteContext(site, asOfMs);

  const criteria: CriterionResult[] = [];
  const gaps: GapDraft[] = [];
  let total = 0;
  for (let i = 0; i < CRITERIA.length; i++) {
    const criterion = CRITERIA[i]!;
    const subScore = criterion.subScore(site, ctx);
    // Points are summed unrounded in a fixed order; float + and x are monotone, so is the score.
    const points = 100 * criterion.weight * subScore;
    total += points;
    criteria.push({
      key: criterion.key,
      label: criterion.label,
      subScore: round(subScore, 3),
      weight: criterion.weight,
      contribution: round(points, 2),
      reason: criterion.reason(site, ctx),
    });
    criterion.findGaps(site, ctx, gaps);
  }
  const score = round(total > 100 ? 100 : total, 2);

  const last = scheduleGaps(gaps);
  const gapMonths = last === null ? 0 : last.finishMonth;
  let capexUsd = 0;
  let blocking = false;
  for (let i = 0; i < gaps.length; i++) {
    capexUsd += gaps[i]!.capexUsd;
    if (gaps[i]!.blocksAiReady) blocking = true;
  }
  const monthsToPower = Math.ceil(ctx.monthsToPower);
  // Gaps run in parallel (see gapDependencies); power can still be the longer wait.
  const powerIsLonger = monthsToPower > gapMonths;
  const conversion: ConversionEstimate = {
    siteMw: ctx.siteMw,
    criticalItMw: round(ctx.itMw, 3),
    capexUsd,
    months: powerIsLonger ? monthsToPower : gapMonths,
    criticalPath: powerIsLonger ? NO_PATH : criticalPath(gaps, last),
    monthsToPower,
    // Closing every gap leaves liquid-cooled halls built for the target density.
    achievableRackKw: ctx.rackKw > DENSITY.targetKw ? ctx.rackKw : DENSITY.targetKw,
  };

  const tier = decideTier(score, ctx.energizedMw, blocking);
  return {
    modelVersion: MODEL_VERSION,
    asOf: asOf === undefined ? null : isoOf(asOf, asOfMs),
    score,
    tier,
    criteria,
    gaps,
    conversion,
    bestUse: describeBestUse(tier, criteria, gaps.length, conversion, ctx.miningMw),
  };
}
