// Per-MWh and per-month economics of a fleet under an offer, with packages/revenue's mining formula:
// revenue per MWh = (1,000 / J/TH) PH/s per MW x hashprice / 24, less the pool fee.
import { breakEvenHashprice, miningRevenuePerMwh } from '@gridshare/revenue';
import type { HostingMarket, HostingOfferView, ResolvedFleet } from './types.js';

/** An average month: 8,760 h / 12. */
export const HOURS_PER_MONTH = 730;

/** Hours a month the fleet is expected to run: the month less the full curtailment allowance, times the uptime commitment. */
export function expectedRunHoursPerMonth(offer: Pick<HostingOfferView, 'maxCurtailedHoursPerMonth' | 'uptimeCommitmentPct'>): number {
  return Math.max(0, HOURS_PER_MONTH - offer.maxCurtailedHoursPerMonth) * (offer.uptimeCommitmentPct / 100);
}

/**
 * What one MWh costs the fleet, $: the all-in rate, or the site's energy plus the fee per kW-month spread
 * over the hours the fleet is expected to run.
 */
export function effectiveRateUsdPerMwh(offer: HostingOfferView): number {
  if (offer.pricing.kind === 'ALL_IN') return offer.pricing.rateCentsPerMwh / 100;
  const hours = expectedRunHoursPerMonth(offer);
  const feePerMwh = hours > 0 ? (offer.pricing.feeCentsPerKwMonth * 1_000) / hours / 100 : Number.POSITIVE_INFINITY;
  return offer.pricing.energyCentsPerMwh / 100 + feePerMwh;
}

export interface OfferEconomics {
  /** Hash revenue after the pool fee per MWh at the fleet's efficiency, $. */
  readonly revenueUsdPerMwh: number;
  readonly rateUsdPerMwh: number;
  /** revenue − rate, $ per MWh. */
  readonly marginUsdPerMwh: number;
  /** Hashprice at which the margin is zero, $/PH/day. */
  readonly breakEvenHashpriceUsdPerPhDay: number;
  readonly expectedRunHoursPerMonth: number;
  readonly expectedMwhPerMonth: number;
  /** margin x expected MWh, whole dollars rounded to the cent. */
  readonly expectedMonthlyProfitUsd: number;
}

export function offerEconomics(offer: HostingOfferView, fleet: ResolvedFleet, market: HostingMarket): OfferEconomics {
  const revenue = miningRevenuePerMwh(fleet.jPerTh, market.hashpriceUsdPerPhDay, market.poolFeePercent);
  const rate = effectiveRateUsdPerMwh(offer);
  const runHours = expectedRunHoursPerMonth(offer);
  const mwh = fleet.mw * runHours;
  const margin = revenue - rate;
  return {
    revenueUsdPerMwh: revenue,
    rateUsdPerMwh: rate,
    marginUsdPerMwh: margin,
    breakEvenHashpriceUsdPerPhDay: breakEvenHashprice(fleet.jPerTh, market.poolFeePercent, rate, 0),
    expectedRunHoursPerMonth: runHours,
    expectedMwhPerMonth: mwh,
    expectedMonthlyProfitUsd: Math.round(mwh * margin * 100) / 100,
  };
}
