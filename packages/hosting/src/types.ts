// Plain shapes of the hosting engine. They mirror HostingOffer / HostingRequest of prisma/schema.prisma as
// plain values (MW as number, money as integer cents, rates in cents per MWh, dates as 'YYYY-MM-DD'), so
// the engine never imports Prisma.
import type { AsicCooling, AsicModelId } from './asics.js';
import type { TInferenceProfile, TTrainingProfile } from '@gridshare/revenue';

export type HostingCooling = AsicCooling;
export type Interruptibility = 'FIRM' | 'INTERRUPTIBLE';
export type Preemptor = 'AI_LOAD' | 'GRID' | 'PRICE';
/** FULL_HOSTING: the host installs and runs the fleet's machines; RACK_SPACE: racks and power, the fleet runs them. */
export type HostingService = 'FULL_HOSTING' | 'RACK_SPACE';

/** ALL_IN: one rate per kWh covers energy and hosting. PASS_THROUGH: energy at the site's cost plus a fee per kW-month. */
export type HostingPricing =
  | { readonly kind: 'ALL_IN'; readonly rateCentsPerMwh: number }
  | { readonly kind: 'PASS_THROUGH'; readonly feeCentsPerKwMonth: number; readonly energyCentsPerMwh: number };

/** The AI load behind an AI site's idle power: mining gets what the AI load leaves. */
export interface HostingAiLoad {
  readonly contractedItMw: number;
  readonly pue: number;
  readonly profile: TInferenceProfile | TTrainingProfile;
}

export interface HostingOfferView {
  readonly id: string;
  readonly mw: number;
  readonly pricing: HostingPricing;
  readonly interruptibility: Interruptibility;
  /** Seconds of notice before a curtailment (0 for FIRM). */
  readonly noticeSeconds: number;
  /** Most hours a month the host may curtail (0 for FIRM). */
  readonly maxCurtailedHoursPerMonth: number;
  readonly preemptors: readonly Preemptor[];
  /** Share of the month the host commits the power is there (curtailment within the allowance excepted), 0-100. */
  readonly uptimeCommitmentPct: number;
  /** Least efficient machine accepted; null = any. */
  readonly maxJPerTh: number | null;
  readonly coolings: readonly HostingCooling[];
  readonly service: HostingService;
  readonly depositMonths: number;
  readonly minTermMonths: number;
  readonly availableFrom: string;
  readonly country: string;
  readonly region: string;
  readonly gridOperator: string;
  /** Site and host organisation both verified by the platform. */
  readonly hostVerified: boolean;
  /** Present when the power is an AI site's idle power. */
  readonly aiLoad?: HostingAiLoad | null;
}

export type FleetSpec =
  | { readonly kind: 'MACHINES'; readonly machines: readonly { readonly model: AsicModelId; readonly count: number }[] }
  | { readonly kind: 'POWER'; readonly mw: number; readonly jPerTh: number; readonly cooling: HostingCooling };

export interface HostingRequestView {
  readonly fleet: FleetSpec;
  /** Highest effective rate the fleet pays, cents per MWh (all-in, or pass-through energy plus fee). */
  readonly maxRateCentsPerMwh: number;
  readonly uptimeNeededPct: number;
  readonly curtailmentToleratedHoursPerMonth: number;
  /** Empty = anywhere. */
  readonly regions: readonly string[];
  readonly startDate: string;
  readonly termMonths: number;
  /** null = either. */
  readonly service?: HostingService | null;
}

/** The documented market assumption every expected figure is computed at (docs/hosting.md). */
export interface HostingMarket {
  readonly hashpriceUsdPerPhDay: number;
  readonly poolFeePercent: number;
}

/** A fleet reduced to what the economics need. */
export interface ResolvedFleet {
  readonly mw: number;
  readonly hashrateThs: number;
  /** Hashrate-weighted: total power / total hashrate. */
  readonly jPerTh: number;
  /** The least efficient machine: what an offer's max J/TH rule is checked against. */
  readonly worstJPerTh: number;
  readonly coolings: readonly HostingCooling[];
}
