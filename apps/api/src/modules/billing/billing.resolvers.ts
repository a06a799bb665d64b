import { authorize, can } from '../../auth/authorize';
import type { ApiContext } from '../../context';
import type { Resolvers } from '../../graphql/resolvers';
import { parseInput } from '../../graphql/validate';
import { requirePlatformAdmin } from '../admin/admin-access';
import { ZId } from '../common/common.schemas';
import { toBillingStatusNode, toInvoiceNode, toPayoutNode, toUpcomingInvoiceNode } from './billing.mappers';
import { ZListArgs, ZPaidPlan } from './billing.schemas';
import * as service from './billing.service';

const depsOf = (ctx: ApiContext): service.BillingDeps => ({ prisma: ctx.db.prisma, billing: ctx.billing, config: ctx.config, logger: ctx.logger });

export const billingResolvers: Resolvers = {
  Query: {
    billingStatus: async (_parent, _args, ctx) => {
      const auth = authorize(ctx, can.readBilling);
      return toBillingStatusNode(auth, await service.readBillingAccount(ctx.db.prisma, auth), ctx.config);
    },
    adminBilling: (_parent, _args, ctx) => {
      requirePlatformAdmin(ctx, 'see billing across organisations');
      return {};
    },
  },
  BillingStatus: {
    // Only asked of Stripe when the client wants it.
    upcomingInvoice: async (parent, _args, ctx) => toUpcomingInvoiceNode(await service.upcomingInvoice(depsOf(ctx), parent.customerId)),
    invoices: async (parent, args, ctx) => (await service.findInvoices(ctx.db.prisma, parent.auth, parseInput(ZListArgs, args, '').first)).map(toInvoiceNode),
    payouts: async (parent, args, ctx) => (await service.findPayouts(ctx.db.prisma, parent.auth, parseInput(ZListArgs, args, '').first)).map(toPayoutNode),
  },
  AdminBilling: {
    failedPayments: async (_parent, args, ctx) =>
      (await service.findFailedPayments(ctx.db.prisma, parseInput(ZListArgs, args, '').first)).map((row) => ({ invoice: toInvoiceNode(row), organizationId: row.orgId, organizationName: row.org.name })),
    failedPayouts: async (_parent, args, ctx) =>
      (await service.findFailedPayouts(ctx.db.prisma, parseInput(ZListArgs, args, '').first)).map((row) => ({ payout: toPayoutNode(row), organizationId: row.orgId, organizationName: row.org.name })),
  },
  Mutation: {
    createPlanCheckout: (_parent, args, ctx) => {
      const auth = authorize(ctx, can.manageBilling);
      return service.createPlanCheckout(depsOf(ctx), auth, parseInput(ZPaidPlan, args.plan, 'plan'));
    },
    createBillingPortalLink: (_parent, _args, ctx) => service.createBillingPortalLink(depsOf(ctx), authorize(ctx, can.manageBilling)),
    createConnectOnboardingLink: (_parent, _args, ctx) => service.createConnectOnboardingLink(depsOf(ctx), authorize(ctx, can.manageBilling)),
    retryPayout: async (_parent, args, ctx) => {
      const admin = requirePlatformAdmin(ctx, 'retry payouts');
      return toPayoutNode(await service.retryPayout(depsOf(ctx), admin, parseInput(ZId, args.id, 'id')));
    },
  },
};
