// A year's money lines from its hourly sums and the deal's annual terms. Every line is integer cents; lines that
// must add up are derived from each other by integer subtraction (money.ts).
import { percentOf, roundCents, splitPool } from './money.js';
import type { TDeal } from './schema.js';
import type { RevenueTotalsCents } from './types.js';
import type { YearSums } from './year-kernel.js';

/** The annual terms of one year (the term model escalates the price and changes MW by phase). */
export interface AnnualTerms {
  readonly deal: TDeal;
  readonly colocationUsdPerKwMonth: number;
  readonly contractedItMw: number;
  readonly fleetMw: number;
  readonly fixedOpexUsdPerMwYear: number;
  readonly aiNonPowerUsdPerMwItYear: number;
}

export function yearTotals(s: YearSums, a: AnnualTerms): RevenueTotalsCents {
  const { deal } = a;
  const aiEnergy = s.aiEnergyCents;
  const colocationRevenue = roundCents(a.colocationUsdPerKwMonth * a.contractedItMw * 1_000 * 12);
  const energyPassThroughRevenue =
    aiEnergy + (deal.energyPassThrough.kind === 'margin' ? percentOf(aiEnergy, deal.energyPassThrough.marginPercent) : 0);
  const poolFees = s.grossCents - s.afterFeeCents;
  const miningEnergyCost = s.afterFeeCents - s.variableOpexCents - s.netOwnCents - s.netBackfillCents;
  const demandResponseIncome = s.drOwnCents + s.drBackfillCents;
  const miningFixedOpex = roundCents(a.fixedOpexUsdPerMwYear * a.fleetMw);
  const miningNet = s.netOwnCents + s.netBackfillCents + demandResponseIncome - miningFixedOpex;
  const backfillPool = s.netBackfillCents + s.drBackfillCents;
  const backfillDistributed = backfillPool > 0 ? backfillPool : 0;
  const split = splitPool(backfillDistributed, deal.revenueShare.hostPercent, deal.platformFeePercent);
  const aiNonPowerOpex = roundCents(a.aiNonPowerUsdPerMwItYear * a.contractedItMw);
  const aiSegmentEbitda = colocationRevenue + energyPassThroughRevenue - aiEnergy - aiNonPowerOpex;
  const miningSegmentEbitda = miningNet - split.tenantShare - split.platformFee;
  return {
    colocationRevenue,
    energyPassThroughRevenue,
    aiEnergyCost: aiEnergy,
    miningEnergyCost,
    energyCost: aiEnergy + miningEnergyCost,
    miningGrossRevenue: s.grossCents,
    poolFees,
    miningVariableOpex: s.variableOpexCents,
    miningFixedOpex,
    demandResponseIncome,
    miningNet,
    backfillPool,
    backfillDistributed,
    hostShare: split.hostShare,
    tenantShare: split.tenantShare,
    platformFee: split.platformFee,
    aiNonPowerOpex,
    aiSegmentEbitda,
    miningSegmentEbitda,
    hostEbitda: aiSegmentEbitda + miningSegmentEbitda,
    tenantNetCost: colocationRevenue + energyPassThroughRevenue - split.tenantShare,
  };
}

/** Line-by-line sum of several years' totals (integer cents, so the sum reproduces from the years). */
export function sumTotals(years: readonly RevenueTotalsCents[]): RevenueTotalsCents {
  const keys = Object.keys(years[0] ?? {}) as (keyof RevenueTotalsCents)[];
  return Object.fromEntries(keys.map((key) => [key, years.reduce((sum, y) => sum + y[key], 0)])) as Record<keyof RevenueTotalsCents, number>;
}
