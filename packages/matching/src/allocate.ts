// Which blocks (and how many kW of each) a match uses. Deals may take part of a block (DealBlock.mw),
// so an allocation takes exactly the request's MW.
import { toKw, type PreparedRequest } from './constraints.js';
import type { Allocation, AllocationItem, MatchCandidate, MatchCandidateBlock, PoolBlock, SingleFigures } from './types.js';

// Local alias for quickAllocateSingle's loop: under tsx each imported binding is read through a getter.
const kwOf = toKw;

/** One site of a split: its id and usable blocks. */
export interface SplitSitePool {
  readonly siteId: string;
  readonly pool: readonly PoolBlock[];
}

export interface PhaseSchedule {
  readonly phaseDays: readonly number[];
  readonly phaseCumKw: readonly number[];
}

function compareIds(a: PoolBlock, b: PoolBlock): number {
  if (a.block.id !== b.block.id) return a.block.id < b.block.id ? -1 : 1;
  if (a.siteId !== b.siteId) return a.siteId < b.siteId ? -1 : 1;
  return 0;
}

/** House order for choosing blocks: cheapest, then earliest, then id. */
export function compareCheapestFirst(a: PoolBlock, b: PoolBlock): number {
  return a.price - b.price || a.day - b.day || compareIds(a, b);
}

export function compareEarliestFirst(a: PoolBlock, b: PoolBlock): number {
  return a.day - b.day || a.price - b.price || compareIds(a, b);
}

/**
 * Phase by phase, tops up what is live by the phase date to the cumulative need, taking from blocks live
 * by that date in `sorted` order. Everything taken for an earlier phase is live by a later date too, so
 * this succeeds whenever the pool's kW live by each date covers the cumulative need. Mutates `taken`.
 */
function fillPhases(sorted: readonly PoolBlock[], schedule: PhaseSchedule, taken: number[]): boolean {
  const n = sorted.length;
  for (let i = 0; i < schedule.phaseDays.length; i++) {
    const date = schedule.phaseDays[i] ?? Number.NaN;
    let need = schedule.phaseCumKw[i] ?? 0;
    for (let j = 0; j < n; j++) {
      const pb = sorted[j];
      if (pb !== undefined && pb.day <= date) need -= taken[j] ?? 0;
    }
    for (let j = 0; j < n && need > 0; j++) {
      const pb = sorted[j];
      if (pb === undefined || !(pb.day <= date)) continue;
      const already = taken[j] ?? 0;
      const take = Math.min(pb.kw - already, need);
      if (take > 0) {
        taken[j] = already + take;
        need -= take;
      }
    }
    if (need > 0) return false;
  }
  return true;
}

function buildAllocation(sorted: readonly PoolBlock[], taken: readonly number[], phase1Kw: number): Allocation {
  const items: AllocationItem[] = [];
  let totalKw = 0;
  let costCents = 0;
  for (let j = 0; j < sorted.length; j++) {
    const pb = sorted[j];
    const kw = taken[j] ?? 0;
    if (pb === undefined || kw <= 0) continue;
    items.push({ pb, kw });
    totalKw += kw;
    costCents += kw * pb.price;
  }
  const byDay = items.slice().sort((a, b) => a.pb.day - b.pb.day);
  let firstPowerDay = Number.NaN;
  let live = 0;
  for (const item of byDay) {
    live += item.kw;
    if (live >= phase1Kw) {
      firstPowerDay = item.pb.day;
      break;
    }
  }
  return { items, totalKw, costCents, firstPowerDay };
}

/** Allocation at one site, or null if its pool cannot meet the schedule. */
export function allocateSingle(pool: readonly PoolBlock[], schedule: PhaseSchedule): Allocation | null {
  const sorted = pool.slice().sort(compareCheapestFirst);
  const taken = new Array<number>(sorted.length).fill(0);
  if (!fillPhases(sorted, schedule, taken)) return null;
  return buildAllocation(sorted, taken, schedule.phaseCumKw[0] ?? 0);
}

function everySiteHasMin(
  sites: readonly SplitSitePool[],
  sorted: readonly PoolBlock[],
  taken: readonly number[],
  minKw: number,
): boolean {
  for (const site of sites) {
    let kw = 0;
    for (let j = 0; j < sorted.length; j++) {
      if (sorted[j]?.siteId === site.siteId) kw += taken[j] ?? 0;
    }
    if (kw < minKw) return false;
  }
  return true;
}

/**
 * Allocation over several sites of exactly the request's kW, each site given at least `minKw`, or null.
 * First the plain cheapest-first fill over all their blocks; if that leaves a site under its minimum,
 * each site's minimum is reserved on its earliest blocks (which counts towards every phase date as much
 * as possible) and the phases are topped up cheapest-first. That second try needs the least total kW of
 * any allocation meeting the minimums and the dates, so when it fails no allocation exists.
 */
export function allocateSplit(
  sites: readonly SplitSitePool[],
  schedule: PhaseSchedule,
  minKw: number,
): Allocation | null {
  const sorted = sites.flatMap((s) => s.pool).sort(compareCheapestFirst);
  const phase1Kw = schedule.phaseCumKw[0] ?? 0;
  const first = new Array<number>(sorted.length).fill(0);
  if (fillPhases(sorted, schedule, first) && everySiteHasMin(sites, sorted, first, minKw)) {
    return buildAllocation(sorted, first, phase1Kw);
  }

  const taken = new Array<number>(sorted.length).fill(0);
  const order = sorted.map((pb, j) => ({ pb, j })).sort((a, b) => compareEarliestFirst(a.pb, b.pb));
  for (const site of sites) {
    let need = minKw;
    for (const { pb, j } of order) {
      if (need <= 0) break;
      if (pb.siteId !== site.siteId) continue;
      const take = Math.min(pb.kw, need);
      taken[j] = take;
      need -= take;
    }
    if (need > 0) return null;
  }
  if (!fillPhases(sorted, schedule, taken)) return null;
  // Minimums on the earliest blocks plus the least fill the phases need is the smallest total that meets
  // every lower bound; if that is more than the request, no split of these sites can hold it exactly.
  const allocation = buildAllocation(sorted, taken, phase1Kw);
  return allocation.totalKw === (schedule.phaseCumKw[schedule.phaseCumKw.length - 1] ?? 0) ? allocation : null;
}

/** Typed arrays reused by quickAllocateSingle across sites, grown as needed; results in the figures. */
export interface SingleScratch extends SingleFigures {
  kw: Float64Array;
  day: Float64Array;
  price: Float64Array;
  taken: Float64Array;
  order: Int32Array;
  blocks: Array<MatchCandidateBlock | undefined>;
}

export function createSingleScratch(): SingleScratch {
  return {
    kw: new Float64Array(8),
    day: new Float64Array(8),
    price: new Float64Array(8),
    taken: new Float64Array(8),
    order: new Int32Array(8),
    blocks: [],
    totalKw: 0,
    costCents: 0,
    firstPowerDay: Number.NaN,
    score: 0,
  };
}

function grow(s: SingleScratch, n: number): void {
  if (s.kw.length >= n) return;
  const size = n * 2;
  s.kw = new Float64Array(size);
  s.day = new Float64Array(size);
  s.price = new Float64Array(size);
  s.taken = new Float64Array(size);
  s.order = new Int32Array(size);
}

/**
 * allocateSingle(buildPool(...)) without objects, to rank every site that fits alone (up to 100,000 of
 * them): same pool, same cheapest-earliest-id order, same phase fill. `days` are the block days that
 * evaluateCandidate just left in its scratch (NaN = not in the pool), so dates are parsed once. Leaves
 * totalKw, costCents and firstPowerDay in `s`; false if the schedule cannot be met. Only the top matches
 * get the real objects.
 */
export function quickAllocateSingle(
  req: PreparedRequest,
  site: MatchCandidate,
  days: Float64Array,
  s: SingleScratch,
): boolean {
  const blocks = site.blocks;
  grow(s, blocks.length);
  let n = 0;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    const day = days[b] as number;
    if (block === undefined || Number.isNaN(day)) continue;
    s.kw[n] = kwOf(block.firmMw);
    s.day[n] = day;
    s.price[n] = block.priceCentsPerKwMonth;
    s.taken[n] = 0;
    s.blocks[n] = block;
    // Insertion sort into cheapest-first order as we go: pools hold a handful of blocks.
    let i = n;
    while (i > 0 && cheaperFirst(s, n, s.order[i - 1] as number) < 0) {
      s.order[i] = s.order[i - 1] as number;
      i--;
    }
    s.order[i] = n;
    n++;
  }

  for (let p = 0; p < req.phaseDays.length; p++) {
    const date = req.phaseDays[p] as number;
    let need = req.phaseCumKw[p] as number;
    for (let j = 0; j < n; j++) if ((s.day[j] as number) <= date) need -= s.taken[j] as number;
    for (let o = 0; o < n && need > 0; o++) {
      const j = s.order[o] as number;
      if (!((s.day[j] as number) <= date)) continue;
      const take = Math.min((s.kw[j] as number) - (s.taken[j] as number), need);
      if (take > 0) {
        s.taken[j] = (s.taken[j] as number) + take;
        need -= take;
      }
    }
    if (need > 0) return false;
  }

  let totalKw = 0;
  let costCents = 0;
  for (let j = 0; j < n; j++) {
    totalKw += s.taken[j] as number;
    costCents += (s.taken[j] as number) * (s.price[j] as number);
  }
  // First day by which the taken kW cover phase 1 (as buildAllocation finds it).
  const phase1Kw = req.phaseCumKw[0] ?? 0;
  let firstPowerDay = Number.NaN;
  for (let j = 0; j < n; j++) {
    if (!((s.taken[j] as number) > 0)) continue;
    const d = s.day[j] as number;
    if (d >= firstPowerDay) continue;
    let live = 0;
    for (let k = 0; k < n; k++) if ((s.taken[k] as number) > 0 && (s.day[k] as number) <= d) live += s.taken[k] as number;
    if (live >= phase1Kw) firstPowerDay = d;
  }
  s.totalKw = totalKw;
  s.costCents = costCents;
  s.firstPowerDay = firstPowerDay;
  return true;
}

/** compareCheapestFirst on scratch rows a and b of one site. */
function cheaperFirst(s: SingleScratch, a: number, b: number): number {
  const byPrice = (s.price[a] as number) - (s.price[b] as number);
  if (byPrice !== 0) return byPrice;
  const byDay = (s.day[a] as number) - (s.day[b] as number);
  if (byDay !== 0) return byDay;
  const ia = s.blocks[a]?.id ?? '';
  const ib = s.blocks[b]?.id ?? '';
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}
