import { authorize, can } from '../../auth/authorize';
import { ZPageArgs, connectionResolvers, toConnection } from '../../graphql/pagination';
import type { Resolvers } from '../../graphql/resolvers';
import { parseInput } from '../../graphql/validate';
import { ZId } from '../common/common.schemas';
import { latestReadinessLoader } from './readiness.loader';
import { toReadinessNode } from './readiness.mappers';
import * as readiness from './readiness.service';

export const readinessResolvers: Resolvers = {
  Query: {
    readinessModel: (_parent, _args, ctx) => {
      authorize(ctx, can.readSites);
      return readiness.getReadinessModel();
    },
    siteReadinessHistory: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.readSites);
      const { siteId, ...pageArgs } = args;
      const id = parseInput(ZId, siteId, 'siteId');
      const page = parseInput(ZPageArgs, pageArgs, '');
      const rows = await readiness.findHistoryPage(ctx.db.prisma, auth, id, page);
      return toConnection(rows, page, toReadinessNode, () => readiness.countHistory(ctx.db.prisma, auth, id));
    },
  },
  Mutation: {
    assessSiteReadiness: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeSites);
      return toReadinessNode(await readiness.assessSite(ctx.db.prisma, auth, parseInput(ZId, args.siteId, 'siteId')));
    },
    assessAllSiteReadiness: (_parent, _args, ctx) => {
      const auth = authorize(ctx, can.writeSites);
      return readiness.assessAllSites(ctx.db.prisma, auth);
    },
  },
  Site: {
    readiness: async (site, _args, ctx) => {
      const row = await latestReadinessLoader(ctx).load(site.id);
      return row ? toReadinessNode(row) : null;
    },
  },
  ReadinessAssessmentConnection: connectionResolvers,
};
