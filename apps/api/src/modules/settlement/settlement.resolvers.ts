// Thin: permission, parse, delegate.
import { authorize, can } from '../../auth/authorize';
import { connectionResolvers, toConnection } from '../../graphql/pagination';
import type { Resolvers } from '../../graphql/resolvers';
import { parseInput } from '../../graphql/validate';
import { requirePlatformAdmin } from '../admin/admin-access';
import { ZId } from '../common/common.schemas';
import { toStatementNode } from './settlement.mappers';
import { ZAdminListArgs, ZDisputeStatementArgs, ZFeeIncomeArgs, ZRecomputeStatementArgs, ZStatementsArgs } from './settlement.schemas';
import * as service from './settlement.service';
import * as reads from './statement-reads';
import { centsToUsd } from '../common/units';


export const settlementResolvers: Resolvers = {
  Query: {
    statements: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.readDeals);
      const { dealId, ...page } = parseInput(ZStatementsArgs, args, '');
      const rows = await reads.findStatementsPage(ctx.db.prisma, auth, dealId, page);
      return toConnection(rows, page, toStatementNode, () => reads.countStatements(ctx.db.prisma, auth, dealId));
    },
    statement: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.readDeals);
      return toStatementNode(await reads.getStatement(ctx.db.prisma, auth, parseInput(ZId, args.id, 'id')));
    },
    adminSettlement: (_parent, _args, ctx) => {
      requirePlatformAdmin(ctx, 'see settlement across organisations');
      return {};
    },
  },
  AdminSettlement: {
    disputedStatements: async (_parent, args, ctx) => {
      requirePlatformAdmin(ctx, 'see statements in dispute');
      const rows = await reads.findDisputedStatements(ctx.db.prisma, parseInput(ZAdminListArgs, args, '').first);
      return rows.map((row) => ({ statement: toStatementNode(row), hostOrganizationName: row.deal.host.name, tenantOrganizationName: row.deal.tenant.name }));
    },
    feeIncome: async (_parent, args, ctx) => {
      requirePlatformAdmin(ctx, "see the platform's fee income");
      const { from, until } = parseInput(ZFeeIncomeArgs, args, '');
      return (await reads.platformFeeIncome(ctx.db.prisma, from, until)).map((row) => ({
        month: row.month,
        platformFeeUsd: centsToUsd(row.platformFeeCents),
        tenantTotalUsd: centsToUsd(row.tenantTotalCents),
        statements: row.statements,
      }));
    },
  },
  Mutation: {
    recomputeStatement: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeDeals);
      const { dealId, month } = parseInput(ZRecomputeStatementArgs, args, '');
      return toStatementNode(await service.recomputeStatement(ctx.db.prisma, auth, dealId, month));
    },
    issueStatement: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeDeals);
      return toStatementNode(await service.issueStatement(ctx.db.prisma, auth, parseInput(ZId, args.id, 'id')));
    },
    agreeStatement: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeDeals);
      return toStatementNode(await service.agreeStatement({ prisma: ctx.db.prisma, billing: ctx.billing, logger: ctx.logger }, auth, parseInput(ZId, args.id, 'id')));
    },
    disputeStatement: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeDeals);
      const { id, reason } = parseInput(ZDisputeStatementArgs, args, '');
      return toStatementNode(await service.disputeStatement(ctx.db.prisma, auth, id, reason));
    },
    reissueStatement: async (_parent, args, ctx) => {
      const auth = authorize(ctx, can.writeDeals);
      return toStatementNode(await service.reissueStatement(ctx.db.prisma, auth, parseInput(ZId, args.id, 'id')));
    },
  },
  SettlementStatementConnection: connectionResolvers,
};
