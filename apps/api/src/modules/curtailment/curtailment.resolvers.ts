import { authorize, can } from '../../auth/authorize';
import { toKeysetConnection } from '../../graphql/keyset-cursor';
import { ZPageArgs, connectionResolvers } from '../../graphql/pagination';
import type { Resolvers } from '../../graphql/resolvers';
import { parseInput } from '../../graphql/validate';
import { ZId } from '../common/common.schemas';
import { toCurtailmentEventNode } from './curtailment.mappers';
import { ZCurtailmentEventFilter, ZDisputeCurtailmentEventInput, ZRecordCurtailmentEventInput } from './curtailment.schemas';
import * as events from './curtailment.service';

export const curtailmentResolvers: Resolvers = {
  Query: {
    curtailmentEvents: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.readMeter);
      const { dealId: rawDealId, filter: rawFilter, ...pageArgs } = args;
      const dealId = parseInput(ZId, rawDealId, 'dealId');
      const page = parseInput(ZPageArgs, pageArgs, '');
      const filter = parseInput(ZCurtailmentEventFilter.nullish(), rawFilter, 'filter');
      const rows = await events.findEventsPage(ctx.db.prisma, auth, dealId, page, filter);
      return toKeysetConnection(rows, page.first, events.eventKey, toCurtailmentEventNode, () => events.countEvents(ctx.db.prisma, auth, dealId, filter));
    },
  },
  Mutation: {
    recordCurtailmentEvent: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeMeter);
      return toCurtailmentEventNode(await events.recordCurtailmentEvent(ctx.db.prisma, auth, parseInput(ZRecordCurtailmentEventInput, args.input)));
    },
    withdrawCurtailmentEvent: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeMeter);
      return toCurtailmentEventNode(await events.withdrawCurtailmentEvent(ctx.db.prisma, auth, parseInput(ZId, args.id, 'id')));
    },
    disputeCurtailmentEvent: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeDeals);
      return toCurtailmentEventNode(await events.disputeCurtailmentEvent(ctx.db.prisma, auth, parseInput(ZDisputeCurtailmentEventInput, args.input)));
    },
  },
  CurtailmentEventConnection: connectionResolvers,
};
