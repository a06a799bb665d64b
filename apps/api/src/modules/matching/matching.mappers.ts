// A matching run and a host's stored match as the API shows them: the engine's constraint and relaxation keys
// as the schema's enums, prices in dollars, and each matched site's listing.
import type { Match as MatchRow } from '@gridshare/db';
import { CONSTRAINT_ORDER, type ConstraintKey, type RankedMatch, type RelaxationKey } from '@gridshare/matching';
import type { MatchConstraint, MatchRelaxationKey } from '../../graphql/generated/resolvers-types';
import { centsToUsd } from '../common/units';
import { tenantLabel } from '../requests/requests.mappers';
import type { ListingSiteNode } from '../search/search.mappers';
import type { MatchingRun, StoredExplanation } from './matching.service';

const CONSTRAINT_ENUM: Record<ConstraintKey, MatchConstraint> = {
  location: 'LOCATION',
  latency: 'LATENCY',
  redundancy: 'REDUNDANCY',
  cooling: 'COOLING',
  rackDensity: 'RACK_DENSITY',
  contiguousMw: 'CONTIGUOUS_MW',
  term: 'TERM',
  price: 'PRICE',
  mwByDate: 'MW_BY_DATE',
};

const RELAXATION_ENUM: Record<RelaxationKey, MatchRelaxationKey> = {
  splitSites: 'SPLIT_SITES',
  splitDistance: 'SPLIT_DISTANCE',
  term: 'TERM',
  price: 'PRICE',
  contiguousMw: 'CONTIGUOUS_MW',
};

/** The run holds every site its matches name (matching.sql reads them with the candidates). */
function siteOf(sites: Map<string, ListingSiteNode>, siteId: string): ListingSiteNode {
  const site = sites.get(siteId);
  if (!site) throw new Error(`Matched site ${siteId} is missing from the run.`);
  return site;
}

function toMatchNode(match: RankedMatch, sites: Map<string, ListingSiteNode>) {
  return {
    rank: match.rank,
    score: match.score,
    isSplit: match.isSplit,
    label: match.label ?? (match.isSplit ? `${match.siteIds.length}-site split` : 'Single site'),
    mwAllocated: match.mwAllocated,
    priceUsdPerKwMonth: centsToUsd(match.weightedPriceCentsPerKwMonth),
    firstPowerDate: match.firstPowerDate,
    interSiteLatencyMs: match.split?.interSiteLatencyMs ?? null,
    criteria: match.criteria,
    summary: match.summary,
    sites: match.sites.map((share) => ({
      site: siteOf(sites, share.siteId),
      mwAllocated: share.mwAllocated,
      blockIds: share.blockIds,
      priceUsdPerKwMonth: centsToUsd(share.weightedPriceCentsPerKwMonth),
    })),
  };
}

export function toResultNode(run: MatchingRun) {
  return {
    requestId: run.requestId,
    modelVersion: run.modelVersion,
    matchedAt: run.matchedAt,
    matches: run.matches.map((match) => toMatchNode(match, run.sites)),
    exclusions: CONSTRAINT_ORDER.map((key) => ({ constraint: CONSTRAINT_ENUM[key], sites: run.excluded.byConstraint[key] })),
    excludedSites: run.excluded.total,
    exclusionSummary: run.summary,
    partialFitSites: run.partialFits?.sites ?? 0,
    partialFitSummary: run.partialFits?.summary || null,
    relaxations: run.relaxations.map((r) => ({ ...r, key: RELAXATION_ENUM[r.key] })),
  };
}

export function toHostMatchNode(row: MatchRow) {
  return {
    id: row.id,
    requestId: row.requestId,
    tenantLabel: tenantLabel(row.requestId),
    siteId: row.siteId,
    rank: row.rank,
    score: row.score.toNumber(),
    isSplit: row.isSplit,
    mwAllocated: (row.explanation as unknown as StoredExplanation).match.sites.find((s) => s.siteId === row.siteId)?.mwAllocated ?? 0,
    blockIds: row.blockIds,
    matchedAt: row.createdAt,
  };
}
