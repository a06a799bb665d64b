import { authorize, can, requireUser } from '../../auth/authorize';
import { notFound } from '../../graphql/errors';
import { ZPageArgs, connectionResolvers, toConnection } from '../../graphql/pagination';
import type { Resolvers } from '../../graphql/resolvers';
import { parseInput } from '../../graphql/validate';
import { ZId } from '../common/common.schemas';
import { toMembershipNode, toOrganizationNode } from './orgs.mappers';
import { ZAddMemberInput, ZChangeMemberRoleInput, ZCreateOrganizationInput } from './orgs.schemas';
import * as orgs from './orgs.service';

export const orgsResolvers: Resolvers = {
  Query: {
    organization: async (_parent, _args, ctx) => {
      const auth = authorize(ctx, can.readOrg);
      const org = await ctx.loaders.organization.load(auth.orgId);
      if (!org) throw notFound('Organization', auth.orgId);
      return toOrganizationNode(org);
    },
    members: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.readOrg);
      const page = parseInput(ZPageArgs, args, '');
      const rows = await orgs.findMembersPage(ctx.db.prisma, auth, page);
      return toConnection(rows, page, toMembershipNode, () => orgs.countMembers(ctx.db.prisma, auth));
    },
  },
  Mutation: {
    createOrganization: async (_parent, args, ctx) => {
      const user = requireUser(ctx);
      const input = parseInput(ZCreateOrganizationInput, args.input);
      return toOrganizationNode(await orgs.createOrganization(ctx.db.prisma, user.userId, input));
    },
    addMember: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.manageMembers);
      const input = parseInput(ZAddMemberInput, args.input);
      return toMembershipNode(await orgs.addMember(ctx.db.prisma, auth, input));
    },
    changeMemberRole: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.manageMembers);
      const input = parseInput(ZChangeMemberRoleInput, args.input);
      return toMembershipNode(await orgs.changeMemberRole(ctx.db.prisma, auth, input));
    },
    removeMember: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.manageMembers);
      const id = parseInput(ZId, args.id, 'id');
      return orgs.removeMember(ctx.db.prisma, auth, id);
    },
  },
  MembershipConnection: connectionResolvers,
};
