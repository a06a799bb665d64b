// Matching a fleet's hosting request against hosting offers: hard constraints first (each failed one is a
// reason the offer is excluded), then a 0-100 score from the fleet's expected margin per MWh, the uptime
// commitment, the curtailment risk and the host's verification. Every result explains itself.
import { miningRevenuePerMwh } from '@gridshare/revenue';
import { effectiveRateUsdPerMwh, expectedRunHoursPerMonth, offerEconomics, type OfferEconomics } from './economics.js';
import { coolingFits, resolveFleet } from './fleet.js';

// Local names for the functions the per-offer loops call: an imported binding compiled to CommonJS (tsx,
// ts-jest) is a getter call on every use, ~6% of a 100,000-offer match.
const rateOf = effectiveRateUsdPerMwh;
const runHoursOf = expectedRunHoursPerMonth;
const fits = coolingFits;
import type { HostingMarket, HostingOfferView, HostingRequestView, ResolvedFleet } from './types.js';

export const HOSTING_MATCHING_MODEL_VERSION = 'hosting-1';

export type HostingConstraintKey = 'region' | 'mw' | 'dates' | 'term' | 'cooling' | 'efficiency' | 'curtailment' | 'uptime' | 'service' | 'rate';

export type HostingCriterionKey = 'margin' | 'uptime' | 'curtailmentRisk' | 'verification';

export const HOSTING_WEIGHTS: Readonly<Record<HostingCriterionKey, number>> = Object.freeze({
  margin: 0.55,
  uptime: 0.15,
  curtailmentRisk: 0.15,
  verification: 0.15,
});

/** Uptime commitments are scored from 90% (0) to 100% (1). */
const UPTIME_FLOOR_PCT = 90;

export interface HostingExclusion {
  readonly offerId: string;
  readonly reasons: readonly { readonly constraint: HostingConstraintKey; readonly message: string }[];
}

export interface HostingCriterion {
  readonly key: HostingCriterionKey;
  readonly value: number;
  readonly weight: number;
  readonly contribution: number;
  readonly reason: string;
}

export interface HostingMatch {
  readonly rank: number;
  readonly offerId: string;
  readonly score: number;
  readonly economics: OfferEconomics;
  readonly criteria: readonly HostingCriterion[];
  readonly summary: string;
}

export interface HostingMatchResult {
  readonly modelVersion: string;
  readonly fleet: ResolvedFleet;
  readonly market: HostingMarket;
  readonly matches: readonly HostingMatch[];
  /** The first EXCLUSION_DETAIL_LIMIT excluded offers, each with every reason in words. */
  readonly excluded: readonly HostingExclusion[];
  /** How many offers failed each constraint (an offer failing two counts twice), and how many were excluded. */
  readonly exclusionCounts: Readonly<Record<HostingConstraintKey, number>>;
  readonly excludedTotal: number;
}

/** Excluded offers explained in words; the rest are counted per constraint. */
export const EXCLUSION_DETAIL_LIMIT = 50;

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const usd = (x: number) => `$${x.toFixed(2)}`;
const perKwh = (usdPerMwh: number) => `$${(usdPerMwh / 1_000).toFixed(5)}/kWh`;

function monthsBetween(a: string, b: string): number {
  return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
}

type Failure = { constraint: HostingConstraintKey; message: string };

/** The constraints in the order they are reported; bit i of a failure mask is CONSTRAINTS[i]. */
const CONSTRAINTS: readonly HostingConstraintKey[] = ['region', 'mw', 'dates', 'term', 'cooling', 'efficiency', 'curtailment', 'uptime', 'service', 'rate'];

/** A request's constraints, resolved once: the per-offer test reads plain fields and allocates nothing. */
interface ConstraintPlan {
  regions: ReadonlySet<string> | null;
  fleetMw: number;
  startDate: string;
  termMonths: number;
  coolings: readonly ResolvedFleet['coolings'][number][];
  worstJPerTh: number;
  toleratedHours: number;
  uptimeNeededPct: number;
  service: HostingRequestView['service'];
  maxRateCentsPerMwh: number;
}

function planOf(request: HostingRequestView, fleet: ResolvedFleet): ConstraintPlan {
  return {
    regions: request.regions.length > 0 ? new Set(request.regions) : null,
    fleetMw: fleet.mw,
    startDate: request.startDate,
    termMonths: request.termMonths,
    coolings: fleet.coolings,
    worstJPerTh: fleet.worstJPerTh,
    toleratedHours: request.curtailmentToleratedHoursPerMonth,
    uptimeNeededPct: request.uptimeNeededPct,
    service: request.service,
    maxRateCentsPerMwh: request.maxRateCentsPerMwh,
  };
}

/** The constraints `offer` fails for this fleet, as bits (0: it can host the fleet). Runs once per offer. */
function failureMask(plan: ConstraintPlan, offer: HostingOfferView, rateUsdPerMwh: number): number {
  let mask = 0;
  if (plan.regions !== null && !plan.regions.has(offer.region)) mask |= 1;
  if (offer.mw + 1e-9 < plan.fleetMw) mask |= 2;
  if (offer.availableFrom > plan.startDate) mask |= 4;
  if (plan.termMonths < offer.minTermMonths) mask |= 8;
  for (const c of plan.coolings) {
    if (!fits(c, offer.coolings)) {
      mask |= 16;
      break;
    }
  }
  if (offer.maxJPerTh !== null && plan.worstJPerTh > offer.maxJPerTh) mask |= 32;
  if (offer.maxCurtailedHoursPerMonth > plan.toleratedHours) mask |= 64;
  if (offer.uptimeCommitmentPct < plan.uptimeNeededPct) mask |= 128;
  if (plan.service && plan.service !== offer.service) mask |= 256;
  if (rateUsdPerMwh * 100 > plan.maxRateCentsPerMwh + 1e-6) mask |= 512;
  return mask;
}

/** The constraints `offer` fails for this fleet, in CONSTRAINTS order. */
function failedConstraints(request: HostingRequestView, fleet: ResolvedFleet, offer: HostingOfferView, rateUsdPerMwh: number): HostingConstraintKey[] {
  const mask = failureMask(planOf(request, fleet), offer, rateUsdPerMwh);
  return CONSTRAINTS.filter((_, bit) => (mask & (1 << bit)) !== 0);
}

/** One failed constraint in words. */
function describeFailure(key: HostingConstraintKey, request: HostingRequestView, fleet: ResolvedFleet, offer: HostingOfferView, rateUsdPerMwh: number): string {
  switch (key) {
    case 'region':
      return `the offer is in ${offer.region}, not in ${request.regions.join(', ')}`;
    case 'mw':
      return `the offer has ${offer.mw} MW; the fleet needs ${round3(fleet.mw)} MW`;
    case 'dates':
      return `the power is available from ${offer.availableFrom}, after the fleet's start ${request.startDate}`;
    case 'term':
      return `the offer's minimum term is ${offer.minTermMonths} months; the fleet asks for ${request.termMonths}`;
    case 'cooling':
      return `${fleet.coolings.filter((c) => !coolingFits(c, offer.coolings)).join(', ')} machines need cooling the offer lacks (it has ${offer.coolings.join(', ')})`;
    case 'efficiency':
      return `the fleet's least efficient machines run at ${fleet.worstJPerTh} J/TH; the offer accepts at most ${offer.maxJPerTh} J/TH`;
    case 'curtailment':
      return `the offer may curtail ${offer.maxCurtailedHoursPerMonth} h a month; the fleet tolerates ${request.curtailmentToleratedHoursPerMonth} h`;
    case 'uptime':
      return `the offer commits ${offer.uptimeCommitmentPct}% uptime; the fleet needs ${request.uptimeNeededPct}%`;
    case 'service':
      return `the offer provides ${offer.service}; the fleet asks for ${request.service}`;
    case 'rate':
      return `the effective rate is ${perKwh(rateUsdPerMwh)}; the fleet pays at most ${perKwh(request.maxRateCentsPerMwh / 100)}`;
  }
}

function checkConstraints(request: HostingRequestView, fleet: ResolvedFleet, offer: HostingOfferView, rateUsdPerMwh: number): Failure[] {
  return failedConstraints(request, fleet, offer, rateUsdPerMwh).map((constraint) => ({ constraint, message: describeFailure(constraint, request, fleet, offer, rateUsdPerMwh) }));
}

/** Why an offer cannot host this fleet, in words; empty when it can. */
export function hostingConstraintFailures(request: HostingRequestView, fleet: ResolvedFleet, offer: HostingOfferView, economics: OfferEconomics): Failure[] {
  return checkConstraints(request, fleet, offer, economics.rateUsdPerMwh);
}

/** The margin criterion's 0-1 value: the share of the best fitting offer's margin. */
const marginValue = (margin: number, bestMargin: number) => (margin <= 0 || bestMargin <= 0 ? 0 : margin / bestMargin);

/** Each criterion's 0-1 value, written into `into` (one object per match, not per offer): all the score needs. */
function criterionValues(
  offer: HostingOfferView,
  request: HostingRequestView,
  margin: number,
  bestMargin: number,
  into: Record<HostingCriterionKey, number> = { margin: 0, uptime: 0, curtailmentRisk: 0, verification: 0 },
): Record<HostingCriterionKey, number> {
  const tolerated = request.curtailmentToleratedHoursPerMonth;
  into.margin = marginValue(margin, bestMargin);
  into.uptime = Math.min(1, Math.max(0, (offer.uptimeCommitmentPct - UPTIME_FLOOR_PCT) / (100 - UPTIME_FLOOR_PCT)));
  into.curtailmentRisk = offer.maxCurtailedHoursPerMonth === 0 ? 1 : tolerated > 0 ? 1 - offer.maxCurtailedHoursPerMonth / tolerated : 0;
  into.verification = offer.hostVerified ? 1 : 0;
  return into;
}

const CRITERIA = Object.keys(HOSTING_WEIGHTS) as HostingCriterionKey[];

const { margin: W_MARGIN, uptime: W_UPTIME, curtailmentRisk: W_CURTAILMENT, verification: W_VERIFICATION } = HOSTING_WEIGHTS;

/** The most the criteria other than margin add to a score (each value is at most 1). */
const OTHER_CRITERIA_MAX = (W_UPTIME + W_CURTAILMENT + W_VERIFICATION) * 100;
/** More than the roundings of scoreOf can add to the unrounded weighted sum (nine roundings of 0.0005). */
const ROUNDING_SLACK = 0.01;

/** Σ round3(round3(value) × weight × 100) in CRITERIA order, written out: it runs for every fitting offer. */
function scoreOf(values: Record<HostingCriterionKey, number>): number {
  let score = 0;
  score += round3(round3(values.margin) * W_MARGIN * 100);
  score += round3(round3(values.uptime) * W_UPTIME * 100);
  score += round3(round3(values.curtailmentRisk) * W_CURTAILMENT * 100);
  score += round3(round3(values.verification) * W_VERIFICATION * 100);
  return round3(score);
}

/** The criteria of one ranked match, with their reasons in words. */
function explain(offer: HostingOfferView, request: HostingRequestView, economics: OfferEconomics, values: Record<HostingCriterionKey, number>): HostingCriterion[] {
  const reasons: Record<HostingCriterionKey, string> = {
    margin: `${usd(economics.marginUsdPerMwh)}/MWh margin: ${usd(economics.revenueUsdPerMwh)} hash revenue less ${usd(economics.rateUsdPerMwh)} rate; break-even at ${usd(economics.breakEvenHashpriceUsdPerPhDay)}/PH/day`,
    uptime: `${offer.uptimeCommitmentPct}% uptime committed`,
    curtailmentRisk:
      offer.interruptibility === 'FIRM'
        ? 'firm power: never curtailed'
        : `may curtail ${offer.maxCurtailedHoursPerMonth} h a month (of ${request.curtailmentToleratedHoursPerMonth} tolerated) on ${offer.noticeSeconds} s notice, for ${offer.preemptors.join(', ')}`,
    verification: offer.hostVerified ? 'site and host verified by the platform' : 'host not verified yet',
  };
  return CRITERIA.map((key) => {
    const value = round3(values[key]);
    return { key, value, weight: HOSTING_WEIGHTS[key], contribution: round3(value * HOSTING_WEIGHTS[key] * 100), reason: reasons[key] };
  });
}

/** Score, then expected monthly profit, then offer id: whether the first ranks before `kept`. */
function ranksBefore(score: number, profit: number, id: string, kept: { score: number; profit: number; offer: HostingOfferView }): boolean {
  if (score !== kept.score) return score > kept.score;
  if (profit !== kept.profit) return profit > kept.profit;
  return id < kept.offer.id;
}

/**
 * Ranks the offers that can host the request's fleet, best first (score, then expected monthly profit,
 * then offer id, so equal inputs always give the same order), and says why each other offer is excluded.
 */
export function matchHostingRequest(
  request: HostingRequestView,
  offers: readonly HostingOfferView[],
  market: HostingMarket,
  limit = 20,
): HostingMatchResult {
  const fleet = resolveFleet(request.fleet);
  limit = Math.max(1, Math.floor(limit));
  const plan = planOf(request, fleet);
  const excluded: HostingExclusion[] = [];
  const failures = new Int32Array(CONSTRAINTS.length);
  let excludedTotal = 0;
  // Hash revenue per MWh is the fleet's, the same under every offer: margins differ by rate alone.
  const revenue = miningRevenuePerMwh(fleet.jPerTh, market.hashpriceUsdPerPhDay, market.poolFeePercent);
  // Fitting offers as indexes and rates (no object per offer: a broad request fits 70,000 of 100,000).
  const fitIndexes: number[] = [];
  const fitRates: number[] = [];
  let bestMargin = 0;
  for (let i = 0; i < offers.length; i++) {
    const offer = offers[i]!;
    const rate = rateOf(offer);
    const mask = failureMask(plan, offer, rate);
    if (mask === 0) {
      fitIndexes.push(i);
      fitRates.push(rate);
      if (revenue - rate > bestMargin) bestMargin = revenue - rate;
      continue;
    }
    excludedTotal += 1;
    for (let bit = 0; bit < CONSTRAINTS.length; bit++) if ((mask & (1 << bit)) !== 0) failures[bit]! += 1;
    if (excluded.length < EXCLUSION_DETAIL_LIMIT) excluded.push({ offerId: offer.id, reasons: checkConstraints(request, fleet, offer, rate) });
  }
  const exclusionCounts = Object.fromEntries(CONSTRAINTS.map((key, bit) => [key, failures[bit]!])) as Record<HostingConstraintKey, number>;
  // Only the best `limit` are kept, by insertion into a short sorted list (sorting every fitting offer of a
  // broad request cost ~20x the rest of the match, docs/performance.md); an offer that cannot enter it
  // allocates nothing.
  type Scored = { offer: HostingOfferView; margin: number; profit: number; values: Record<HostingCriterionKey, number>; score: number };
  const scored: Scored[] = [];
  const values: Record<HostingCriterionKey, number> = { margin: 0, uptime: 0, curtailmentRisk: 0, verification: 0 };
  for (let f = 0; f < fitIndexes.length; f++) {
    const offer = offers[fitIndexes[f]!]!;
    const margin = revenue - fitRates[f]!;
    // With the list full, an offer whose margin alone keeps it below the last kept score is not scored (a
    // broad request fits 73,333 offers; most fall out here).
    if (scored.length === limit && marginValue(margin, bestMargin) * W_MARGIN * 100 + OTHER_CRITERIA_MAX + ROUNDING_SLACK < scored[limit - 1]!.score) continue;
    const profit = fleet.mw * runHoursOf(offer) * margin;
    const score = scoreOf(criterionValues(offer, request, margin, bestMargin, values));
    let at = scored.length;
    while (at > 0 && ranksBefore(score, profit, offer.id, scored[at - 1]!)) at--;
    if (at >= limit) continue;
    scored.splice(at, 0, { offer, margin, profit, values: { ...values }, score });
    if (scored.length > limit) scored.pop();
  }
  // Economics and reasons in words for the ranked few only.
  const ranked = scored.map((s) => ({ ...s, economics: offerEconomics(s.offer, fleet, market) }));
  const matches = ranked.map((s, i) => ({
    rank: i + 1,
    offerId: s.offer.id,
    score: s.score,
    economics: s.economics,
    criteria: explain(s.offer, request, s.economics, s.values),
    summary:
      `${usd(s.economics.marginUsdPerMwh)}/MWh expected margin at ${usd(market.hashpriceUsdPerPhDay)}/PH/day ` +
      `(${usd(s.economics.expectedMonthlyProfitUsd)} a month over ${round3(s.economics.expectedMwhPerMonth)} MWh); ` +
      `break-even ${usd(s.economics.breakEvenHashpriceUsdPerPhDay)}/PH/day`,
  }));
  return { modelVersion: HOSTING_MATCHING_MODEL_VERSION, fleet, market, matches, excluded, exclusionCounts, excludedTotal };
}
