import { authorize, can } from '../../auth/authorize';
import { ZPageArgs, connectionResolvers } from '../../graphql/pagination';
import type { Resolvers } from '../../graphql/resolvers';
import { parseInput } from '../../graphql/validate';
import { ZId } from '../common/common.schemas';
import { getListing, listedGridOperators, listedRegions } from './listing.service';
import { toListingNode } from './search.mappers';
import { searchListingIndex } from './search.memory';
import { countListings, searchListings } from './search.service';
import { ZCapacitySearchFilterArg, ZSort } from './search.schemas';

/**
 * Root fields whose answer is the same for every caller allowed to ask (search and the suggestion lists read
 * only the listings, which hold nothing tenant-specific), with the permission to ask: the HTTP layer may
 * replay their answers (graphql/response-cache.ts). The lists change only when a listing does, which commits
 * a mutation and so clears every replayed answer.
 */
export const searchPublicQueries = {
  searchCapacity: can.readCapacity,
  listedRegions: can.readCapacity,
  listedGridOperators: can.readCapacity,
};

export const searchResolvers: Resolvers = {
  Query: {
    listedRegions: async (_parent, _args, ctx) => {
      authorize(ctx, searchPublicQueries.listedRegions);
      return listedRegions(ctx.db.prisma);
    },
    listedGridOperators: async (_parent, _args, ctx) => {
      authorize(ctx, searchPublicQueries.listedGridOperators);
      return listedGridOperators(ctx.db.prisma);
    },
    listing: async (_parent, args, ctx) => {
      authorize(ctx, can.readCapacity);
      return getListing(ctx.db.prisma, parseInput(ZId, args.siteId, 'siteId'));
    },
    searchCapacity: async (_parent, args, ctx) => {
      authorize(ctx, searchPublicQueries.searchCapacity);
      const { filter, sort, ...pageArgs } = args;
      const page = parseInput(ZPageArgs, pageArgs, '');
      const order = parseInput(ZSort, sort ?? undefined, 'sort');
      const where = parseInput(ZCapacitySearchFilterArg, filter, 'filter');
      if (ctx.listings) {
        const index = await ctx.timings.measure('listing-check', () => ctx.listings!.current());
        return ctx.timings.time('listing-search', () => searchListingIndex(index, page, order, where));
      }
      const result = await searchListings(ctx.db.prisma, page, order, where);
      let counted: ReturnType<typeof countListings> | undefined;
      const count = () => (counted ??= countListings(ctx.db.prisma, result.where));
      return {
        edges: result.edges.map(({ cursor, row }) => ({ cursor, node: toListingNode(row) })),
        pageInfo: { hasNextPage: result.hasNextPage, endCursor: result.edges.at(-1)?.cursor ?? null },
        totalCount: async () => (await count()).count,
        totalCountIsExact: async () => (await count()).exact,
      };
    },
  },
  CapacityListingConnection: {
    ...connectionResolvers,
    totalCountIsExact: (connection) => connection.totalCountIsExact(),
  },
};
