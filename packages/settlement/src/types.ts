// The settlement engine's contract: one deal, one calendar month (UTC), hour by hour. Pure data in, a
// statement out; the API feeds it from SQL aggregates (apps/api/src/modules/settlement) and stores what it
// returns. Arithmetic and a worked month: docs/settlement.md.

/** Integer US cents. */
export type Cents = number;

export type MeterChannel = 'AI_IT' | 'MINING' | 'SITE_IMPORT';

export type CurtailmentCause = 'GRID_EMERGENCY' | 'DEMAND_RESPONSE' | 'PRICE' | 'FACILITY' | 'TENANT' | 'MAINTENANCE_PLANNED';

export type StatementLineKind =
  | 'COLOCATION'
  | 'SLA_CREDIT'
  | 'ENERGY_PASS_THROUGH'
  | 'BACKFILL_CREDIT'
  | 'DEMAND_RESPONSE_CREDIT'
  | 'ADJUSTMENT'
  | 'CARRIED_CREDIT';

/** One tier of the SLA table: at or above `minAvailabilityPct`, `creditPct` of the month's colocation. */
export interface SlaTier {
  readonly minAvailabilityPct: number;
  readonly creditPct: number;
}

/** What both parties agreed at signing (frozen in DealAgreement.terms). Percentages as whole basis points. */
export interface SettlementTerms {
  readonly priceCentsPerKwMonth: number;
  /** Contracted IT kW at signing; later agreed changes come in SettlementMonthInput.kwChanges. */
  readonly contractedKw: number;
  /** Agreed PUE: reserved facility power = contracted IT x PUE; pass-through energy = AI IT x PUE. */
  readonly pue: number;
  /** Margin on energy pass-through, bps (0 = at cost). */
  readonly energyMarginBps: number;
  /** The backfill fleet's efficiency, J/TH (from the agreed scenario). */
  readonly jPerTh: number;
  /** Pool fee, bps; not applied when revenue comes from pool statements (already net). */
  readonly poolFeeBps: number;
  /** Mining's variable opex, cents per MWh (0 if none). */
  readonly variableOpexCentsPerMwh: number;
  /** Tenant's share of positive backfill net, bps. */
  readonly tenantBackfillShareBps: number;
  /** Tenant's share of demand-response income earned within its reserved power, bps. */
  readonly tenantDemandResponseShareBps: number;
  /** Platform fee on colocation + SLA credits (+ adjustments to them), bps. */
  readonly platformFeeBps: number;
  /** Best tier first; the first tier with creditPct 0 is the availability commitment. */
  readonly slaTiers: readonly SlaTier[];
  /** Hours of MAINTENANCE_PLANNED per month that do not count against availability. */
  readonly maintenanceAllowanceHours: number;
  readonly hashpriceSource: 'INDEX' | 'POOL_STATEMENTS';
}

/** A curtailment or downtime event as recorded (withdrawn events are left out by the caller). */
export interface SettlementEvent {
  readonly id: string;
  readonly cause: CurtailmentCause;
  readonly channel: MeterChannel;
  /** ISO instants; clipped to the month (and the deal's active period) by the engine. */
  readonly startsAt: string;
  readonly endsAt: string;
  readonly mwAffected: number;
  /** DEMAND_RESPONSE only: what the programme pays per MWh curtailed, cents. */
  readonly paymentCentsPerMwh: number | null;
  /** A disputed event still counts until it is withdrawn; the statement lists it as disputed. */
  readonly disputed: boolean;
}

/** An agreed change of contracted MW from a day on (colocation is prorated by day). */
export interface KwChange {
  /** 'YYYY-MM-DD', the first day at the new figure. */
  readonly effectiveOn: string;
  readonly kw: number;
}

/** A correction to an earlier, already agreed month, computed by the caller with `adjustmentsFor`. */
export interface AdjustmentInput {
  /** 'YYYY-MM' of the month it corrects. */
  readonly month: string;
  /** The kind of line it corrects. */
  readonly corrects: Exclude<StatementLineKind, 'ADJUSTMENT' | 'CARRIED_CREDIT'>;
  readonly amountCents: Cents;
  /** Why, for the line's description (e.g. "readings corrected on 2026-10-04"). */
  readonly reason: string;
}

export interface SettlementMonthInput {
  /** 'YYYY-MM' (UTC calendar month). */
  readonly month: string;
  /** The deal's active period as ISO dates ['YYYY-MM-DD', exclusive end or null while running]. */
  readonly activeFrom: string;
  readonly activeUntil: string | null;
  readonly terms: SettlementTerms;
  /** Agreed MW changes that take effect in or before this month, in order. */
  readonly kwChanges: readonly KwChange[];
  /**
   * Metered energy per hour of the month, MWh (hour 0 = 00:00 UTC on the 1st), NaN where the hour has no
   * complete data. Length = hours in the month.
   */
  readonly aiItMwh: Float64Array;
  readonly miningMwh: Float64Array;
  /** Energy price per hour, $/MWh (from the agreed scenario's energy terms: energyPricesForMonth). */
  readonly energyPriceUsdPerMwh: Float64Array;
  /**
   * Per day of the month: $/PH/day. From the index (pool fee then applies), or the effective hashprice of the
   * host's pool statement (earnings / PH/s, already net of the pool's fee). null = no figure for that day.
   */
  readonly hashpriceUsdPerPhDay: ReadonlyArray<number | null>;
  readonly events: readonly SettlementEvent[];
  /**
   * Credit carried from the previous statement (≤ 0), and its fee carry-out: fee the platform could not take
   * then (> 0), or fee it owes back after an adjustment lowered the fee base below zero (< 0).
   */
  readonly carriedTenantCreditCents: Cents;
  readonly carriedPlatformFeeCents: Cents;
  readonly adjustments: readonly AdjustmentInput[];
}

/** One line: the amount and what reproduces it. */
export interface StatementLineOut {
  readonly kind: StatementLineKind;
  readonly description: string;
  readonly amountCents: Cents;
  readonly feeBase: boolean;
  /** 'YYYY-MM' for ADJUSTMENT lines. */
  readonly adjustsMonth: string | null;
  /** Inputs and formula (quantities, rates, hours) in plain JSON. */
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface DataGap {
  readonly channel: MeterChannel;
  /** ISO instants of the first missing hour and the hour after the last. */
  readonly from: string;
  readonly until: string;
  readonly hours: number;
}

export interface SettlementSummary {
  readonly hours: number;
  /** Hours of the month inside the deal's active period. */
  readonly activeHours: number;
  readonly availability: {
    readonly pct: number;
    readonly commitmentPct: number;
    readonly unavailableHours: number;
    /**
     * Events on the AI_IT channel by cause (whether or not they count), in equivalent hours of the whole
     * contracted MW: Σ MW affected / contracted MW x hours.
     */
    readonly byCause: Readonly<Partial<Record<CurtailmentCause, number>>>;
    readonly creditPct: number;
  };
  readonly energyMwh: {
    readonly aiIt: number;
    readonly aiFacility: number;
    /** Mining within the tenant's reserved-but-idle power (the settled part). */
    readonly settledMining: number;
    /** Mining metered beyond the headroom: the host's own power, not settled. */
    readonly unsettledMining: number;
    readonly curtailedForDemandResponse: number;
  };
  readonly backfill: {
    readonly grossRevenueCents: Cents;
    readonly energyCostCents: Cents;
    readonly variableOpexCents: Cents;
    /** Σ max(0, net of the hour): what is shared. */
    readonly positiveNetCents: Cents;
    /** Σ min(0, net of the hour): the host's loss, not shared. */
    readonly lossHoursNetCents: Cents;
    readonly demandResponseIncomeCents: Cents;
  };
  readonly gaps: readonly DataGap[];
  /** Days with mining but no hashprice figure: the statement cannot be issued until they are filled. */
  readonly missingHashpriceDays: readonly string[];
  /** Events that count in this month while the tenant disputes them (they count until withdrawn). */
  readonly disputedEventIds: readonly string[];
}

export interface SettlementStatementOut {
  readonly month: string;
  readonly lines: readonly StatementLineOut[];
  /** Σ lines when ≥ 0, else 0 (the difference is carried: tenantCarryOutCents). */
  readonly tenantTotalCents: Cents;
  /** fee owed clamped to [0, tenant total]; the rest is carried (feeCarryOutCents). */
  readonly platformFeeCents: Cents;
  /** tenantTotalCents − platformFeeCents (≥ 0). */
  readonly hostPayoutCents: Cents;
  readonly tenantCarryOutCents: Cents;
  /** fee owed − platform fee: > 0 still to take, < 0 owed back (netted against the next months' fees). */
  readonly feeCarryOutCents: Cents;
  readonly summary: SettlementSummary;
}
