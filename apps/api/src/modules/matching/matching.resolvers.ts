import { CONSTRAINT_ORDER, type ConstraintKey, type RankedMatch, type RelaxationKey } from '@gridshare/matching';
import type { Match as MatchRow } from '@gridshare/db';
import { authorize, can } from '../../auth/authorize';
import { ZPageArgs, connectionResolvers, toConnection } from '../../graphql/pagination';
import type { MatchConstraint, MatchRelaxationKey } from '../../graphql/generated/resolvers-types';
import type { Resolvers } from '../../graphql/resolvers';
import { parseInput } from '../../graphql/validate';
import { ZId } from '../common/common.schemas';
import { tenantLabel } from '../requests/requests.mappers';
import type { ListingSiteNode } from '../search/search.mappers';
import * as matching from './matching.service';

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

/** The run holds every site its matches name (matching.service reads them with the candidates). */
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
    priceUsdPerKwMonth: match.weightedPriceCentsPerKwMonth / 100,
    firstPowerDate: match.firstPowerDate,
    interSiteLatencyMs: match.split?.interSiteLatencyMs ?? null,
    criteria: match.criteria,
    summary: match.summary,
    sites: match.sites.map((share) => ({
      site: siteOf(sites, share.siteId),
      mwAllocated: share.mwAllocated,
      blockIds: share.blockIds,
      priceUsdPerKwMonth: share.weightedPriceCentsPerKwMonth / 100,
    })),
  };
}

function toResultNode(run: matching.MatchingRun) {
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

function toHostMatchNode(row: MatchRow) {
  return {
    id: row.id,
    requestId: row.requestId,
    tenantLabel: tenantLabel(row.requestId),
    siteId: row.siteId,
    rank: row.rank,
    score: row.score.toNumber(),
    isSplit: row.isSplit,
    mwAllocated: (row.explanation as unknown as matching.StoredExplanation).match.sites.find((s) => s.siteId === row.siteId)?.mwAllocated ?? 0,
    blockIds: row.blockIds,
    matchedAt: row.createdAt,
  };
}

export const matchingResolvers: Resolvers = {
  Query: {
    matches: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.readRequests);
      const run = await matching.findMatches(ctx.db.prisma, auth, parseInput(ZId, args.requestId, 'requestId'));
      return run && toResultNode(run);
    },
    hostMatches: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.readRequests);
      const page = parseInput(ZPageArgs, args, '');
      const rows = await matching.findHostMatchesPage(ctx.db.prisma, auth, page);
      return toConnection(rows, page, toHostMatchNode, () => matching.countHostMatches(ctx.db.prisma, auth));
    },
  },
  Mutation: {
    runMatching: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeRequests);
      return toResultNode(await matching.runMatching(ctx.db.prisma, auth, parseInput(ZId, args.requestId, 'requestId')));
    },
  },
  HostMatchConnection: connectionResolvers,
};
