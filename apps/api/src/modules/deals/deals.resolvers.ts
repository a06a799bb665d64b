import { authorize, can } from '../../auth/authorize';
import { ZPageArgs, connectionResolvers, toConnection } from '../../graphql/pagination';
import type { MutationResolvers } from '../../graphql/generated/resolvers-types';
import type { Resolvers } from '../../graphql/resolvers';
import { parseInput } from '../../graphql/validate';
import { ZId } from '../common/common.schemas';
import { acceptDealMwChange, declineDealMwChange, proposeDealMwChange } from './deal-resize';
import * as reads from './deal-reads';
import { signDeal } from './deal-signing';
import { ZDealFilter, ZProposeDealInput, ZProposeDealMwChangeInput, ZSignDealArgs } from './deals.schemas';
import * as deals from './deals.service';
import { proposeDeal } from './propose-deal';

/** Every move takes a deal id and answers the deal: one door, a different move. */
const moveBy =
  (move: typeof deals.acceptDeal): NonNullable<MutationResolvers['acceptDeal']> =>
  (_parent, args, ctx) => {
    const auth = authorize(ctx, can.writeDeals);
    return move(ctx.db.prisma, auth, parseInput(ZId, args.id, 'id'));
  };

export const dealsResolvers: Resolvers = {
  Query: {
    deal: (_parent, args, ctx) => {
      const auth = authorize(ctx, can.readDeals);
      return reads.getDeal(ctx.db.prisma, auth, parseInput(ZId, args.id, 'id'));
    },
    deals: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.readDeals);
      const { filter, ...pageArgs } = args;
      const page = parseInput(ZPageArgs, pageArgs, '');
      const where = parseInput(ZDealFilter.nullish(), filter, 'filter');
      const nodes = await reads.findDealsPage(ctx.db.prisma, auth, page, where);
      return toConnection(nodes, page, (node) => node, () => reads.countDeals(ctx.db.prisma, auth, where));
    },
  },
  Mutation: {
    proposeDeal: (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeDeals);
      return proposeDeal(ctx.db.prisma, auth, parseInput(ZProposeDealInput, args.input));
    },
    acceptDeal: moveBy(deals.acceptDeal),
    rejectDeal: moveBy(deals.rejectDeal),
    withdrawDeal: moveBy(deals.withdrawDeal),
    signDeal: (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeDeals);
      return signDeal(ctx.db.prisma, auth, parseInput(ZSignDealArgs, args, ''));
    },
    activateDeal: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeDeals);
      return deals.activateDeal(ctx.db.prisma, auth, parseInput(ZId, args.id, 'id'), ctx.dealBilling);
    },
    endDeal: moveBy(deals.endDeal),
    proposeDealMwChange: (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeDeals);
      return proposeDealMwChange(ctx.db.prisma, auth, parseInput(ZProposeDealMwChangeInput, args.input));
    },
    acceptDealMwChange: moveBy(acceptDealMwChange),
    declineDealMwChange: moveBy(declineDealMwChange),
  },
  DealConnection: connectionResolvers,
};
