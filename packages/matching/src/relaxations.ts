// Why an answer is empty, and what would change it: the sites that hold part of the request, and each
// request limit that, loosened on its own, adds a match or a site. Each suggestion is a real re-run of
// the engine on the same candidates, so it never promises what the engine would not find.
import type { PreparedRequest } from './constraints.js';
import { formatCount, formatMw, formatUsd } from './format.js';
import type {
  ConstraintKey,
  ExclusionCounts,
  MatchCandidate,
  MatchRequest,
  PartialFits,
  RankedMatch,
  Relaxation,
  RelaxationKey,
} from './types.js';
import { SPLIT_RULES } from './weights.js';

/** One pass of the engine (match-request.ts). */
export interface Ranking {
  readonly req: PreparedRequest;
  readonly matches: readonly RankedMatch[];
  readonly excluded: ExclusionCounts;
  readonly eligible: { readonly single: number; readonly partial: number };
  /** Smallest and largest kW a partial site could give, capped at the request. */
  readonly partialKw: { readonly min: number; readonly max: number };
  /** Candidates excluded by a block-level constraint (contiguous MW, term, price, MW by date). */
  readonly failedOn: (key: ConstraintKey) => readonly MatchCandidate[];
}

/** Most values of one limit tried, smallest loosening first: each try is a full pass. */
const MAX_TRIES_PER_LIMIT = 4;
/** Distance budgets are suggested in round steps. */
const DISTANCE_STEP_KM = 10;

function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

export function describePartialFits(ranking: Ranking): PartialFits {
  const sites = ranking.eligible.partial;
  const minMw = ranking.partialKw.min / 1000;
  const maxMw = ranking.partialKw.max / 1000;
  if (sites === 0) return { sites, minMw: 0, maxMw: 0, summary: '' };
  const mw = minMw === maxMw ? formatMw(ranking.partialKw.max) : `${formatMw(ranking.partialKw.min)}-${formatMw(ranking.partialKw.max)}`;
  const summary = sites === 1 ? `1 site could give ${mw} MW` : `${formatCount(sites)} sites could each give ${mw} MW`;
  return { sites, minMw, maxMw, summary };
}

function eligibleCount(r: Ranking): number {
  return r.eligible.single + r.eligible.partial;
}

/** Distinct values above `floor`, ascending, at most MAX_TRIES_PER_LIMIT of them. */
function stepsAbove(values: Iterable<number>, floor: number): number[] {
  return [...new Set(values)].filter((v) => v > floor).sort((a, b) => a - b).slice(0, MAX_TRIES_PER_LIMIT);
}

/**
 * Each limit loosened alone, to the smallest value that adds a match (split limits) or a site (block
 * limits). `rerun` is the engine's pass on the same candidates, limit and date.
 */
export function suggestRelaxations(
  request: MatchRequest,
  base: Ranking,
  rerun: (relaxed: MatchRequest) => Ranking,
): Relaxation[] {
  const out: Relaxation[] = [];
  const baseEligible = eligibleCount(base);
  const baseMatches = base.matches.length;
  const gains = (r: Ranking) => ({ addsMatches: r.matches.length - baseMatches, addsSites: eligibleCount(r) - baseEligible });
  const what = (g: { addsMatches: number; addsSites: number }) =>
    [g.addsSites > 0 ? plural(g.addsSites, 'site', 'sites') : '', g.addsMatches > 0 ? plural(g.addsMatches, 'match', 'matches') : '']
      .filter(Boolean)
      .join(' and ');
  const push = (key: RelaxationKey, value: number, r: Ranking, phrase: string) => {
    const g = gains(r);
    if (g.addsMatches > 0 || g.addsSites > 0) out.push({ key, value, ...g, summary: `${phrase} adds ${what(g)}` });
  };
  /** Tries `values` in order; keeps the first that adds something. */
  const firstThatAdds = (key: RelaxationKey, values: readonly number[], relax: (v: number) => MatchRequest, phrase: (v: number) => string) => {
    for (const value of values) {
      const r = rerun(relax(value));
      const g = gains(r);
      if (g.addsMatches > 0 || g.addsSites > 0) {
        push(key, value, r, phrase(value));
        return;
      }
    }
  };
  const { req } = base;

  // More sites in a split (only matches count: the sites are already eligible).
  const sitesByMw = Math.min(SPLIT_RULES.maxSitesLimit, Math.floor(req.totalKw / req.minKw));
  if (base.eligible.partial >= 2) {
    for (let n = Math.max(2, req.maxSplitSites + 1); n <= sitesByMw; n++) {
      const r = rerun({ ...request, maxSplitSites: n });
      if (r.matches.length > baseMatches) {
        push('splitSites', n, r, `allowing a ${n}-site split`);
        break;
      }
    }
  }

  // A wider distance budget: the nearest split beyond it, rounded up.
  if (base.eligible.partial >= 2 && req.maxSplitSites >= 2) {
    const open = rerun({ ...request, maxSplitDistanceKm: Number.POSITIVE_INFINITY });
    const nearest = Math.min(...open.matches.map((m) => m.split?.distanceKm ?? Number.POSITIVE_INFINITY));
    if (Number.isFinite(nearest) && nearest > req.maxSplitDistanceKm) {
      const km = Math.ceil(nearest / DISTANCE_STEP_KM) * DISTANCE_STEP_KM;
      push('splitDistance', km, rerun({ ...request, maxSplitDistanceKm: km }), `a distance budget of ${formatCount(km)} km between sites`);
    }
  }

  const blocksOf = (key: ConstraintKey) => base.failedOn(key).flatMap((c) => c.blocks);
  firstThatAdds(
    'term',
    stepsAbove(blocksOf('term').map((b) => b.minTermMonths), request.termMonths),
    (months) => ({ ...request, termMonths: months }),
    (months) => `a term of ${formatCount(months)} months`,
  );
  firstThatAdds(
    'price',
    stepsAbove(blocksOf('price').map((b) => b.priceCentsPerKwMonth), request.maxPriceCentsPerKwMonth ?? Number.POSITIVE_INFINITY),
    (cents) => ({ ...request, maxPriceCentsPerKwMonth: cents }),
    (cents) => `a price ceiling of ${formatUsd(cents)}/kW-month`,
  );
  // A smaller contiguous minimum: the largest site that fell short, which makes it a split member.
  const shortKw = base.failedOn('contiguousMw').map((c) => c.blocks.reduce((kw, b) => kw + Math.round(b.firmMw * 1000), 0));
  const largestShort = Math.max(0, ...shortKw);
  if (largestShort > 0 && largestShort < req.minKw) {
    push(
      'contiguousMw',
      largestShort / 1000,
      rerun({ ...request, minContiguousMw: largestShort / 1000 }),
      `a minimum contiguous block of ${formatMw(largestShort)} MW`,
    );
  }
  return out;
}
