// Plain input and output types of the readiness engine. The input mirrors the scoring columns of
// `model Site` in prisma/schema.prisma, with Decimals as numbers and enums as string unions, so the
// API can map a row without this package importing Prisma.

export const INTERCONNECTION_STATUSES = ['NONE', 'APPLIED', 'IN_STUDY', 'APPROVED', 'ENERGIZED'] as const;
export type InterconnectionStatus = (typeof INTERCONNECTION_STATUSES)[number];

export const COOLING_TYPES = ['AIR', 'WATER', 'IMMERSION', 'DIRECT_TO_CHIP'] as const;
export type CoolingType = (typeof COOLING_TYPES)[number];

export const REDUNDANCIES = ['N', 'N_PLUS_1', 'TWO_N'] as const;
export type Redundancy = (typeof REDUNDANCIES)[number];

export const PERMIT_STATUSES = ['NONE', 'IN_PROGRESS', 'GRANTED'] as const;
export type PermitStatus = (typeof PERMIT_STATUSES)[number];

/** Matches the Prisma enum ReadinessTier. */
export const READINESS_TIERS = ['AI_READY', 'CONVERTIBLE', 'MINING_ONLY'] as const;
export type ReadinessTier = (typeof READINESS_TIERS)[number];

/**
 * The site attributes the model reads. Location, price, renewable share and PUE are left out on
 * purpose: they do not make a site more or less able to host AI (matching and revenue use them).
 * A wider object (a whole mapped row) is accepted where a variable of this type is expected.
 */
export interface ReadinessSiteInput {
  /** MW live on the grid today. */
  readonly energizedMw: number;
  readonly underConstructionMw: number;
  readonly pipelineMw: number;
  readonly interconnectionStatus: InterconnectionStatus;
  readonly substationOnSite: boolean;
  /** Rating of the on-site substation's transformer bank (MVA); null when unknown (scored as no credit, no gap). */
  readonly substationMva: number | null;
  /** Site transformer capacity (MVA); null when unknown. */
  readonly transformerMva: number | null;
  readonly landAcres: number;
  readonly waterAvailable: boolean;
  /** Water the site can draw, m³ per day; null or missing = unknown. */
  readonly waterSupplyM3PerDay?: number | null;
  /** On-site backup / emergency generation, MW; null or missing = unknown. */
  readonly backupPowerMw?: number | null;
  /** Grid operator (ERCOT large loads must be curtailable: Texas SB6); null or missing = unknown. */
  readonly gridOperator?: string | null;
  /** Rated floor loading of the halls, kg/m²; null or missing = unknown. */
  readonly floorLoadingKgPerM2?: number | null;
  readonly coolingType: CoolingType;
  readonly darkFiber: boolean;
  /** Carrier names; duplicates (case-insensitive) count once. */
  readonly carriers: readonly string[];
  readonly nearestHub: string | null;
  /** Round trip to the nearest hub; null when unknown (scored as the worst case). */
  readonly latencyToHubMs: number | null;
  readonly redundancy: Redundancy;
  readonly maxRackDensityKw: number;
  readonly permitStatus: PermitStatus;
  readonly skilledStaffCount: number;
  /** Date the energized capacity is (or will be) live: a Date or an ISO 8601 string; null if unknown. */
  readonly liveDate: Date | string | null;
  /** MW of miners running now; only used in the best-use message. */
  readonly miningMw: number;
}

export interface AssessReadinessOptions {
  /** "Today" for time to power. The engine never reads the clock; without it, live dates are ignored. */
  readonly asOf?: Date | string;
}

export type CriterionKey =
  | 'power'
  | 'electrical'
  | 'cooling'
  | 'network'
  | 'redundancy'
  | 'density'
  | 'landPermits'
  | 'workforce'
  | 'timeToPower'
  | 'backupPower'
  | 'floorLoading';

export interface CriterionResult {
  readonly key: CriterionKey;
  readonly label: string;
  /** 0-1, non-decreasing in every attribute the criterion reads. */
  readonly subScore: number;
  /** Share of the total score, 0-1; the weights sum to 1. */
  readonly weight: number;
  /** Points out of 100: 100 x weight x subScore. */
  readonly contribution: number;
  readonly reason: string;
}

export type GapKey =
  | 'interconnection'
  | 'substation'
  | 'substationUpgrade'
  | 'transformers'
  | 'liquidCooling'
  | 'water'
  | 'fiberLateral'
  | 'carriers'
  | 'redundancy'
  | 'hallRebuild'
  | 'hallUpgrade'
  | 'land'
  | 'permits'
  | 'workforce'
  | 'backupPower'
  | 'curtailment'
  | 'floorReinforcement';

export type CostItemKey =
  | 'interconnectionPerMw'
  | 'ringBusSubstation'
  | 'transformerPerMva'
  | 'aiDataHallPerItMw'
  | 'hallUpgradePerItMw'
  | 'liquidCoolingPerItMw'
  | 'redundancyPerItMw'
  | 'waterSupply'
  | 'fiberPerMile'
  | 'landPerAcre'
  | 'permits'
  | 'hirePerPerson'
  | 'backupGenerationPerMw'
  | 'floorReinforcementPerItMw';

export interface ReadinessGap {
  readonly key: GapKey;
  readonly criterion: CriterionKey;
  /** What to do, with the quantity, e.g. "Add 120 MVA of transformers". */
  readonly action: string;
  /** Estimated capital cost in whole US dollars, from COST_TABLE. */
  readonly capexUsd: number;
  /** Duration of this gap's own work, whole months. */
  readonly months: number;
  /** Month the work can start when gaps run in parallel (after the gaps it depends on). */
  readonly startMonth: number;
  readonly finishMonth: number;
  /** Gaps this one waits for when they are open too (READINESS_MODEL.gapDependencies). */
  readonly waitsFor: readonly GapKey[];
  /** True when the site cannot be AI_READY while this gap is open. */
  readonly blocksAiReady: boolean;
  /** Rows of COST_TABLE the cost and months come from. */
  readonly costItems: readonly CostItemKey[];
}

export interface ConversionEstimate {
  /** Site MW to convert: energized + under construction (pipeline MW if both are 0). */
  readonly siteMw: number;
  /** Critical IT MW after conversion (siteMw x IT share). */
  readonly criticalItMw: number;
  /** Sum of all gap costs, whole US dollars. */
  readonly capexUsd: number;
  /** Longest chain of dependent gaps, or the time to power if that is longer. */
  readonly months: number;
  /** Gap keys along the longest chain, first to last; empty when time to power sets the months. */
  readonly criticalPath: readonly GapKey[];
  /** Months until the site's power is live (0 when live now). */
  readonly monthsToPower: number;
  /** Rack density once every gap is closed. */
  readonly achievableRackKw: number;
}

export interface ReadinessAssessment {
  readonly modelVersion: string;
  /** The asOf date used for time to power, as given (ISO string), or null. */
  readonly asOf: string | null;
  /** 0-100, two decimals. */
  readonly score: number;
  readonly tier: ReadinessTier;
  readonly criteria: readonly CriterionResult[];
  readonly gaps: readonly ReadinessGap[];
  readonly conversion: ConversionEstimate;
  /** Plain advice for the host: keep mining, convert, or offer to AI tenants now. */
  readonly bestUse: string;
}
