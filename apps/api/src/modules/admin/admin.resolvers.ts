// Thin: requirePlatformAdmin (the gate of the system path), parse, delegate.
import { ZPageArgs, connectionResolvers, toConnection } from '../../graphql/pagination';
import type { Resolvers } from '../../graphql/resolvers';
import { parseInput } from '../../graphql/validate';
import { ZId } from '../common/common.schemas';
import { requirePlatformAdmin } from './admin-access';
import { marketplaceStats } from './admin-stats';
import { toAdminOrganizationNode, toAdminSiteNode } from './admin.mappers';
import { ZAdminOrganizationFilter, ZAuditLogFilter, ZStatsRange, ZSuspensionReason, ZVerificationDecision } from './admin.schemas';
import * as admin from './admin.service';
import * as audit from './admin-audit';
import { auditActorLoader } from './audit-actors.loader';

export const adminResolvers: Resolvers = {
  Query: {
    verificationQueue: (_parent, _args, ctx) => {
      requirePlatformAdmin(ctx, 'see the verification queue');
      // Each list of the queue loads (and checks again) in its own field resolver.
      return {};
    },
    adminOrganizations: async (_parent, args, ctx) => {
      requirePlatformAdmin(ctx, 'list organisations');
      const { filter, ...pageArgs } = args;
      const page = parseInput(ZPageArgs, pageArgs, '');
      const where = parseInput(ZAdminOrganizationFilter.nullish(), filter, 'filter');
      const rows = await admin.findOrganizationsPage(ctx.db.prisma, page, where);
      return toConnection(rows, page, toAdminOrganizationNode, () => admin.countOrganizations(ctx.db.prisma, where));
    },
    adminAuditLog: async (_parent, args, ctx) => {
      requirePlatformAdmin(ctx, 'read the audit log');
      const { filter, ...pageArgs } = args;
      const page = parseInput(ZPageArgs, pageArgs, '');
      const where = parseInput(ZAuditLogFilter.nullish(), filter, 'filter');
      const rows = await audit.findAuditLogPage(ctx.db.prisma, page, where);
      return toConnection(rows, page, audit.toAuditLogNode, () => audit.countAuditLog(ctx.db.prisma, where));
    },
    marketplaceStats: (_parent, args, ctx) => {
      requirePlatformAdmin(ctx, 'see marketplace statistics');
      return marketplaceStats(ctx.db.prisma, parseInput(ZStatsRange, args, ''));
    },
  },
  VerificationQueue: {
    organizations: async (_queue, args, ctx) => {
      requirePlatformAdmin(ctx, 'see the verification queue');
      const page = parseInput(ZPageArgs, args, '');
      const rows = await admin.findQueuedOrganizationsPage(ctx.db.prisma, page);
      return toConnection(rows, page, toAdminOrganizationNode, () => admin.countQueuedOrganizations(ctx.db.prisma));
    },
    sites: async (_queue, args, ctx) => {
      requirePlatformAdmin(ctx, 'see the verification queue');
      const page = parseInput(ZPageArgs, args, '');
      const rows = await admin.findQueuedSitesPage(ctx.db.prisma, page);
      return toConnection(rows, page, toAdminSiteNode, () => admin.countQueuedSites(ctx.db.prisma));
    },
  },
  Mutation: {
    verifyOrganization: async (_parent, args, ctx) => {
      const platformAdmin = requirePlatformAdmin(ctx, 'verify organisations');
      const id = parseInput(ZId, args.id, 'id');
      const decision = parseInput(ZVerificationDecision, args.decision, 'decision');
      return toAdminOrganizationNode(await admin.verifyOrganization(ctx.db.prisma, platformAdmin, id, decision));
    },
    verifySite: async (_parent, args, ctx) => {
      const platformAdmin = requirePlatformAdmin(ctx, 'verify sites');
      const id = parseInput(ZId, args.id, 'id');
      const decision = parseInput(ZVerificationDecision, args.decision, 'decision');
      return toAdminSiteNode(await admin.verifySite(ctx.db.prisma, platformAdmin, id, decision));
    },
    suspendOrganization: async (_parent, args, ctx) => {
      const platformAdmin = requirePlatformAdmin(ctx, 'suspend organisations');
      const id = parseInput(ZId, args.id, 'id');
      const reason = parseInput(ZSuspensionReason, args.reason, 'reason');
      return toAdminOrganizationNode(await admin.suspendOrganization(ctx.db.prisma, platformAdmin, id, reason));
    },
    reinstateOrganization: async (_parent, args, ctx) => {
      const platformAdmin = requirePlatformAdmin(ctx, 'reinstate organisations');
      return toAdminOrganizationNode(await admin.reinstateOrganization(ctx.db.prisma, platformAdmin, parseInput(ZId, args.id, 'id')));
    },
  },
  AdminOrganizationConnection: connectionResolvers,
  AdminSiteConnection: connectionResolvers,
  AuditLogEntryConnection: connectionResolvers,
  AuditLogEntry: {
    actorName: (entry, _args, ctx) => auditActorLoader(ctx).load(entry.actor),
  },
};
