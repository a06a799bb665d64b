// The fleet's year under an offer, hour by hour, through packages/revenue: the offer's curtailment pattern
// (or the AI load whose idle power the offer sells) decides when the fleet runs; the fleet stops in hours
// its hash revenue does not cover the energy it pays for.
import { simulateRevenue, yearCalendar, type TDemandResponseEvent, type TRevenueInput } from '@gridshare/revenue';
import type { HostingMarket, HostingOfferView, ResolvedFleet } from './types.js';

/** Curtailment runs in blocks of this many hours, one a day from the first of each month, until the month's allowance is used. */
export const CURTAILMENT_BLOCK_HOURS = 4;
/** UTC hour the blocks start: the evening peak when grids and prices call on flexible load. */
export const CURTAILMENT_START_HOUR_UTC = 18;

/** The offer's full monthly curtailment allowance as events, one block a day from the 1st of each month. */
export function curtailmentPattern(startDate: string, hoursPerMonth: number): TDemandResponseEvent[] {
  if (hoursPerMonth <= 0) return [];
  const { hours } = yearCalendar(startDate);
  const start = Date.parse(`${startDate}T00:00:00Z`);
  const events: TDemandResponseEvent[] = [];
  let month = -1;
  let left = 0;
  for (let day = 0; day * 24 < hours; day++) {
    const date = new Date(start + day * 86_400_000);
    if (date.getUTCMonth() !== month) {
      month = date.getUTCMonth();
      left = hoursPerMonth;
    }
    if (left <= 0) continue;
    const startHour = day * 24 + CURTAILMENT_START_HOUR_UTC;
    const durationHours = Math.min(CURTAILMENT_BLOCK_HOURS, left, hours - startHour);
    if (durationHours <= 0) continue;
    events.push({ startHour, durationHours, paymentUsdPerMwh: 0 });
    left -= durationHours;
  }
  return events;
}

export interface FleetYear {
  readonly startDate: string;
  readonly miningMwh: number;
  readonly curtailedMwh: number;
  readonly grossRevenueCents: number;
  readonly poolFeesCents: number;
  /** What the fleet pays for its kWh (all-in rate, or pass-through energy). */
  readonly energyCents: number;
  /** Pass-through fee per kW-month x the fleet's kW x 12 (0 for all-in). */
  readonly hostingFeeCents: number;
  /** gross − pool fees − energy − fee. */
  readonly fleetProfitCents: number;
  /** energy + fee − the host's own energy cost at its site price: what hosting adds to the host's site. */
  readonly hostMarginCents: number;
  /** Share of the year the fleet ran at full power. */
  readonly utilisation: number;
}

export function simulateFleetYear(
  offer: HostingOfferView,
  fleet: ResolvedFleet,
  market: HostingMarket,
  startDate: string,
  siteEnergyCentsPerMwh: number,
): FleetYear {
  const rateUsdPerMwh = offer.pricing.kind === 'ALL_IN' ? offer.pricing.rateCentsPerMwh / 100 : offer.pricing.energyCentsPerMwh / 100;
  const ai = offer.aiLoad;
  const input: TRevenueInput = {
    startDate,
    site: { interconnectionMw: ai ? ai.contractedItMw * ai.pue : fleet.mw, pue: ai ? ai.pue : 1, reserve: { kind: 'mw', mw: 0 } },
    aiLoad: ai ? { contractedItMw: ai.contractedItMw, profile: ai.profile } : { contractedItMw: 0, profile: { kind: 'flat', utilisation: 0 } },
    mining: {
      fleetMw: fleet.mw,
      jPerTh: fleet.jPerTh,
      rampMwPerHour: null,
      rampDownMwPerHour: null,
      minRunHours: 1,
      uptimePercent: offer.uptimeCommitmentPct,
      poolFeePercent: market.poolFeePercent,
      variableOpexUsdPerMwh: 0,
      fixedOpexUsdPerMwYear: 0,
    },
    market: { hashpriceUsdPerPhDay: market.hashpriceUsdPerPhDay },
    energy: {
      price: { kind: 'flat', usdPerMwh: rateUsdPerMwh },
      // An AI site's AI load is its curtailment pattern; other offers curtail by the calendar above.
      demandResponseEvents: ai ? [] : curtailmentPattern(startDate, offer.maxCurtailedHoursPerMonth),
      strike: { kind: 'breakeven' },
    },
    deal: { colocationUsdPerKwMonth: 0, energyPassThrough: { kind: 'at-cost' }, revenueShare: { hostPercent: 100, tenantPercent: 0 }, platformFeePercent: 0 },
    opex: { aiNonPowerUsdPerMwItYear: 0 },
    valuation: { miningMultiple: 8, dataCentreMultiple: 22 },
  };
  const result = simulateRevenue(input, { hourly: false });
  const t = result.totalsCents;
  const hostingFeeCents = offer.pricing.kind === 'PASS_THROUGH' ? Math.round(offer.pricing.feeCentsPerKwMonth * fleet.mw * 1_000 * 12) : 0;
  const miningMwh = result.energyMwh.mining;
  const hostEnergyCost = Math.round(miningMwh * siteEnergyCentsPerMwh);
  return {
    startDate,
    miningMwh,
    curtailedMwh: result.energyMwh.curtailed,
    grossRevenueCents: t.miningGrossRevenue,
    poolFeesCents: t.poolFees,
    energyCents: t.miningEnergyCost,
    hostingFeeCents,
    fleetProfitCents: t.miningGrossRevenue - t.poolFees - t.miningEnergyCost - hostingFeeCents,
    hostMarginCents: t.miningEnergyCost + hostingFeeCents - hostEnergyCost,
    utilisation: fleet.mw > 0 ? miningMwh / (fleet.mw * result.hours) : 0,
  };
}

