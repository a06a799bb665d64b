import { authorize, can } from '../../auth/authorize';
import { ZPageArgs, connectionResolvers } from '../../graphql/pagination';
import type { Resolvers } from '../../graphql/resolvers';
import { parseInput } from '../../graphql/validate';
import { type ListingRow, countListings, searchListings } from './search.service';
import { ZCapacitySearchFilter, ZSort } from './search.schemas';

function toListingNode(row: ListingRow) {
  return {
    id: row.blockId,
    kind: row.kind,
    mw: row.mw.toNumber(),
    firmMw: row.firmMw.toNumber(),
    interruptibleMw: row.interruptibleMw.toNumber(),
    availableFrom: row.availableFrom,
    priceUsdPerKwMonth: row.priceCentsPerKwMonth / 100,
    minTermMonths: row.minTermMonths,
    site: {
      id: row.siteId,
      country: row.country,
      region: row.region,
      gridOperator: row.gridOperator,
      energizedMw: row.energizedMw.toNumber(),
      interconnectionStatus: row.interconnectionStatus,
      coolingType: row.coolingType,
      redundancy: row.redundancy,
      maxRackDensityKw: row.maxRackDensityKw,
      latencyToHubMs: row.latencyToHubMs?.toNumber() ?? null,
      nearestHub: row.nearestHub,
      renewableSharePct: row.renewableSharePct,
      pue: row.pue.toNumber(),
      energyPriceUsdPerMwh: row.energyPriceCentsPerMwh / 100,
      readinessScore: row.readinessScore.isNegative() ? null : row.readinessScore.toNumber(),
    },
  };
}

export const searchResolvers: Resolvers = {
  Query: {
    searchCapacity: async (_parent, args, ctx) => {
      authorize(ctx, can.readCapacity);
      const { filter, sort, ...pageArgs } = args;
      const page = parseInput(ZPageArgs, pageArgs, '');
      const order = parseInput(ZSort, sort ?? undefined, 'sort');
      const where = parseInput(ZCapacitySearchFilter.nullish(), filter, 'filter');
      const result = await searchListings(ctx.db.prisma, page, order, where);
      return {
        edges: result.edges.map(({ cursor, row }) => ({ cursor, node: toListingNode(row) })),
        pageInfo: { hasNextPage: result.hasNextPage, endCursor: result.edges.at(-1)?.cursor ?? null },
        totalCount: () => countListings(ctx.db.prisma, result.where),
      };
    },
  },
  CapacityListingConnection: connectionResolvers,
};
