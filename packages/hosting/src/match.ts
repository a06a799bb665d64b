// Matching a fleet's hosting request against hosting offers: hard constraints first (each failed one is a
// reason the offer is excluded), then a 0-100 score from the fleet's expected margin per MWh, the uptime
// commitment, the curtailment risk and the host's verification. Every result explains itself.
import { miningRevenuePerMwh } from '@gridshare/revenue';
import { effectiveRateUsdPerMwh, expectedRunHoursPerMonth, offerEconomics, type OfferEconomics } from './economics.js';
import { coolingFits, resolveFleet } from './fleet.js';
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

/** The constraints `offer` fails for this fleet, in a fixed order (no allocation but the array: it runs per offer). */
function failedConstraints(request: HostingRequestView, fleet: ResolvedFleet, offer: HostingOfferView, rateUsdPerMwh: number): HostingConstraintKey[] {
  const out: HostingConstraintKey[] = [];
  if (request.regions.length > 0 && !request.regions.includes(offer.region)) out.push('region');
  if (offer.mw + 1e-9 < fleet.mw) out.push('mw');
  if (offer.availableFrom > request.startDate) out.push('dates');
  if (request.termMonths < offer.minTermMonths) out.push('term');
  for (const c of fleet.coolings) {
    if (!coolingFits(c, offer.coolings)) {
      out.push('cooling');
      break;
    }
  }
  if (offer.maxJPerTh !== null && fleet.worstJPerTh > offer.maxJPerTh) out.push('efficiency');
  if (offer.maxCurtailedHoursPerMonth > request.curtailmentToleratedHoursPerMonth) out.push('curtailment');
  if (offer.uptimeCommitmentPct < request.uptimeNeededPct) out.push('uptime');
  if (request.service && request.service !== offer.service) out.push('service');
  if (rateUsdPerMwh * 100 > request.maxRateCentsPerMwh + 1e-6) out.push('rate');
  return out;
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

/** Each criterion's 0-1 value: all the score needs. */
function criterionValues(offer: HostingOfferView, request: HostingRequestView, margin: number, bestMargin: number): Record<HostingCriterionKey, number> {
  const tolerated = request.curtailmentToleratedHoursPerMonth;
  return {
    margin: margin <= 0 || bestMargin <= 0 ? 0 : margin / bestMargin,
    uptime: Math.min(1, Math.max(0, (offer.uptimeCommitmentPct - UPTIME_FLOOR_PCT) / (100 - UPTIME_FLOOR_PCT))),
    curtailmentRisk: offer.maxCurtailedHoursPerMonth === 0 ? 1 : tolerated > 0 ? 1 - offer.maxCurtailedHoursPerMonth / tolerated : 0,
    verification: offer.hostVerified ? 1 : 0,
  };
}

const CRITERIA = Object.keys(HOSTING_WEIGHTS) as HostingCriterionKey[];

function scoreOf(values: Record<HostingCriterionKey, number>): number {
  let score = 0;
  for (const key of CRITERIA) score += round3(round3(values[key]) * HOSTING_WEIGHTS[key] * 100);
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
  const excluded: HostingExclusion[] = [];
  const exclusionCounts: Record<HostingConstraintKey, number> = { region: 0, mw: 0, dates: 0, term: 0, cooling: 0, efficiency: 0, curtailment: 0, uptime: 0, service: 0, rate: 0 };
  let excludedTotal = 0;
  // Hash revenue per MWh is the fleet's, the same under every offer: margins differ by rate alone.
  const revenue = miningRevenuePerMwh(fleet.jPerTh, market.hashpriceUsdPerPhDay, market.poolFeePercent);
  const fit: { offer: HostingOfferView; margin: number; profit: number }[] = [];
  for (const offer of offers) {
    const rate = effectiveRateUsdPerMwh(offer);
    const failures = failedConstraints(request, fleet, offer, rate);
    if (failures.length === 0) {
      const margin = revenue - rate;
      fit.push({ offer, margin, profit: fleet.mw * expectedRunHoursPerMonth(offer) * margin });
      continue;
    }
    excludedTotal += 1;
    for (const key of failures) exclusionCounts[key] += 1;
    if (excluded.length < EXCLUSION_DETAIL_LIMIT) excluded.push({ offerId: offer.id, reasons: checkConstraints(request, fleet, offer, rate) });
  }
  let bestMargin = 0;
  for (const f of fit) if (f.margin > bestMargin) bestMargin = f.margin;
  // Only the best `limit` are kept (insertion into a short sorted list): sorting every fitting offer of a
  // broad request cost ~20x the rest of the match (docs/performance.md).
  type Scored = (typeof fit)[number] & { values: Record<HostingCriterionKey, number>; score: number };
  const better = (a: Scored, b: Scored) => b.score - a.score || b.profit - a.profit || (a.offer.id < b.offer.id ? -1 : a.offer.id > b.offer.id ? 1 : 0);
  const scored: Scored[] = [];
  for (const f of fit) {
    const values = criterionValues(f.offer, request, f.margin, bestMargin);
    const candidate: Scored = { offer: f.offer, margin: f.margin, profit: f.profit, values, score: scoreOf(values) };
    if (scored.length === limit && better(candidate, scored[limit - 1]!) >= 0) continue;
    let at = scored.length;
    while (at > 0 && better(candidate, scored[at - 1]!) < 0) at--;
    scored.splice(at, 0, candidate);
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
