import { toAuditLogNode } from '../admin/admin-audit';
import { authorize, can, requireUser } from '../../auth/authorize';
import type { ApiContext } from '../../context';
import { notFound } from '../../errors/domain-errors';
import { ZPageArgs, connectionResolvers, toConnection } from '../../graphql/pagination';
import type { Resolvers } from '../../graphql/resolvers';
import { parseInput } from '../../graphql/validate';
import { ZId } from '../common/common.schemas';
import * as invitations from './invitations.service';
import { toInvitationNode, toMembershipNode, toOrganizationNode } from './orgs.mappers';
import { ZChangeMemberRoleInput, ZCreateOrganizationInput, ZInvitationToken, ZInviteMemberInput } from './orgs.schemas';
import * as orgs from './orgs.service';

/** The signed-in person with their sign-in address (invitations are addressed to it). */
async function signedInPerson(ctx: ApiContext) {
  const user = requireUser(ctx);
  return ctx.db.prisma.user.findUniqueOrThrow({ where: { id: user.userId }, select: { id: true, email: true } });
}

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
    organizationAuditLog: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.manageMembers);
      const page = parseInput(ZPageArgs, args, '');
      const rows = await orgs.findAuditPage(ctx.db.prisma, auth, page);
      return toConnection(rows, page, toAuditLogNode, () => orgs.countAudit(ctx.db.prisma, auth));
    },
    invitations: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.manageMembers);
      const page = parseInput(ZPageArgs, args, '');
      const rows = await invitations.findInvitationsPage(ctx.db.prisma, auth, page);
      return toConnection(rows, page, toInvitationNode, () => invitations.countInvitations(ctx.db.prisma, auth));
    },
    receivedInvitation: async (_parent, args, ctx) => {
      const token = parseInput(ZInvitationToken, args.token, 'token');
      const received = await invitations.receivedInvitation(ctx.db.prisma, token, await signedInPerson(ctx));
      return { organization: toOrganizationNode(received.org), role: received.role, status: received.status, expiresAt: received.expiresAt };
    },
  },
  Mutation: {
    createOrganization: async (_parent, args, ctx) => {
      const user = requireUser(ctx);
      const input = parseInput(ZCreateOrganizationInput, args.input);
      return toOrganizationNode(await orgs.createOrganization(ctx.db.prisma, user.userId, input));
    },
    inviteMember: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.manageMembers);
      const input = parseInput(ZInviteMemberInput, args.input);
      const { invitation, token } = await invitations.inviteMember(ctx.db.prisma, auth, input, ctx.config.INVITATION_TTL_HOURS);
      return { invitation: toInvitationNode(invitation), token };
    },
    revokeInvitation: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.manageMembers);
      const id = parseInput(ZId, args.id, 'id');
      return toInvitationNode(await invitations.revokeInvitation(ctx.db.prisma, auth, id));
    },
    acceptInvitation: async (_parent, args, ctx) => {
      const token = parseInput(ZInvitationToken, args.token, 'token');
      const joined = await invitations.acceptInvitation(ctx.db.prisma, token, await signedInPerson(ctx));
      return { role: joined.role, organization: toOrganizationNode(joined.organization) };
    },
    leaveOrganization: async (_parent, _args, ctx) => {
      const auth = authorize(ctx, can.leaveOrg);
      return invitations.leaveOrganization(ctx.db.prisma, auth, requireUser(ctx).userId);
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
  InvitationConnection: connectionResolvers,
};
