// Split offers: 2 up to the request's limit of sites (default 6) in one grid operator or one region, no
// farther apart than the request's distance budget, that together hold the request. Fewer sites first:
// k + 1 sites are tried only while the answer has room. The search is bounded: per group, only the top
// sites by stand-alone score and by MW are combined, so it stays fast on 100,000 candidates.
import { allocateSplit } from './allocate.js';
import { buildPool, type EligibleSite, type PreparedRequest } from './constraints.js';
import { FIBER_ROUTE_FACTOR, estimateRoundTripMs, haversineKm } from './geo.js';
import { round } from './format.js';
import {
  criterionValues,
  effectiveWeights,
  energyPriceValue,
  priceValue,
  readinessValue,
  renewableValue,
  scoreFigures,
  siteBackfillValue,
  timeToPowerValue,
  totalScore,
  type ScoreFigures,
  type SitePart,
} from './score.js';
import type { Allocation, CriterionKey, MatchCandidate, PoolBlock, SplitInfo, SplitPair } from './types.js';
import { SPLIT_RULES } from './weights.js';

export interface SplitOffer {
  readonly key: string;
  /** "4-site split". */
  readonly label: string;
  /** Grid operator or region the sites share, for the summary. */
  readonly groupLabel: string;
  /** Sorted by site id. */
  readonly sites: readonly EligibleSite[];
  readonly parts: readonly SitePart[];
  readonly allocation: Allocation;
  readonly figures: ScoreFigures;
  readonly info: SplitInfo;
  /** After the distance penalty; 0-100. */
  readonly score: number;
}

interface Member {
  readonly site: EligibleSite;
  readonly id: string;
  readonly lastKw: number;
  readonly prelim: number;
  /** Built on first use: only shortlisted members are ever allocated. */
  pool: PoolBlock[] | null;
}

function poolOf(req: PreparedRequest, m: Member): PoolBlock[] {
  if (m.pool === null) m.pool = buildPool(req, m.site.candidate);
  return m.pool;
}

/**
 * Stand-alone score of a split member, only to choose which sites to combine. Same criteria and weights as
 * the real score, on rough figures: all the site's usable blocks for price, and the first phase date by
 * which it holds its minimum share for time to power. Built without objects: it runs for every member.
 */
function prelimScore(req: PreparedRequest, site: EligibleSite, w: Record<CriterionKey, number>): number {
  const phases = site.availKw.length;
  const kw = site.poolKw;
  const cost = site.poolCostCents;
  let firstPowerDay = req.lastDay;
  for (let i = 0; i < phases; i++) {
    if ((site.availKw[i] ?? 0) >= req.minKw) {
      firstPowerDay = req.phaseDays[i] ?? req.lastDay;
      break;
    }
  }
  const c = site.candidate;
  const share = Math.min(site.availKw[phases - 1] ?? 0, req.totalKw);
  return (
    w.readiness * readinessValue(c.readinessScore) +
    w.price * priceValue(kw > 0 ? cost / kw : Number.POSITIVE_INFINITY) +
    w.timeToPower * timeToPowerValue(req, firstPowerDay) +
    w.energyPrice * energyPriceValue(c.energyPriceCentsPerMwh) +
    w.renewableShare * renewableValue(c.renewableSharePct) +
    w.backfillValue * (req.backfill ? siteBackfillValue(c, share) : 0)
  );
}

function byId(a: Member, b: Member): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The k best of `items` under `compare`, without sorting them all (groups can hold thousands). */
function topK<T>(items: readonly T[], k: number, compare: (a: T, b: T) => number): T[] {
  const best: T[] = [];
  for (let n = 0; n < items.length; n++) {
    const item = items[n] as T;
    const last = best[best.length - 1];
    if (best.length >= k && last !== undefined && compare(item, last) >= 0) continue;
    let i = best.length;
    while (i > 0) {
      const prev = best[i - 1];
      if (prev === undefined || compare(item, prev) >= 0) break;
      i--;
    }
    best.splice(i, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}

function shortlist(members: readonly Member[]): Member[] {
  const byScore = topK(members, SPLIT_RULES.topKByScore, (a, b) => b.prelim - a.prelim || byId(a, b));
  const byMw = topK(members, SPLIT_RULES.topKByMw, (a, b) => b.lastKw - a.lastKw || byId(a, b));
  const seen = new Set<string>();
  const out: Member[] = [];
  for (const m of [...byScore, ...byMw]) {
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    out.push(m);
  }
  return out.sort(byId);
}

/** Cheap necessary condition before allocating: together the sites cover every phase on time. */
function coversSchedule(req: PreparedRequest, members: readonly Member[]): boolean {
  for (let i = 0; i < req.phaseDays.length; i++) {
    let kw = 0;
    for (const m of members) kw += m.site.availKw[i] ?? 0;
    if (kw < (req.phaseCumKw[i] ?? 0)) return false;
  }
  return true;
}

/** Distance between two sites: the fiber route when either site knows it, great-circle otherwise. */
export function siteDistance(a: MatchCandidate, b: MatchCandidate): { km: number; fiber: boolean } {
  const fiber = a.fiberRouteKm?.[b.siteId] ?? b.fiberRouteKm?.[a.siteId];
  return fiber !== undefined ? { km: fiber, fiber: true } : { km: haversineKm(a, b), fiber: false };
}

/** Round trip over a distance: a fiber route is the path itself, great-circle is stretched (geo.ts). */
function roundTripMs(d: { km: number; fiber: boolean }): number {
  return d.fiber ? estimateRoundTripMs(d.km / FIBER_ROUTE_FACTOR) : estimateRoundTripMs(d.km);
}

function splitInfo(sites: readonly EligibleSite[]): SplitInfo {
  const pairs: SplitPair[] = [];
  let distanceKm = 0;
  let interSiteLatencyMs = 0;
  for (let i = 0; i < sites.length; i++) {
    for (let j = i + 1; j < sites.length; j++) {
      const a = sites[i]?.candidate;
      const b = sites[j]?.candidate;
      if (a === undefined || b === undefined) continue;
      const d = siteDistance(a, b);
      const ms = roundTripMs(d);
      distanceKm = Math.max(distanceKm, d.km);
      interSiteLatencyMs = Math.max(interSiteLatencyMs, ms);
      pairs.push({
        siteIds: [a.siteId, b.siteId],
        distanceKm: round(d.km, 1),
        measuredBy: d.fiber ? 'fiber' : 'greatCircle',
        latencyMs: round(ms, 2),
      });
    }
  }
  const penaltyPoints = Math.min(SPLIT_RULES.maxPenaltyPoints, SPLIT_RULES.penaltyPointsPerMs * interSiteLatencyMs);
  return {
    distanceKm: round(distanceKm, 1),
    interSiteLatencyMs: round(interSiteLatencyMs, 2),
    pairs,
    penaltyPoints: round(penaltyPoints, 3),
  };
}

function makeOffer(
  req: PreparedRequest,
  members: readonly Member[],
  groupLabel: string,
  weights: Record<CriterionKey, number>,
): SplitOffer | null {
  const sites = members.map((m) => m.site);
  const allocation = allocateSplit(
    members.map((m) => ({ siteId: m.id, pool: poolOf(req, m) })),
    req,
    req.minKw,
  );
  if (allocation === null) return null;
  const parts = sites.map((site) => {
    let kw = 0;
    for (const item of allocation.items) if (item.pb.siteId === site.candidate.siteId) kw += item.kw;
    return { candidate: site.candidate, kw };
  });
  const figures = scoreFigures(parts, allocation);
  const info = splitInfo(sites);
  const base = totalScore(criterionValues(req, figures), weights);
  return {
    key: members.map((m) => m.id).join('+'),
    label: `${members.length}-site split`,
    groupLabel,
    sites,
    parts,
    allocation,
    figures,
    info,
    score: round(Math.max(0, base - info.penaltyPoints), 3),
  };
}

/** Ranked split offers, best first (score, then key). Empty when splits are impossible or none fits. */
export function findSplits(req: PreparedRequest, partials: readonly EligibleSite[], limit: number): SplitOffer[] {
  if (req.maxSplitSites < 2 || partials.length < 2 || limit <= 0) return [];
  const weights = effectiveWeights(req.backfill);

  // A combo qualifies if its sites share a grid operator or a region (a region within its country).
  // Nested maps rather than concatenated keys: this runs once per eligible site.
  interface Group {
    readonly sortKey: string;
    readonly label: string;
    readonly members: Member[];
  }
  const byGrid = new Map<string, Group>();
  const byCountry = new Map<string, Map<string, Group>>();
  for (let i = 0; i < partials.length; i++) {
    const site = partials[i];
    if (site === undefined) continue;
    const c = site.candidate;
    const m: Member = {
      site,
      id: c.siteId,
      lastKw: site.availKw[site.availKw.length - 1] ?? 0,
      prelim: prelimScore(req, site, weights),
      pool: null,
    };
    const grid = byGrid.get(c.gridOperator);
    if (grid) grid.members.push(m);
    else byGrid.set(c.gridOperator, { sortKey: `grid:${c.gridOperator}`, label: c.gridOperator, members: [m] });
    let regions = byCountry.get(c.country);
    if (!regions) {
      regions = new Map();
      byCountry.set(c.country, regions);
    }
    const region = regions.get(c.region);
    if (region) region.members.push(m);
    else {
      regions.set(c.region, {
        sortKey: `region:${c.country}\u0000${c.region}`,
        label: `${c.region}, ${c.country}`,
        members: [m],
      });
    }
  }
  const groups: Group[] = [...byGrid.values()];
  for (const regions of byCountry.values()) groups.push(...regions.values());
  // Grid-operator groups first, then regions, each in key order: a combo found in both is labelled once.
  const lists = groups
    .filter((g) => g.members.length >= 2)
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
    .map((g) => ({ label: g.label, members: shortlist(g.members) }));

  const offers = new Map<string, SplitOffer>();
  // Region and grid-operator groups overlap; a combo is tried once, under the first group (in key order).
  const tried = new Set<string>();
  const tryCombo = (members: readonly Member[], label: string): void => {
    // Most combos fall short of the request; reject them before building a key.
    if (!coversSchedule(req, members)) return;
    const key = members.map((m) => m.id).join('+');
    if (tried.has(key)) return;
    tried.add(key);
    const offer = makeOffer(req, members, label, weights);
    if (offer) offers.set(key, offer);
  };
  const budget = req.maxSplitDistanceKm;
  // k-site combos of one group, skipping any branch with a pair beyond the distance budget.
  const combine = (members: readonly Member[], k: number, label: string): void => {
    const chosen: Member[] = [];
    const extend = (start: number): void => {
      if (chosen.length === k) {
        tryCombo(chosen, label);
        return;
      }
      for (let i = start; i <= members.length - (k - chosen.length); i++) {
        const next = members[i];
        if (next === undefined) continue;
        if (chosen.some((m) => siteDistance(m.site.candidate, next.site.candidate).km > budget)) continue;
        chosen.push(next);
        extend(i + 1);
        chosen.pop();
      }
    };
    extend(0);
  };
  // Fewer sites are better for training: k + 1 sites only while fewer than `limit` offers were found.
  for (let k = 2; k <= req.maxSplitSites && offers.size < limit; k++) {
    for (const { label, members } of lists) combine(members, k, label);
  }
  return [...offers.values()]
    .sort((x, y) => x.sites.length - y.sites.length || y.score - x.score || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
    .slice(0, limit);
}
