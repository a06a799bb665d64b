import { authorize, can } from '../../auth/authorize';
import { ZPageArgs, connectionResolvers, toConnection } from '../../graphql/pagination';
import type { MutationResolvers } from '../../graphql/generated/resolvers-types';
import type { Resolvers } from '../../graphql/resolvers';
import { parseInput } from '../../graphql/validate';
import { assertNotPast, todayOf } from '../common/dates';
import { ZId } from '../common/common.schemas';
import * as openRequests from './open-requests.service';
import * as proposalRequests from './proposal-requests.service';
import { tenantLabel, toRequestNode } from './requests.mappers';
import { ZCreateRequestInput, ZOpenRequestFilter, ZRequestFilter, ZUpdateRequestInput } from './requests.schemas';
import * as requests from './requests.service';

type MoveRequest = typeof requests.openRequest;

const toProposalRequestNode = (row: { id: string; requestId: string; siteId: string; createdAt: Date }) => ({
  id: row.id,
  requestId: row.requestId,
  tenantLabel: tenantLabel(row.requestId),
  siteId: row.siteId,
  createdAt: row.createdAt,
});

/** openColocationRequest / withdrawColocationRequest: the same door, a different move. */
const moveBy =
  (move: MoveRequest): NonNullable<MutationResolvers['openColocationRequest']> =>
  async (_parent, args, ctx) => {
    const auth = authorize(ctx, can.writeRequests);
    return toRequestNode(await move(ctx.db.prisma, auth, parseInput(ZId, args.id, 'id')));
  };

/** Capacity needed by a day already gone cannot be delivered: each phase's date is today or later. */
function assertPhasesAhead(phases: readonly { neededBy: Date }[] | undefined, today: Date) {
  phases?.forEach((phase, i) => assertNotPast(phase.neededBy, `input.phases.${i}.neededBy`, today));
}

export const requestsResolvers: Resolvers = {
  Query: {
    colocationRequest: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.readRequests);
      return toRequestNode(await requests.getRequest(ctx.db.prisma, auth, parseInput(ZId, args.id, 'id')));
    },
    colocationRequests: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.readRequests);
      const { filter, ...pageArgs } = args;
      const page = parseInput(ZPageArgs, pageArgs, '');
      const where = parseInput(ZRequestFilter.nullish(), filter, 'filter');
      const rows = await requests.findRequestsPage(ctx.db.prisma, auth, page, where);
      return toConnection(rows, page, toRequestNode, () => requests.countRequests(ctx.db.prisma, auth, where));
    },
    openColocationRequests: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.readRequests);
      const { filter, ...pageArgs } = args;
      const page = parseInput(ZPageArgs, pageArgs, '');
      const where = parseInput(ZOpenRequestFilter.nullish(), filter, 'filter');
      const nodes = await openRequests.findOpenRequestsPage(ctx.db.prisma, auth, page, where);
      return toConnection(nodes, page, (node) => node, () => openRequests.countOpenRequests(ctx.db.prisma, auth, where));
    },
    receivedProposalRequests: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.readRequests);
      const page = parseInput(ZPageArgs, args, '');
      const rows = await proposalRequests.findReceivedPage(ctx.db.prisma, auth, page);
      return toConnection(rows, page, toProposalRequestNode, () => proposalRequests.countReceived(ctx.db.prisma, auth));
    },
    sentProposalRequests: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.readRequests);
      const rows = await proposalRequests.findSentForRequest(ctx.db.prisma, auth, parseInput(ZId, args.requestId, 'requestId'));
      return rows.map(toProposalRequestNode);
    },
    openRequest: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.readRequests);
      return openRequests.getOpenRequest(ctx.db.prisma, auth, parseInput(ZId, args.id, 'id'));
    },
  },
  Mutation: {
    requestProposal: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeRequests);
      const requestId = parseInput(ZId, args.requestId, 'requestId');
      const siteId = parseInput(ZId, args.siteId, 'siteId');
      return toProposalRequestNode(await proposalRequests.requestProposal(ctx.db.prisma, auth, requestId, siteId));
    },
    createColocationRequest: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeRequests);
      const input = parseInput(ZCreateRequestInput, args.input);
      assertPhasesAhead(input.phases, todayOf(ctx.config));
      return toRequestNode(await requests.createRequest(ctx.db.prisma, auth, input));
    },
    updateColocationRequest: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeRequests);
      const id = parseInput(ZId, args.id, 'id');
      const input = parseInput(ZUpdateRequestInput, args.input);
      assertPhasesAhead(input.phases, todayOf(ctx.config));
      return toRequestNode(await requests.updateRequest(ctx.db.prisma, auth, id, input));
    },
    openColocationRequest: moveBy(requests.openRequest),
    withdrawColocationRequest: moveBy(requests.withdrawRequest),
  },
  ColocationRequestConnection: connectionResolvers,
  OpenColocationRequestConnection: connectionResolvers,
  ProposalRequestConnection: connectionResolvers,
};
