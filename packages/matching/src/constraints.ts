// Hard constraints. A candidate is checked in CONSTRAINT_ORDER and counted under the first one it fails,
// so the per-constraint counts add up to the excluded total.
import { toDay } from './dates.js';
import type {
  ConstraintKey,
  CoolingType,
  MatchCandidate,
  MatchCandidateBlock,
  MatchRequest,
  PoolBlock,
  Redundancy,
} from './types.js';
import { SPLIT_RULES } from './weights.js';

/**
 * Site attributes first (cheap, and the host cannot change them for this deal), then capacity, checked
 * on a pool of blocks that narrows step by step: all published blocks, then those whose minimum term
 * fits, then those within the price limit, then the per-phase dates.
 */
export const CONSTRAINT_ORDER: readonly ConstraintKey[] = [
  'location',
  'latency',
  'redundancy',
  'cooling',
  'rackDensity',
  'contiguousMw',
  'term',
  'price',
  'mwByDate',
];

/**
 * Position of each constraint in CONSTRAINT_ORDER. The per-candidate loop returns these numbers, not keys:
 * counting by string key was a keyed store per excluded site (~1-2 ms per 100,000).
 */
export const CONSTRAINT_INDEX = Object.fromEntries(CONSTRAINT_ORDER.map((key, i) => [key, i])) as Readonly<
  Record<ConstraintKey, number>
>;
const LOCATION = CONSTRAINT_INDEX.location;
const LATENCY = CONSTRAINT_INDEX.latency;
const REDUNDANCY = CONSTRAINT_INDEX.redundancy;
const COOLING = CONSTRAINT_INDEX.cooling;
const RACK_DENSITY = CONSTRAINT_INDEX.rackDensity;
const CONTIGUOUS_MW = CONSTRAINT_INDEX.contiguousMw;
const TERM = CONSTRAINT_INDEX.term;
const PRICE = CONSTRAINT_INDEX.price;
const MW_BY_DATE = CONSTRAINT_INDEX.mwByDate;
/** Returned by siteAttributeFailure when every site attribute passes. */
const NONE = -1;

/** Words for sentences such as "32 by latency". */
export const CONSTRAINT_LABELS: Readonly<Record<ConstraintKey, string>> = {
  location: 'location',
  latency: 'latency',
  redundancy: 'redundancy',
  cooling: 'cooling',
  rackDensity: 'rack density',
  contiguousMw: 'contiguous MW',
  term: 'term',
  price: 'price',
  mwByDate: 'MW by date',
};

export const REDUNDANCY_RANK: Readonly<Record<Redundancy, number>> = { N: 0, N_PLUS_1: 1, TWO_N: 2 };

/**
 * Which site cooling serves a required cooling (house rule, for the API and the portal to repeat):
 * - AIR: any site; air-cooled racks are the baseline every hall can take.
 * - WATER: WATER or DIRECT_TO_CHIP (a direct-to-chip site already runs a facility water loop).
 * - IMMERSION: IMMERSION only (tanks are their own form factor).
 * - DIRECT_TO_CHIP: DIRECT_TO_CHIP only (132 kW GB200-class racks need it; nothing else will do).
 */
export const COOLING_COMPATIBILITY: Readonly<Record<CoolingType, readonly CoolingType[]>> = {
  AIR: ['AIR', 'WATER', 'IMMERSION', 'DIRECT_TO_CHIP'],
  WATER: ['WATER', 'DIRECT_TO_CHIP'],
  IMMERSION: ['IMMERSION'],
  DIRECT_TO_CHIP: ['DIRECT_TO_CHIP'],
};

export function coolingServes(required: CoolingType, site: CoolingType): boolean {
  return COOLING_COMPATIBILITY[required].includes(site);
}

function redundanciesAtLeast(min: Redundancy): ReadonlySet<string> {
  const rank = REDUNDANCY_RANK[min];
  return new Set((Object.keys(REDUNDANCY_RANK) as Redundancy[]).filter((r) => REDUNDANCY_RANK[r] >= rank));
}

// Local alias for the per-block loop: under tsx (how apps/api runs) imported bindings are read through getters.
const dayOf = toDay;

/** MW -> integer kW, so sums are exact and do not depend on the order blocks arrive in. */
export function toKw(mw: number): number {
  return Math.round(mw * 1000);
}

/** Case- and space-insensitive membership; null = any. */
interface NameSet {
  readonly exact: ReadonlySet<string>;
  readonly folded: ReadonlySet<string>;
}

function nameSet(values: readonly string[] | undefined): NameSet | null {
  if (!values || values.length === 0) return null;
  return { exact: new Set(values), folded: new Set(values.map(fold)) };
}

function fold(value: string): string {
  return value.trim().toUpperCase();
}

function inSet(set: NameSet, value: string): boolean {
  return set.exact.has(value) || set.folded.has(fold(value));
}

/** The request reduced to what the per-candidate loop needs: kW, day numbers, sets. */
export interface PreparedRequest {
  readonly totalKw: number;
  readonly minKw: number;
  /** Phase dates ascending, and the cumulative kW needed by each. */
  readonly phaseDays: readonly number[];
  readonly phaseCumKw: readonly number[];
  readonly lastDay: number;
  readonly countries: NameSet | null;
  readonly regions: NameSet | null;
  readonly gridOperators: NameSet | null;
  readonly maxLatencyMs: number | null;
  /** Site redundancy values that meet the minimum; null = any. Sets: keyed lookups were 3x slower. */
  readonly redundancyOk: ReadonlySet<string> | null;
  /** Site cooling types that serve the required cooling; null = any. */
  readonly coolingOk: ReadonlySet<string> | null;
  readonly minRackDensityKw: number | null;
  readonly maxPrice: number;
  readonly termMonths: number;
  readonly backfill: boolean;
  /** Most sites a split may hold: min(the request's limit, floor(total / minContiguous)); < 2 = no splits. */
  readonly maxSplitSites: number;
  /** Farthest two sites of a split may be apart, km. */
  readonly maxSplitDistanceKm: number;
  /** kW a site must hold to be of any use: the whole request when splits are impossible. */
  readonly requiredKw: number;
  readonly asOfDay: number;
}

/**
 * The engine expects a request that passed ZMatchRequestInput. It does not throw on one that did not:
 * phases are sorted by date, and if they add up to less than totalMw the rest is due with the last phase.
 */
export function prepareRequest(request: MatchRequest, asOfDay: number): PreparedRequest {
  const phases = request.phases
    .map((p, i) => ({ kw: toKw(p.mw), day: toDay(p.neededBy), i }))
    .sort((a, b) => a.day - b.day || a.i - b.i);
  const phaseDays: number[] = [];
  const phaseCumKw: number[] = [];
  let cum = 0;
  for (const p of phases) {
    cum += p.kw;
    phaseDays.push(p.day);
    phaseCumKw.push(cum);
  }
  const totalKw = Math.max(toKw(request.totalMw), cum);
  if (phaseDays.length === 0) {
    phaseDays.push(asOfDay);
    phaseCumKw.push(totalKw);
  } else {
    phaseCumKw[phaseCumKw.length - 1] = totalKw;
  }
  // At least 1 kW, so a split member always brings some power even if minContiguousMw was left at 0.
  const minKw = Math.max(1, toKw(request.minContiguousMw));
  const siteLimit = Math.min(SPLIT_RULES.maxSitesLimit, request.maxSplitSites ?? SPLIT_RULES.defaultMaxSites);
  const maxSplitSites = Math.min(siteLimit, Math.floor(totalKw / minKw));
  return {
    totalKw,
    minKw,
    phaseDays,
    phaseCumKw,
    lastDay: phaseDays[phaseDays.length - 1] ?? asOfDay,
    countries: nameSet(request.countries),
    regions: nameSet(request.regions),
    gridOperators: nameSet(request.gridOperators),
    maxLatencyMs: request.maxLatencyMs ?? null,
    redundancyOk: request.minRedundancy ? redundanciesAtLeast(request.minRedundancy) : null,
    coolingOk: request.cooling ? new Set(COOLING_COMPATIBILITY[request.cooling]) : null,
    minRackDensityKw: request.minRackDensityKw ?? null,
    maxPrice: request.maxPriceCentsPerKwMonth ?? Number.POSITIVE_INFINITY,
    termMonths: request.termMonths,
    backfill: request.backfillMiningAllowed === true,
    maxSplitSites,
    maxSplitDistanceKm: request.maxSplitDistanceKm ?? SPLIT_RULES.defaultMaxDistanceKm,
    requiredKw: maxSplitSites >= 2 ? minKw : totalKw,
    asOfDay,
  };
}

/** CONSTRAINT_INDEX of the first failing site attribute, or -1. Null checks first: this runs 100,000 times a call. */
function siteAttributeFailure(req: PreparedRequest, site: MatchCandidate): number {
  if (req.countries !== null && !inSet(req.countries, site.country)) return LOCATION;
  if (req.regions !== null && !inSet(req.regions, site.region)) return LOCATION;
  if (req.gridOperators !== null && !inSet(req.gridOperators, site.gridOperator)) return LOCATION;
  // Unknown latency cannot be promised against a limit.
  const maxLatency = req.maxLatencyMs;
  if (maxLatency !== null) {
    const latency = site.latencyToHubMs;
    if (!(latency !== null && latency <= maxLatency)) return LATENCY;
  }
  if (req.redundancyOk !== null && !req.redundancyOk.has(site.redundancy)) return REDUNDANCY;
  if (req.coolingOk !== null && !req.coolingOk.has(site.coolingType)) return COOLING;
  if (req.minRackDensityKw !== null && !(site.maxRackDensityKw >= req.minRackDensityKw)) return RACK_DENSITY;
  return NONE;
}

/** A block the request may use, with its figures in engine units. */
/**
 * A site that passed every hard constraint. Its pool (published blocks with firm MW, term and price
 * within limits, live by the last phase date) is summed here and built only when needed (buildPool):
 * in a split search most eligible sites are never combined.
 */
export interface EligibleSite {
  readonly candidate: MatchCandidate;
  /** kW of the pool live by each phase date. */
  readonly availKw: readonly number[];
  /** Holds the whole request on schedule; otherwise it can only be part of a split. */
  readonly single: boolean;
  readonly poolKw: number;
  /** Sum of kW x cents/kW-month over the pool. */
  readonly poolCostCents: number;
}

/**
 * Reused between candidates so evaluating one allocates nothing; holds the last eligible site's pool
 * figures until eligibleSite() copies them. One matchRequest call at a time.
 */
export interface Scratch {
  readonly availKw: Float64Array;
  /** Day each block of the last evaluated site goes live, NaN if outside the pool (passes both constraints and allocation). */
  days: Float64Array;
  poolKw: number;
  poolCostCents: number;
}

export function createScratch(req: PreparedRequest): Scratch {
  return { availKw: new Float64Array(req.phaseDays.length), days: new Float64Array(16), poolKw: 0, poolCostCents: 0 };
}

/** evaluateCandidate results besides a CONSTRAINT_INDEX (which are >= 0). */
export const FITS_ALONE = -1;
export const SPLIT_MEMBER = -2;

/** The eligible site evaluateCandidate just passed, with its figures copied out of the scratch. */
export function eligibleSite(site: MatchCandidate, scratch: Scratch, single: boolean): EligibleSite {
  const availKw = new Array<number>(scratch.availKw.length);
  for (let i = 0; i < availKw.length; i++) availKw[i] = scratch.availKw[i] ?? 0;
  return { candidate: site, availKw, single, poolKw: scratch.poolKw, poolCostCents: scratch.poolCostCents };
}

/**
 * Checks every hard constraint in order: the CONSTRAINT_INDEX of the first one failed, or FITS_ALONE /
 * SPLIT_MEMBER with the site's figures left in `scratch`. Allocates nothing.
 */
export function evaluateCandidate(req: PreparedRequest, site: MatchCandidate, scratch: Scratch): number {
  const failed = siteAttributeFailure(req, site);
  if (failed !== NONE) return failed;

  // Pass 1, no date parsing: most sites that get this far fail on MW, and dates are the costly part.
  const blocks = site.blocks;
  const n = blocks.length;
  let publishedKw = 0;
  let termKw = 0;
  let priceKw = 0;
  for (let b = 0; b < n; b++) {
    const block = blocks[b];
    if (block === undefined || (block.status !== undefined && block.status !== 'PUBLISHED')) continue;
    const kw = toKw(block.firmMw);
    if (!(kw > 0)) continue;
    publishedKw += kw;
    if (!(block.minTermMonths <= req.termMonths)) continue;
    termKw += kw;
    if (block.priceCentsPerKwMonth <= req.maxPrice) priceKw += kw;
  }
  if (publishedKw < req.requiredKw) return CONTIGUOUS_MW;
  if (termKw < req.requiredKw) return TERM;
  if (priceKw < req.requiredKw) return PRICE;

  // Pass 2: kW live by each phase date, over the blocks that passed term and price. Indices below are in
  // range by construction, hence the `as number` in this hot loop.
  const phaseDays = req.phaseDays;
  const phaseCount = phaseDays.length;
  const availKw = scratch.availKw;
  availKw.fill(0);
  let poolKw = 0;
  let poolCostCents = 0;
  if (scratch.days.length < n) scratch.days = new Float64Array(n * 2);
  const days = scratch.days;
  for (let b = 0; b < n; b++) {
    days[b] = Number.NaN;
    const block = blocks[b];
    if (block === undefined || !inPool(req, block)) continue;
    const day = dayOf(block.availableFrom);
    if (!(day <= req.lastDay)) continue;
    days[b] = day;
    const kw = toKw(block.firmMw);
    poolKw += kw;
    poolCostCents += kw * block.priceCentsPerKwMonth;
    for (let i = 0; i < phaseCount; i++) {
      if (day <= (phaseDays[i] as number)) availKw[i] = (availKw[i] as number) + kw;
    }
  }

  let single = true;
  for (let i = 0; i < phaseCount; i++) {
    if (!((availKw[i] as number) >= (req.phaseCumKw[i] as number))) {
      single = false;
      break;
    }
  }
  if (!single && !(req.maxSplitSites >= 2 && (availKw[phaseCount - 1] as number) >= req.minKw)) return MW_BY_DATE;
  scratch.poolKw = poolKw;
  scratch.poolCostCents = poolCostCents;
  return single ? FITS_ALONE : SPLIT_MEMBER;
}

/** Published, with firm MW, term and price within the request's limits (dates are checked apart). */
export function inPool(req: PreparedRequest, block: MatchCandidateBlock): boolean {
  return (
    (block.status === undefined || block.status === 'PUBLISHED') &&
    toKw(block.firmMw) > 0 &&
    block.minTermMonths <= req.termMonths &&
    block.priceCentsPerKwMonth <= req.maxPrice
  );
}

/** The blocks of an eligible site the request may use, in the site's order. */
export function buildPool(req: PreparedRequest, site: MatchCandidate): PoolBlock[] {
  const pool: PoolBlock[] = [];
  for (const block of site.blocks) {
    if (!inPool(req, block)) continue;
    const day = toDay(block.availableFrom);
    if (!(day <= req.lastDay)) continue;
    pool.push({ block, siteId: site.siteId, kw: toKw(block.firmMw), day, price: block.priceCentsPerKwMonth });
  }
  return pool;
}
