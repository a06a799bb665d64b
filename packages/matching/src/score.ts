// The weighted soft score of a match that passed every hard constraint.
import type { PreparedRequest } from './constraints.js';
import { DAYS_PER_MONTH, formatDay } from './dates.js';
import { formatMw, formatUsd, formatUsdWhole, round } from './format.js';
import type { Allocation, CriterionExplanation, CriterionKey, MatchCandidate, SingleFigures } from './types.js';
import { CRITERIA_ORDER, MATCHING_WEIGHTS, SCORE_SCALES } from './weights.js';

/** One site's part of a match. */
export interface SitePart {
  readonly candidate: MatchCandidate;
  readonly kw: number;
}

/** Raw figures of a match; for a split, site figures are weighted by each site's allocated kW. */
export interface ScoreFigures {
  readonly siteCount: number;
  readonly allocatedKw: number;
  readonly blockCount: number;
  readonly readiness: number;
  readonly priceCents: number;
  readonly firstPowerDay: number;
  readonly energyPriceCentsPerMwh: number;
  readonly renewableSharePct: number;
  readonly interruptibleMw: number;
  readonly backfillValue: number;
}

// Scales copied into module constants: under tsx (how apps/api runs) imported bindings are read through
// getters, which showed up at ~20 ms per 100,000 sites in the hot path.
const PRICE_BEST = SCORE_SCALES.priceCentsPerKwMonth.best;
const PRICE_WORST = SCORE_SCALES.priceCentsPerKwMonth.worst;
const ENERGY_BEST = SCORE_SCALES.energyPriceCentsPerMwh.best;
const ENERGY_WORST = SCORE_SCALES.energyPriceCentsPerMwh.worst;
const TTP_BEST = SCORE_SCALES.timeToPowerMonths.best;
const TTP_WORST = SCORE_SCALES.timeToPowerMonths.worst;
const BREAK_EVEN = SCORE_SCALES.backfillBreakEvenCentsPerMwh;
const MONTH_DAYS = DAYS_PER_MONTH;

function clamp01(x: number): number {
  return x > 0 ? (x < 1 ? x : 1) : 0;
}

/** 1 at `best` or better, 0 at `worst` or worse, linear between. */
function linear(value: number, best: number, worst: number): number {
  return clamp01((worst - value) / (worst - best));
}

/** Mining can soak up idle power only as far as the site has interruptible MW and cheap energy. */
export function siteBackfillValue(candidate: MatchCandidate, kw: number): number {
  const coverage = kw > 0 ? clamp01((candidate.interruptibleMw * 1000) / kw) : 0;
  const margin = clamp01(1 - candidate.energyPriceCentsPerMwh / BREAK_EVEN);
  return coverage * margin;
}

export function scoreFigures(parts: readonly SitePart[], allocation: Allocation): ScoreFigures {
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only !== undefined) {
    // One site: its own figures, not a kW-weighted mean (x * k / k can be off by one ulp), so the
    // explanation matches scoreSingle exactly.
    const c = only.candidate;
    return {
      siteCount: 1,
      allocatedKw: allocation.totalKw,
      blockCount: allocation.items.length,
      readiness: c.readinessScore,
      priceCents: allocation.totalKw > 0 ? allocation.costCents / allocation.totalKw : 0,
      firstPowerDay: allocation.firstPowerDay,
      energyPriceCentsPerMwh: c.energyPriceCentsPerMwh,
      renewableSharePct: c.renewableSharePct,
      interruptibleMw: c.interruptibleMw,
      backfillValue: siteBackfillValue(c, only.kw),
    };
  }
  let kw = 0;
  let readiness = 0;
  let energy = 0;
  let renewable = 0;
  let interruptible = 0;
  let backfill = 0;
  for (const { candidate, kw: k } of parts) {
    kw += k;
    readiness += k * candidate.readinessScore;
    energy += k * candidate.energyPriceCentsPerMwh;
    renewable += k * candidate.renewableSharePct;
    interruptible += candidate.interruptibleMw;
    backfill += k * siteBackfillValue(candidate, k);
  }
  const per = kw > 0 ? 1 / kw : 0;
  return {
    siteCount: parts.length,
    allocatedKw: allocation.totalKw,
    blockCount: allocation.items.length,
    readiness: readiness * per,
    priceCents: allocation.totalKw > 0 ? allocation.costCents / allocation.totalKw : 0,
    firstPowerDay: allocation.firstPowerDay,
    energyPriceCentsPerMwh: energy * per,
    renewableSharePct: renewable * per,
    interruptibleMw: interruptible,
    backfillValue: backfill * per,
  };
}

function monthsToPower(req: PreparedRequest, firstPowerDay: number): number {
  return Math.max(0, firstPowerDay - req.asOfDay) / MONTH_DAYS;
}

// One function per criterion, so the split pre-selection can score without building objects.
export function readinessValue(score: number): number {
  return clamp01(score / 100);
}
export function priceValue(centsPerKwMonth: number): number {
  return linear(centsPerKwMonth, PRICE_BEST, PRICE_WORST);
}
export function timeToPowerValue(req: PreparedRequest, firstPowerDay: number): number {
  return linear(monthsToPower(req, firstPowerDay), TTP_BEST, TTP_WORST);
}
export function energyPriceValue(centsPerMwh: number): number {
  return linear(centsPerMwh, ENERGY_BEST, ENERGY_WORST);
}
export function renewableValue(pct: number): number {
  return clamp01(pct / 100);
}

/** Normalised 0-1 values, 1 best. */
export function criterionValues(req: PreparedRequest, f: ScoreFigures): Record<CriterionKey, number> {
  return {
    readiness: readinessValue(f.readiness),
    price: priceValue(f.priceCents),
    timeToPower: timeToPowerValue(req, f.firstPowerDay),
    energyPrice: energyPriceValue(f.energyPriceCentsPerMwh),
    renewableShare: renewableValue(f.renewableSharePct),
    backfillValue: req.backfill ? clamp01(f.backfillValue) : 0,
  };
}

/** Weights that apply to this request, summing to 1: backfill drops out when mining is not allowed. */
export function effectiveWeights(backfillAllowed: boolean): Record<CriterionKey, number> {
  let sum = 0;
  for (const key of CRITERIA_ORDER) {
    if (key !== 'backfillValue' || backfillAllowed) sum += MATCHING_WEIGHTS[key].weight;
  }
  const out = {} as Record<CriterionKey, number>;
  for (const key of CRITERIA_ORDER) {
    out[key] = key !== 'backfillValue' || backfillAllowed ? MATCHING_WEIGHTS[key].weight / sum : 0;
  }
  return out;
}

/**
 * Score of one site from its allocation's figures, without objects: the same sum, in the same order, as
 * totalScore(criterionValues(req, scoreFigures(...))), for ranking every site that fits alone. Written to
 * `f.score` rather than returned: a returned double is boxed, 100,000 times a call.
 */
export function scoreSingle(
  req: PreparedRequest,
  c: MatchCandidate,
  f: SingleFigures,
  w: Record<CriterionKey, number>,
): void {
  let s = 0;
  s += readinessValue(c.readinessScore) * w.readiness;
  s += priceValue(f.totalKw > 0 ? f.costCents / f.totalKw : 0) * w.price;
  s += timeToPowerValue(req, f.firstPowerDay) * w.timeToPower;
  s += energyPriceValue(c.energyPriceCentsPerMwh) * w.energyPrice;
  s += renewableValue(c.renewableSharePct) * w.renewableShare;
  s += (req.backfill ? clamp01(siteBackfillValue(c, f.totalKw)) : 0) * w.backfillValue;
  f.score = round(s * 100, 3);
}

/** 0-100, 3 decimals (Match.score is Decimal(6,3)); summed in CRITERIA_ORDER so it is reproducible. */
export function totalScore(values: Record<CriterionKey, number>, weights: Record<CriterionKey, number>): number {
  let s = 0;
  for (const key of CRITERIA_ORDER) s += values[key] * weights[key];
  return round(s * 100, 3);
}

function reasonFor(key: CriterionKey, req: PreparedRequest, f: ScoreFigures): string {
  const across = f.siteCount > 1 ? `, MW-weighted across ${f.siteCount} sites` : '';
  switch (key) {
    case 'readiness':
      return `Readiness ${Math.round(f.readiness)}/100${across}`;
    case 'price': {
      const p = SCORE_SCALES.priceCentsPerKwMonth;
      const blocks = f.blockCount === 1 ? '1 block' : `${f.blockCount} blocks`;
      return `${formatUsd(f.priceCents)}/kW-month over ${blocks} (${formatUsdWhole(p.best)} scores 1, ${formatUsdWhole(p.worst)} scores 0)`;
    }
    case 'timeToPower': {
      const phase1 = formatMw(req.phaseCumKw[0] ?? 0);
      const months = monthsToPower(req, f.firstPowerDay);
      if (months <= 0) return `Phase 1 (${phase1} MW) is live by ${formatDay(req.asOfDay)}`;
      return `Phase 1 (${phase1} MW) live ${formatDay(f.firstPowerDay)}, ${months.toFixed(1)} months from ${formatDay(req.asOfDay)} (${SCORE_SCALES.timeToPowerMonths.worst} months scores 0)`;
    }
    case 'energyPrice': {
      const e = SCORE_SCALES.energyPriceCentsPerMwh;
      return `Energy ${formatUsd(f.energyPriceCentsPerMwh)}/MWh${across} (${formatUsdWhole(e.best)} scores 1, ${formatUsdWhole(e.worst)} scores 0)`;
    }
    case 'renewableShare':
      return `${Math.round(f.renewableSharePct)}% renewable${across}`;
    case 'backfillValue':
      if (!req.backfill) return 'Not counted: the request does not allow backfill mining';
      return `${formatMw(f.interruptibleMw * 1000)} MW interruptible for ${formatMw(f.allocatedKw)} MW allocated, energy ${formatUsd(f.energyPriceCentsPerMwh)}/MWh against a ~${formatUsdWhole(SCORE_SCALES.backfillBreakEvenCentsPerMwh)}/MWh mining break-even`;
  }
}

export function explainCriteria(
  req: PreparedRequest,
  f: ScoreFigures,
  values: Record<CriterionKey, number>,
  weights: Record<CriterionKey, number>,
): CriterionExplanation[] {
  return CRITERIA_ORDER.map((key) => ({
    key,
    label: MATCHING_WEIGHTS[key].label,
    value: round(values[key], 3),
    weight: round(weights[key], 4),
    contribution: round(values[key] * weights[key] * 100, 3),
    reason: reasonFor(key, req, f),
  }));
}
