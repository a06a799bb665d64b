// matchRequest: hard constraints, then the weighted score; splits fill the answer after the single sites;
// an empty answer says why (partial fits and the limits that, loosened, would add something).
import { allocateSingle, createSingleScratch, quickAllocateSingle } from './allocate.js';
import {
  CONSTRAINT_INDEX,
  CONSTRAINT_ORDER,
  FITS_ALONE,
  buildPool,
  createScratch,
  eligibleSite,
  evaluateCandidate,
  prepareRequest,
  type EligibleSite,
  type PreparedRequest,
} from './constraints.js';
import { formatDay, toDay } from './dates.js';
import { emptyExclusionCounts } from './describe-exclusions.js';
import { formatMw, formatUsd } from './format.js';
import {
  criterionValues,
  effectiveWeights,
  explainCriteria,
  scoreFigures,
  scoreSingle,
  type ScoreFigures,
  type SitePart,
} from './score.js';
import { describePartialFits, suggestRelaxations, type Ranking } from './relaxations.js';
import { findSplits, type SplitOffer } from './splits.js';
import type {
  Allocation,
  CriterionExplanation,
  MatchCandidate,
  MatchOptions,
  MatchRequest,
  MatchResult,
  MatchSiteShare,
  RankedMatch,
} from './types.js';
import { DEFAULT_LIMIT, MATCHING_MODEL_VERSION } from './weights.js';

// Aliases for the per-candidate loop: under tsx (how apps/api runs) imported bindings are read through
// getters on every call.
const evaluate = evaluateCandidate;
const allocateQuickly = quickAllocateSingle;
const scoreQuickly = scoreSingle;

const MS_PER_DAY = 86_400_000;
/** Constraints from here on depend on the blocks: their failures feed the suggestions. */
const CONTIGUOUS_MW_INDEX = CONSTRAINT_INDEX.contiguousMw;
/** Above this limit, collect everything and sort once instead of keeping a sorted top list. */
const INSERTION_LIMIT = 256;

/** A site that holds the whole request: ranked on its score alone; objects are built for the top only. */
interface SingleFit {
  readonly candidate: MatchCandidate;
  readonly id: string;
  readonly score: number;
}

function compareSingles(a: SingleFit, b: SingleFit): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Keeps `top` sorted and at most `limit` long; most candidates lose to the last entry in one compare. */
function insertTop(top: SingleFit[], item: SingleFit, limit: number): void {
  const last = top[top.length - 1];
  if (top.length >= limit && last !== undefined && compareSingles(item, last) >= 0) return;
  let i = top.length;
  while (i > 0) {
    const prev = top[i - 1];
    if (prev === undefined || compareSingles(item, prev) >= 0) break;
    i--;
  }
  top.splice(i, 0, item);
  if (top.length > limit) top.pop();
}

function resolveLimit(limit: number | undefined): number {
  const value = limit ?? DEFAULT_LIMIT;
  if (!(value >= 0)) throw new RangeError('limit must be a number >= 0');
  return Math.floor(value);
}

function resolveAsOf(asOf: MatchOptions['asOf']): number {
  if (asOf === undefined) return Math.floor(Date.now() / MS_PER_DAY);
  const day = toDay(asOf);
  if (Number.isNaN(day)) throw new RangeError("asOf must be a 'YYYY-MM-DD' date or a valid Date");
  return day;
}

function strongest(criteria: readonly CriterionExplanation[]): string {
  let best: CriterionExplanation | undefined;
  for (const c of criteria) if (best === undefined || c.contribution > best.contribution) best = c;
  return best ? best.label.toLowerCase() : 'nothing';
}

function buildMatch(
  req: PreparedRequest,
  rank: number,
  parts: readonly SitePart[],
  allocation: Allocation,
  figures: ScoreFigures,
  score: number,
  split: SplitOffer | null,
): RankedMatch {
  const weights = effectiveWeights(req.backfill);
  const criteria = explainCriteria(req, figures, criterionValues(req, figures), weights);
  const sites: MatchSiteShare[] = parts.map(({ candidate, kw }) => {
    const items = allocation.items.filter((it) => it.pb.siteId === candidate.siteId);
    let cost = 0;
    for (const it of items) cost += it.kw * it.pb.price;
    return {
      siteId: candidate.siteId,
      hostOrgId: candidate.hostOrgId ?? null,
      mwAllocated: kw / 1000,
      blockIds: items.map((it) => it.pb.block.id),
      weightedPriceCentsPerKwMonth: kw > 0 ? Math.round(cost / kw) : 0,
    };
  });
  const price = allocation.totalKw > 0 ? Math.round(allocation.costCents / allocation.totalKw) : 0;
  const firstPowerDate = formatDay(allocation.firstPowerDay);
  const mw = formatMw(allocation.totalKw);
  let summary: string;
  if (split === null) {
    const c = parts[0]?.candidate;
    const where = c ? ` in ${c.region}, ${c.country} (${c.gridOperator})` : '';
    summary = `Holds all ${mw} MW at one site${where} on schedule: phase 1 live ${firstPowerDate}, ${formatUsd(price)}/kW-month; strongest on ${strongest(criteria)}`;
  } else {
    const shares = parts.map((p) => formatMw(p.kw)).join(' + ');
    summary = `${split.label} in ${split.groupLabel} (${shares} MW), ${split.info.distanceKm} km apart (~${split.info.interSiteLatencyMs} ms round trip): phase 1 live ${firstPowerDate}, ${formatUsd(price)}/kW-month`;
  }
  return {
    rank,
    key: split ? split.key : (parts[0]?.candidate.siteId ?? ''),
    isSplit: split !== null,
    label: split ? split.label : 'Single site',
    siteIds: parts.map((p) => p.candidate.siteId),
    sites,
    blockIds: allocation.items.map((it) => it.pb.block.id),
    allocations: allocation.items.map((it) => ({
      siteId: it.pb.siteId,
      blockId: it.pb.block.id,
      kind: it.pb.block.kind,
      mw: it.kw / 1000,
      priceCentsPerKwMonth: it.pb.price,
      availableFrom: formatDay(it.pb.day),
    })),
    mwAllocated: allocation.totalKw / 1000,
    weightedPriceCentsPerKwMonth: price,
    monthlyCostCents: allocation.costCents,
    firstPowerDate,
    score,
    criteria,
    split: split ? split.info : null,
    summary,
  };
}

/**
 * One pass of the engine over the candidates: the ranked offers and the counts, no suggestions.
 * Single sites first by score; splits fill what room is left, fewest sites first.
 */
function rank(request: MatchRequest, candidates: readonly MatchCandidate[], limit: number, asOfDay: number): Ranking {
  const req = prepareRequest(request, asOfDay);
  const weights = effectiveWeights(req.backfill);
  const failures = new Int32Array(CONSTRAINT_ORDER.length);
  let excludedTotal = 0;
  let singles = 0;
  let partialCount = 0;
  let partialMinKw = Number.POSITIVE_INFINITY;
  let partialMaxKw = 0;
  const bounded = limit <= INSERTION_LIMIT;
  const top: SingleFit[] = [];
  // Split members fill the answer after the single sites; dropped once the singles alone fill it.
  let partials: EligibleSite[] = [];
  const failedOn: MatchCandidate[][] = CONSTRAINT_ORDER.map(() => []);
  const scratch = createScratch(req);
  const singleScratch = createSingleScratch();
  const lastPhase = req.phaseDays.length - 1;

  // Indexed, not for...of: V8 left the iterator results in place here, ~5 MB of garbage per 100,000 sites.
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i];
    if (candidate === undefined) continue;
    const outcome = evaluate(req, candidate, scratch);
    if (outcome >= 0) {
      failures[outcome] = (failures[outcome] ?? 0) + 1;
      excludedTotal++;
      if (outcome >= CONTIGUOUS_MW_INDEX) failedOn[outcome]?.push(candidate);
      continue;
    }
    if (outcome !== FITS_ALONE) {
      partialCount++;
      const kw = Math.min(scratch.availKw[lastPhase] ?? 0, req.totalKw);
      if (kw < partialMinKw) partialMinKw = kw;
      if (kw > partialMaxKw) partialMaxKw = kw;
      if (singles < limit) partials.push(eligibleSite(candidate, scratch, false));
      continue;
    }
    if (++singles === limit) partials = [];
    if (limit === 0) continue;
    // Cannot fail: FITS_ALONE means the pool covers every phase, which is all the allocation needs.
    if (!allocateQuickly(req, candidate, scratch.days, singleScratch)) {
      throw new Error(`matching: site ${candidate.siteId} fit but could not be allocated`);
    }
    scoreQuickly(req, candidate, singleScratch, weights);
    const score = singleScratch.score;
    if (bounded) {
      // Most sites lose to the current last place: test before building an object.
      const last = top[top.length - 1];
      if (top.length >= limit && last !== undefined && (score < last.score || (score === last.score && candidate.siteId > last.id))) {
        continue;
      }
      insertTop(top, { candidate, id: candidate.siteId, score }, limit);
    } else {
      top.push({ candidate, id: candidate.siteId, score });
    }
  }

  const ranked = bounded ? top : top.sort(compareSingles).slice(0, limit);
  const matches = ranked.map((fit, i) => {
    const allocation = allocateSingle(buildPool(req, fit.candidate), req);
    if (allocation === null) throw new Error(`matching: site ${fit.id} fit but could not be allocated`);
    const parts = [{ candidate: fit.candidate, kw: allocation.totalKw }];
    return buildMatch(req, i + 1, parts, allocation, scoreFigures(parts, allocation), fit.score, null);
  });
  const room = limit - matches.length;
  if (room > 0) {
    for (const offer of findSplits(req, partials, room)) {
      matches.push(buildMatch(req, matches.length + 1, offer.parts, offer.allocation, offer.figures, offer.score, offer));
    }
  }

  const byConstraint = emptyExclusionCounts();
  CONSTRAINT_ORDER.forEach((key, i) => {
    byConstraint[key] = failures[i] ?? 0;
  });
  return {
    req,
    matches,
    excluded: { total: excludedTotal, byConstraint },
    eligible: { single: singles, partial: partialCount },
    partialKw: { min: partialCount > 0 ? partialMinKw : 0, max: partialMaxKw },
    failedOn: (key) => failedOn[CONSTRAINT_INDEX[key]] ?? [],
  };
}

/**
 * Ranks the candidate sites for a request. Pure: the same request, candidates (in any order), and asOf
 * give the same result. Site ids must be unique. The request should have passed ZMatchRequestInput.
 */
export function matchRequest(
  request: MatchRequest,
  candidates: readonly MatchCandidate[],
  options: MatchOptions = {},
): MatchResult {
  const limit = resolveLimit(options.limit);
  const asOfDay = resolveAsOf(options.asOf);
  const ranking = rank(request, candidates, limit, asOfDay);
  const relaxations =
    ranking.matches.length === 0 && limit > 0
      ? suggestRelaxations(request, ranking, (relaxed) => rank(relaxed, candidates, limit, asOfDay))
      : [];
  return {
    matches: ranking.matches,
    excluded: ranking.excluded,
    eligible: ranking.eligible,
    partialFits: describePartialFits(ranking),
    relaxations,
    modelVersion: MATCHING_MODEL_VERSION,
  };
}
