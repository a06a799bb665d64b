// Plain input and output shapes of the matching engine. They mirror prisma/schema.prisma (Site,
// CapacityBlock, ColocationRequest, Match) as plain values so the engine never imports Prisma:
// MW as number, money as integer cents, dates as 'YYYY-MM-DD' strings or Date (read as UTC days).

export type CoolingType = 'AIR' | 'WATER' | 'IMMERSION' | 'DIRECT_TO_CHIP';
export type Redundancy = 'N' | 'N_PLUS_1' | 'TWO_N';
export type CapacityKind = 'POWERED_SHELL' | 'COLOCATION' | 'BUILD_TO_SUIT' | 'MINING_HOSTING';
export type CapacityStatus = 'DRAFT' | 'PUBLISHED' | 'RESERVED' | 'LEASED';

/** 'YYYY-MM-DD' (a longer ISO timestamp is cut to its date) or a Date, both read as a UTC day. */
export type DateInput = string | Date;

export interface MatchPhase {
  readonly mw: number;
  readonly neededBy: DateInput;
}

/** A tenant's colocation request. `TMatchRequestInput` (the zod output) is assignable to it. */
export interface MatchRequest {
  readonly totalMw: number;
  /** MW the tenant needs in one place; a split gives every site at least this much. */
  readonly minContiguousMw: number;
  /** In date order; cumulative MW of the phases up to a date must be live by that date. */
  readonly phases: readonly MatchPhase[];
  /** Empty or missing = any. */
  readonly countries?: readonly string[];
  readonly regions?: readonly string[];
  readonly gridOperators?: readonly string[];
  readonly maxLatencyMs?: number | null;
  readonly cooling?: CoolingType | null;
  readonly minRackDensityKw?: number | null;
  readonly minRedundancy?: Redundancy | null;
  readonly maxPriceCentsPerKwMonth?: number | null;
  readonly termMonths: number;
  readonly backfillMiningAllowed?: boolean;
  /** Most sites one offer may be split over (1 = one site only); default SPLIT_RULES.defaultMaxSites. */
  readonly maxSplitSites?: number | null;
  /**
   * Farthest two sites of a split may be apart, km: the fiber route where both sites know it, great-circle
   * otherwise. Default SPLIT_RULES.defaultMaxDistanceKm.
   */
  readonly maxSplitDistanceKm?: number | null;
}

export interface MatchCandidateBlock {
  readonly id: string;
  readonly kind: CapacityKind;
  readonly mw: number;
  /** Of `mw`, what is firm for AI. Only firm MW is allocated to a tenant. */
  readonly firmMw: number;
  /** Of `mw`, interruptible (backfill mining) MW. */
  readonly interruptibleMw: number;
  readonly availableFrom: DateInput;
  readonly priceCentsPerKwMonth: number;
  readonly minTermMonths: number;
  /** When given, only PUBLISHED blocks are offered; the API normally sends published blocks only. */
  readonly status?: CapacityStatus;
}

/** A site with its published capacity blocks, as the API loads it after its SQL prefilter. */
export interface MatchCandidate {
  readonly siteId: string;
  /** Passed through to results (Match.hostOrgId). */
  readonly hostOrgId?: string;
  readonly country: string;
  readonly region: string;
  readonly gridOperator: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly coolingType: CoolingType;
  readonly redundancy: Redundancy;
  readonly maxRackDensityKw: number;
  /** Round trip to the nearest hub; null = unknown, which fails any latency limit. */
  readonly latencyToHubMs: number | null;
  /** 0-100, from the readiness engine. */
  readonly readinessScore: number;
  readonly energyPriceCentsPerMwh: number;
  readonly renewableSharePct: number;
  /** Interruptible MW at the site (mining that can soak up the tenant's idle power). */
  readonly interruptibleMw: number;
  readonly blocks: readonly MatchCandidateBlock[];
  /** Fiber route km to other sites, by site id, where the host knows it (else great-circle is used). */
  readonly fiberRouteKm?: Readonly<Record<string, number>>;
}

export interface MatchOptions {
  /** Most matches to return (default 20). */
  readonly limit?: number;
  /** Day time to power is measured from (default: today, UTC). Pass it for reproducible results. */
  readonly asOf?: DateInput;
}

export type ConstraintKey =
  | 'location'
  | 'latency'
  | 'redundancy'
  | 'cooling'
  | 'rackDensity'
  | 'contiguousMw'
  | 'term'
  | 'price'
  | 'mwByDate';

export type CriterionKey =
  | 'readiness'
  | 'price'
  | 'timeToPower'
  | 'energyPrice'
  | 'renewableShare'
  | 'backfillValue';

export interface CriterionExplanation {
  readonly key: CriterionKey;
  readonly label: string;
  /** Normalised 0-1 (1 is best), 3 decimals. */
  readonly value: number;
  /** Effective weight 0-1 after unused criteria are left out; the weights of one match sum to 1. */
  readonly weight: number;
  /** value x weight x 100: points of the 0-100 score, 3 decimals. */
  readonly contribution: number;
  readonly reason: string;
}

export interface MatchAllocation {
  readonly siteId: string;
  readonly blockId: string;
  readonly kind: CapacityKind;
  /** Firm MW taken from the block (a deal may take part of a block). */
  readonly mw: number;
  readonly priceCentsPerKwMonth: number;
  readonly availableFrom: string;
}

export interface MatchSiteShare {
  readonly siteId: string;
  readonly hostOrgId: string | null;
  readonly mwAllocated: number;
  readonly blockIds: readonly string[];
  readonly weightedPriceCentsPerKwMonth: number;
}

export interface SplitPair {
  readonly siteIds: readonly [string, string];
  /** Fiber route km when known, else great-circle km. */
  readonly distanceKm: number;
  readonly measuredBy: 'fiber' | 'greatCircle';
  readonly latencyMs: number;
}

export interface SplitInfo {
  /** Distance between the farthest two sites (fiber route when known, else great-circle). */
  readonly distanceKm: number;
  /** Estimated round trip between the farthest two sites (house rule, see geo.ts). */
  readonly interSiteLatencyMs: number;
  readonly pairs: readonly SplitPair[];
  /** Points taken off the score for the distance between the sites. */
  readonly penaltyPoints: number;
}

export interface RankedMatch {
  readonly rank: number;
  /** Stable id of the offer: the site id, or the sorted site ids joined by '+' for a split. */
  readonly key: string;
  readonly isSplit: boolean;
  /** "Single site" or "4-site split". */
  readonly label: string;
  readonly siteIds: readonly string[];
  readonly sites: readonly MatchSiteShare[];
  readonly blockIds: readonly string[];
  readonly allocations: readonly MatchAllocation[];
  readonly mwAllocated: number;
  /** MW-weighted price of the allocated blocks, rounded to the cent. */
  readonly weightedPriceCentsPerKwMonth: number;
  readonly monthlyCostCents: number;
  /** Day the allocation first covers phase 1. */
  readonly firstPowerDate: string;
  /** 0-100, 3 decimals. */
  readonly score: number;
  readonly criteria: readonly CriterionExplanation[];
  readonly split: SplitInfo | null;
  readonly summary: string;
}

export interface ExclusionCounts {
  readonly total: number;
  readonly byConstraint: Readonly<Record<ConstraintKey, number>>;
}

/** Sites that passed every hard constraint but hold only part of the request. */
export interface PartialFits {
  readonly sites: number;
  /** Smallest and largest MW one of them could give (capped at the request), 0 when none. */
  readonly minMw: number;
  readonly maxMw: number;
  /** "4 sites could each give 50 MW"; empty when there are none. */
  readonly summary: string;
}

export type RelaxationKey = 'splitSites' | 'splitDistance' | 'term' | 'price' | 'contiguousMw';

/** One request limit loosened on its own, and what it would add. */
export interface Relaxation {
  readonly key: RelaxationKey;
  /** The loosened value: sites, km, months, cents per kW-month or MW. */
  readonly value: number;
  readonly addsMatches: number;
  readonly addsSites: number;
  /** "allowing a 4-site split adds 1 match", "a term of 144 months adds 1 site". */
  readonly summary: string;
}

export interface MatchResult {
  readonly matches: readonly RankedMatch[];
  readonly excluded: ExclusionCounts;
  /** Candidates that passed every hard constraint: whole-request fits and split members. */
  readonly eligible: { readonly single: number; readonly partial: number };
  readonly partialFits: PartialFits;
  /** Only when there is no match: each limit that, loosened alone, adds a match or a site. */
  readonly relaxations: readonly Relaxation[];
  readonly modelVersion: string;
}

// Shapes shared by the allocator and the scorer (kept here so neither imports the other).

/** One published block in a site's pool, in the units the allocator works in. */
export interface PoolBlock {
  readonly block: MatchCandidateBlock;
  readonly siteId: string;
  readonly kw: number;
  readonly day: number;
  readonly price: number;
}

export interface AllocationItem {
  readonly pb: PoolBlock;
  readonly kw: number;
}

export interface Allocation {
  /** Cheapest first, then earliest, then block id. */
  readonly items: readonly AllocationItem[];
  readonly totalKw: number;
  /** Sum of kW x cents/kW-month: the monthly rent in cents, exact in integers. */
  readonly costCents: number;
  /** First day the allocation covers phase 1. */
  readonly firstPowerDay: number;
}

/** What scoreSingle reads (an allocation's figures) and writes (the score). */
export interface SingleFigures {
  totalKw: number;
  costCents: number;
  firstPowerDay: number;
  score: number;
}
