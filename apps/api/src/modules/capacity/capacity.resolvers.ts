import { authorize, can } from '../../auth/authorize';
import { notFound } from '../../errors/domain-errors';
import { ZPageArgs, connectionResolvers, toConnection } from '../../graphql/pagination';
import type { Resolvers } from '../../graphql/resolvers';
import { parseInput } from '../../graphql/validate';
import { assertNotPast, todayOf } from '../common/dates';
import { ZId } from '../common/common.schemas';
import { toSiteNode } from '../sites/sites.mappers';
import { toCapacityBlockNode } from './capacity.mappers';
import { ZCapacityBlockFilter, ZCreateCapacityBlockInput, ZUpdateCapacityBlockInput } from './capacity.schemas';
import * as capacity from './capacity.service';
import { publishedBlockLimit } from '../../plans';

export const capacityResolvers: Resolvers = {
  Query: {
    capacityBlock: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.readCapacity);
      return toCapacityBlockNode(await capacity.getBlock(ctx.db.prisma, auth, parseInput(ZId, args.id, 'id')));
    },
    capacityBlocks: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.readCapacity);
      const { filter, ...pageArgs } = args;
      const page = parseInput(ZPageArgs, pageArgs, '');
      const where = parseInput(ZCapacityBlockFilter.nullish(), filter, 'filter');
      const rows = await capacity.findBlocksPage(ctx.db.prisma, auth, page, where);
      return toConnection(rows, page, toCapacityBlockNode, () => capacity.countBlocks(ctx.db.prisma, auth, where));
    },
  },
  Mutation: {
    createCapacityBlock: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeCapacity);
      const input = parseInput(ZCreateCapacityBlockInput, args.input);
      // A block offers capacity from a day to come (or today), never from one already gone.
      assertNotPast(input.availableFrom, 'input.availableFrom', todayOf(ctx.config));
      return toCapacityBlockNode(await capacity.createBlock(ctx.db.prisma, auth, input));
    },
    updateCapacityBlock: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeCapacity);
      const id = parseInput(ZId, args.id, 'id');
      const input = parseInput(ZUpdateCapacityBlockInput, args.input);
      assertNotPast(input.availableFrom, 'input.availableFrom', todayOf(ctx.config));
      return toCapacityBlockNode(await capacity.updateBlock(ctx.db.prisma, auth, id, input));
    },
    publishCapacityBlock: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeCapacity);
      return toCapacityBlockNode(await capacity.publishBlock(ctx.db.prisma, auth, parseInput(ZId, args.id, 'id'), publishedBlockLimit(ctx.config, auth.principal.plan)));
    },
    unpublishCapacityBlock: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeCapacity);
      return toCapacityBlockNode(await capacity.unpublishBlock(ctx.db.prisma, auth, parseInput(ZId, args.id, 'id')));
    },
    deleteCapacityBlock: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeCapacity);
      return capacity.deleteBlock(ctx.db.prisma, auth, parseInput(ZId, args.id, 'id'));
    },
  },
  CapacityBlock: {
    site: async (block, _args, ctx) => {
      const site = await ctx.loaders.site.load(block.siteId);
      if (!site) throw notFound('Site', block.siteId);
      return toSiteNode(site);
    },
  },
  CapacityBlockConnection: connectionResolvers,
};
