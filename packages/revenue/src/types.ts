// Result types of the simulation and the sensitivity grid.
import type { LoadShape } from './metrics.js';
import type { Cents } from './money.js';

/** Hour-by-hour series, one entry per hour of the year (hour 0 = 00:00 UTC on the start date). */
export interface HourlyOutput {
  /** AI facility load: contracted IT MW x utilisation x PUE. */
  readonly aiMw: Float64Array;
  readonly miningMw: Float64Array;
  /** Available MW neither AI nor mining used. aiMw + miningMw + idleMw = availableMw every hour. */
  readonly idleMw: Float64Array;
  readonly energyPriceUsdPerMwh: Float64Array;
  /** Net hash revenue less energy price less variable opex, $ per MWh mined (whether or not mining ran). */
  readonly miningMarginUsdPerMwh: Float64Array;
}

/** Yearly money lines, all integer cents. */
export interface RevenueTotalsCents {
  /** Price per kW-month x contracted IT kW x 12 months. */
  readonly colocationRevenue: Cents;
  /** What the tenant pays for its facility energy: at cost, or cost plus the margin. */
  readonly energyPassThroughRevenue: Cents;
  readonly aiEnergyCost: Cents;
  readonly miningEnergyCost: Cents;
  /** aiEnergyCost + miningEnergyCost: the site's whole energy bill. */
  readonly energyCost: Cents;
  /** Hash revenue before pool fees. */
  readonly miningGrossRevenue: Cents;
  readonly poolFees: Cents;
  readonly miningVariableOpex: Cents;
  readonly miningFixedOpex: Cents;
  readonly demandResponseIncome: Cents;
  /** gross - pool fees - energy - variable and fixed opex + demand response. */
  readonly miningNet: Cents;
  /** Net of mining (and demand response) in the tenant's reserved-but-idle power; may be negative. */
  readonly backfillPool: Cents;
  /** max(0, backfillPool): what is split. A loss stays with the host, who runs the fleet. */
  readonly backfillDistributed: Cents;
  /** hostShare + tenantShare + platformFee = backfillDistributed, to the cent. */
  readonly hostShare: Cents;
  readonly tenantShare: Cents;
  readonly platformFee: Cents;
  readonly aiNonPowerOpex: Cents;
  /** colocation + pass-through - AI energy - AI non-power opex. */
  readonly aiSegmentEbitda: Cents;
  /** miningNet - tenantShare - platformFee. */
  readonly miningSegmentEbitda: Cents;
  /** aiSegmentEbitda + miningSegmentEbitda. */
  readonly hostEbitda: Cents;
  /** What the tenant pays net: colocation + pass-through - its backfill share. */
  readonly tenantNetCost: Cents;
}

export interface ValuationCents {
  readonly atMiningMultiple: Cents;
  readonly atDataCentreMultiple: Cents;
  /** atDataCentreMultiple - atMiningMultiple: the re-rating if the market values the site as a data centre. */
  readonly uplift: Cents;
  /** AI segment at the data-centre multiple plus mining segment at the mining multiple. */
  readonly sumOfParts: Cents;
}

export interface RevenueResult {
  readonly startDate: string;
  /** First day after the simulated year. */
  readonly endDate: string;
  readonly hours: number;
  /** Interconnection less reserve. */
  readonly availableMw: number;
  /** Contracted IT MW x PUE: the power the tenant reserved. */
  readonly contractedFacilityMw: number;
  /** Available MW beyond the tenant's reservation: the host's own, mined first and not shared. */
  readonly hostHeadroomMw: number;
  readonly hashRevenueUsdPerMwh: { readonly gross: number; readonly net: number };
  readonly breakEven: {
    /** Highest energy price at which mining one more MWh still pays. */
    readonly energyUsdPerMwh: number;
    /** Hashprice at which mining pays nothing at the year's average energy price. */
    readonly hashpriceUsdPerPhDay: number;
    readonly averageEnergyUsdPerMwh: number;
  };
  readonly totalsCents: RevenueTotalsCents;
  readonly valuationCents: ValuationCents;
  readonly energyMwh: {
    readonly ai: number;
    readonly mining: number;
    /** Part of `mining` that ran in the tenant's reserved-but-idle power. */
    readonly backfill: number;
    readonly idle: number;
    /** Mining MWh curtailed for demand-response events (against the pre-event baseline). */
    readonly curtailed: number;
  };
  /** Energy drawn / (interconnection MW x hours). */
  readonly interconnectionUtilisation: { readonly withoutBackfill: number; readonly withBackfill: number };
  /** Shape of the site's draw: AI alone, and AI plus mining. */
  readonly loadShape: { readonly aiOnly: LoadShape; readonly withBackfill: LoadShape };
  /** null when the simulation ran with `hourly: false`. */
  readonly hourly: HourlyOutput | null;
}

export interface SimulateOptions {
  /** Build the hourly output arrays (default true). Sensitivity cells skip them. */
  readonly hourly?: boolean;
}
