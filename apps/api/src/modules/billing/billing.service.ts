// Billing use-cases for the caller's organisation (and admins). Reads go through withOrg like every other
// module; Stripe customers and Connect accounts are made on the system path (packages/billing customers.ts)
// and Stripe is always called outside a database transaction here, so no connection waits on the network.
import {
  type Billing,
  createOnboardingLink,
  createPlanCheckout as createCheckoutLink,
  createPortalLink,
  ensureConnectAccount,
  ensureCustomer,
  executePayout,
  previewUpcomingInvoice,
} from '@gridshare/billing';
import { type AppPrisma, type AppTx, scopedWhere, withOrg } from '@gridshare/db';
import type { Logger } from 'pino';
import { writeAudit } from '../../audit';
import type { Authorized } from '../../auth/authorize';
import type { TConfig } from '../../config';
import { badInput, conflict, forbidden, notFound } from '../../graphql/errors';
import { isoDay } from '../common/dates';
import { partyWhere } from '../deals/deal-reads';
import { viaStripe } from './billing-errors';
import type { TRecordUsageInput } from './billing.schemas';

export interface BillingDeps {
  prisma: AppPrisma;
  billing: Billing;
  config: TConfig;
  logger: Logger;
}

export function readBillingAccount(prisma: AppPrisma, auth: Authorized) {
  return withOrg(prisma, auth, async (tx) => {
    const org = await tx.organization.findUniqueOrThrow({
      where: { id: auth.orgId },
      select: { plan: true, stripeCustomerId: true, stripeAccountId: true, stripePayoutsEnabled: true },
    });
    const subscriptions = await tx.billingSubscription.findMany({ where: scopedWhere(auth), orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: 100 });
    return { org, subscriptions };
  });
}

export function findInvoices(prisma: AppPrisma, auth: Authorized, first: number) {
  return withOrg(prisma, auth, (tx) => tx.invoice.findMany({ where: scopedWhere(auth), orderBy: [{ periodStart: 'desc' }, { id: 'asc' }], take: first }));
}

export function findPayouts(prisma: AppPrisma, auth: Authorized, first: number) {
  return withOrg(prisma, auth, (tx) => tx.payout.findMany({ where: scopedWhere(auth), orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: first }));
}

/** Asked of Stripe each time (it prorates and meters; we would only go stale). */
export function upcomingInvoice(deps: BillingDeps, customerId: string | null) {
  if (!customerId) return null;
  return viaStripe(deps.logger, () => previewUpcomingInvoice(deps.billing.stripe, customerId));
}

const audit = (prisma: AppPrisma, auth: Authorized, action: string, changes: Record<string, unknown>) =>
  withOrg(prisma, auth, (tx) => writeAudit(tx, { orgId: auth.orgId, actor: auth.actor, action, entityType: 'Organization', entityId: auth.orgId, changes }));

const returnUrls = (config: TConfig) => ({ successUrl: `${config.BILLING_RETURN_URL}?checkout=success`, cancelUrl: `${config.BILLING_RETURN_URL}?checkout=cancelled` });

export async function createPlanCheckout(deps: BillingDeps, auth: Authorized, plan: 'PRO' | 'API'): Promise<{ url: string }> {
  const { stripe } = deps.billing;
  const url = await viaStripe(deps.logger, async () => {
    const customerId = await ensureCustomer(deps.prisma, stripe, auth.orgId);
    return createCheckoutLink(stripe, { orgId: auth.orgId, customerId, plan, urls: returnUrls(deps.config) });
  });
  await audit(deps.prisma, auth, 'billing.checkout', { plan });
  return { url };
}

export async function createBillingPortalLink(deps: BillingDeps, auth: Authorized): Promise<{ url: string }> {
  const { stripe } = deps.billing;
  const url = await viaStripe(deps.logger, async () => {
    const customerId = await ensureCustomer(deps.prisma, stripe, auth.orgId);
    return createPortalLink(stripe, { orgId: auth.orgId, customerId, returnUrl: deps.config.BILLING_RETURN_URL });
  });
  await audit(deps.prisma, auth, 'billing.portal', {});
  return { url };
}

export async function createConnectOnboardingLink(deps: BillingDeps, auth: Authorized): Promise<{ url: string }> {
  if (auth.principal.org?.kind !== 'MINER') throw forbidden('Only host (miner) organisations receive payouts through Stripe Connect.');
  const { stripe } = deps.billing;
  const url = await viaStripe(deps.logger, async () => {
    const accountId = await ensureConnectAccount(deps.prisma, stripe, auth.orgId);
    return createOnboardingLink(stripe, { orgId: auth.orgId, accountId, refreshUrl: `${deps.config.BILLING_RETURN_URL}?onboarding=refresh`, returnUrl: `${deps.config.BILLING_RETURN_URL}?onboarding=done` });
  });
  await audit(deps.prisma, auth, 'billing.connect_onboarding', {});
  return { url };
}

const METERED_STATUSES = ['ACTIVE', 'ENDED'];

async function findMeteredDeal(tx: AppTx, auth: Authorized, input: TRecordUsageInput) {
  const deal = await tx.deal.findFirst({ where: { id: input.dealId, ...partyWhere(auth) }, select: { id: true, status: true, startDate: true } });
  if (!deal) throw notFound('Deal', input.dealId);
  if (!METERED_STATUSES.includes(deal.status)) throw conflict(`Deal ${deal.id} is ${deal.status}; usage is recorded for ACTIVE or ENDED deals.`, { currentStatus: deal.status });
  if (input.day < deal.startDate) throw badInput('input.day', `must be on or after the deal's start date ${isoDay(deal.startDate)}`);
  return deal;
}

/** One row per (deal, day); re-recording a day replaces it until it has been reported to Stripe. */
export function recordUsage(prisma: AppPrisma, auth: Authorized, input: TRecordUsageInput, now = new Date()) {
  if (isoDay(input.day) > isoDay(now)) throw badInput('input.day', 'must not be in the future');
  return withOrg(prisma, auth, async (tx) => {
    await findMeteredDeal(tx, auth, input);
    const existing = await tx.usageReport.findFirst({ where: scopedWhere(auth, { dealId: input.dealId, day: input.day }) });
    if (existing?.reportedAt) {
      throw conflict(`Usage of deal ${input.dealId} on ${isoDay(input.day)} was already reported to Stripe; it cannot change.`, { reportedAt: existing.reportedAt.toISOString() });
    }
    const row = existing
      ? await tx.usageReport.update({ where: { id: existing.id }, data: { mwh: input.mwh } })
      : await tx.usageReport.create({ data: { orgId: auth.orgId, dealId: input.dealId, day: input.day, mwh: input.mwh } });
    await writeAudit(tx, { orgId: auth.orgId, actor: auth.actor, action: 'usage.recorded', entityType: 'UsageReport', entityId: row.id, changes: { dealId: input.dealId, day: isoDay(input.day), mwh: input.mwh } });
    return row;
  });
}

// Admin views: the explicit system path (admin-access.ts), across organisations.

export function findFailedPayments(prisma: AppPrisma, first: number) {
  return prisma.invoice.findMany({ where: { status: 'payment_failed' }, orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }], take: first, include: { org: { select: { name: true } } } });
}

export function findFailedPayouts(prisma: AppPrisma, first: number) {
  return prisma.payout.findMany({ where: { status: 'FAILED' }, orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }], take: first, include: { org: { select: { name: true } } } });
}

export async function retryPayout(deps: BillingDeps, admin: { actor: string }, id: string) {
  const payout = await deps.prisma.payout.findUnique({ where: { id }, select: { id: true, orgId: true, status: true } });
  if (!payout) throw notFound('Payout', id);
  if (payout.status === 'PAID') throw conflict(`Payout ${id} is already PAID.`, { currentStatus: payout.status });
  const outcome = await executePayout(deps.prisma, deps.billing.stripe, id);
  // Audited in the host's organisation, like other admin actions on an organisation.
  await writeAudit(deps.prisma, { orgId: payout.orgId, actor: admin.actor, action: 'payout.retry', entityType: 'Payout', entityId: id, changes: { outcome: outcome.status } });
  return deps.prisma.payout.findUniqueOrThrow({ where: { id } });
}
