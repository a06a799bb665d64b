import { authorize, can } from '../../auth/authorize';
import { ZPageArgs, connectionResolvers, toConnection } from '../../graphql/pagination';
import type { Resolvers } from '../../graphql/resolvers';
import { parseInput } from '../../graphql/validate';
import { ZId } from '../common/common.schemas';
import { toHostMatchNode, toResultNode } from './matching.mappers';
import * as matching from './matching.service';

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
