// Matching a fleet's hosting request against hosting offers: hard constraints first (each failed one is a
// reason the offer is excluded), then a 0-100 score from the fleet's expected margin per MWh, the uptime
// commitment, the curtailment risk and the host's verification. Every result explains itself.
import { offerEconomics, type OfferEconomics } from './economics.js';
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
  readonly excluded: readonly HostingExclusion[];
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const usd = (x: number) => `$${x.toFixed(2)}`;
const perKwh = (usdPerMwh: number) => `$${(usdPerMwh / 1_000).toFixed(5)}/kWh`;

function monthsBetween(a: string, b: string): number {
  return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
}

/** Why an offer cannot host this fleet, empty when it can. */
export function hostingConstraintFailures(
  request: HostingRequestView,
  fleet: ResolvedFleet,
  offer: HostingOfferView,
  economics: OfferEconomics,
): { constraint: HostingConstraintKey; message: string }[] {
  const out: { constraint: HostingConstraintKey; message: string }[] = [];
  if (request.regions.length > 0 && !request.regions.includes(offer.region))
    out.push({ constraint: 'region', message: `the offer is in ${offer.region}, not in ${request.regions.join(', ')}` });
  if (offer.mw + 1e-9 < fleet.mw)
    out.push({ constraint: 'mw', message: `the offer has ${offer.mw} MW; the fleet needs ${round3(fleet.mw)} MW` });
  if (offer.availableFrom > request.startDate)
    out.push({ constraint: 'dates', message: `the power is available from ${offer.availableFrom}, after the fleet's start ${request.startDate}` });
  if (request.termMonths < offer.minTermMonths)
    out.push({ constraint: 'term', message: `the offer's minimum term is ${offer.minTermMonths} months; the fleet asks for ${request.termMonths}` });
  const unfit = fleet.coolings.filter((c) => !coolingFits(c, offer.coolings));
  if (unfit.length > 0)
    out.push({ constraint: 'cooling', message: `${unfit.join(', ')} machines need cooling the offer lacks (it has ${offer.coolings.join(', ')})` });
  if (offer.maxJPerTh !== null && fleet.worstJPerTh > offer.maxJPerTh)
    out.push({ constraint: 'efficiency', message: `the fleet's least efficient machines run at ${fleet.worstJPerTh} J/TH; the offer accepts at most ${offer.maxJPerTh} J/TH` });
  if (offer.maxCurtailedHoursPerMonth > request.curtailmentToleratedHoursPerMonth)
    out.push({
      constraint: 'curtailment',
      message: `the offer may curtail ${offer.maxCurtailedHoursPerMonth} h a month; the fleet tolerates ${request.curtailmentToleratedHoursPerMonth} h`,
    });
  if (offer.uptimeCommitmentPct < request.uptimeNeededPct)
    out.push({ constraint: 'uptime', message: `the offer commits ${offer.uptimeCommitmentPct}% uptime; the fleet needs ${request.uptimeNeededPct}%` });
  if (request.service && request.service !== offer.service)
    out.push({ constraint: 'service', message: `the offer provides ${offer.service}; the fleet asks for ${request.service}` });
  if (economics.rateUsdPerMwh * 100 > request.maxRateCentsPerMwh + 1e-6)
    out.push({
      constraint: 'rate',
      message: `the effective rate is ${perKwh(economics.rateUsdPerMwh)}; the fleet pays at most ${perKwh(request.maxRateCentsPerMwh / 100)}`,
    });
  return out;
}

function criteria(offer: HostingOfferView, request: HostingRequestView, economics: OfferEconomics, bestMargin: number): HostingCriterion[] {
  const margin = economics.marginUsdPerMwh;
  const marginValue = margin <= 0 || bestMargin <= 0 ? 0 : margin / bestMargin;
  const uptimeValue = Math.min(1, Math.max(0, (offer.uptimeCommitmentPct - UPTIME_FLOOR_PCT) / (100 - UPTIME_FLOOR_PCT)));
  const tolerated = request.curtailmentToleratedHoursPerMonth;
  const riskValue = offer.maxCurtailedHoursPerMonth === 0 ? 1 : tolerated > 0 ? 1 - offer.maxCurtailedHoursPerMonth / tolerated : 0;
  const rows: [HostingCriterionKey, number, string][] = [
    [
      'margin',
      marginValue,
      `${usd(margin)}/MWh margin: ${usd(economics.revenueUsdPerMwh)} hash revenue less ${usd(economics.rateUsdPerMwh)} rate; break-even at ${usd(economics.breakEvenHashpriceUsdPerPhDay)}/PH/day`,
    ],
    ['uptime', uptimeValue, `${offer.uptimeCommitmentPct}% uptime committed`],
    [
      'curtailmentRisk',
      riskValue,
      offer.interruptibility === 'FIRM'
        ? 'firm power: never curtailed'
        : `may curtail ${offer.maxCurtailedHoursPerMonth} h a month (of ${tolerated} tolerated) on ${offer.noticeSeconds} s notice, for ${offer.preemptors.join(', ')}`,
    ],
    ['verification', offer.hostVerified ? 1 : 0, offer.hostVerified ? 'site and host verified by the platform' : 'host not verified yet'],
  ];
  return rows.map(([key, value, reason]) => ({
    key,
    value: round3(value),
    weight: HOSTING_WEIGHTS[key],
    contribution: round3(value * HOSTING_WEIGHTS[key] * 100),
    reason,
  }));
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
  const excluded: HostingExclusion[] = [];
  const fit: { offer: HostingOfferView; economics: OfferEconomics }[] = [];
  for (const offer of offers) {
    const economics = offerEconomics(offer, fleet, market);
    const reasons = hostingConstraintFailures(request, fleet, offer, economics);
    if (reasons.length > 0) excluded.push({ offerId: offer.id, reasons });
    else fit.push({ offer, economics });
  }
  const bestMargin = Math.max(0, ...fit.map((f) => f.economics.marginUsdPerMwh));
  const scored = fit.map(({ offer, economics }) => {
    const rows = criteria(offer, request, economics, bestMargin);
    const score = round3(rows.reduce((s, r) => s + r.contribution, 0));
    return { offer, economics, rows, score };
  });
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      b.economics.expectedMonthlyProfitUsd - a.economics.expectedMonthlyProfitUsd ||
      (a.offer.id < b.offer.id ? -1 : a.offer.id > b.offer.id ? 1 : 0),
  );
  const matches = scored.slice(0, limit).map((s, i) => ({
    rank: i + 1,
    offerId: s.offer.id,
    score: s.score,
    economics: s.economics,
    criteria: s.rows,
    summary:
      `${usd(s.economics.marginUsdPerMwh)}/MWh expected margin at ${usd(market.hashpriceUsdPerPhDay)}/PH/day ` +
      `(${usd(s.economics.expectedMonthlyProfitUsd)} a month over ${round3(s.economics.expectedMwhPerMonth)} MWh); ` +
      `break-even ${usd(s.economics.breakEvenHashpriceUsdPerPhDay)}/PH/day`,
  }));
  return { modelVersion: HOSTING_MATCHING_MODEL_VERSION, fleet, market, matches, excluded };
}
