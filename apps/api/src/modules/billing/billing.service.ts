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
import { type AppPrisma, scopedWhere, withOrg } from '@gridshare/db';
import type { Logger } from 'pino';
import { audit, writeAudit } from '../../audit';
import type { Authorized } from '../../auth/principal';
import type { TConfig } from '../../config';
import { conflict, forbidden, notFound } from '../../errors/domain-errors';
import { viaStripe } from './billing-errors';

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

const auditOrganization = (prisma: AppPrisma, auth: Authorized, action: string, changes: Record<string, unknown>) =>
  withOrg(prisma, auth, (tx) => audit(tx, auth, { action, entityType: 'Organization', entityId: auth.orgId, changes }));

const returnUrls = (config: TConfig) => ({ successUrl: `${config.BILLING_RETURN_URL}?checkout=success`, cancelUrl: `${config.BILLING_RETURN_URL}?checkout=cancelled` });

export async function createPlanCheckout(deps: BillingDeps, auth: Authorized, plan: 'PRO' | 'API'): Promise<{ url: string }> {
  const { stripe } = deps.billing;
  const url = await viaStripe(deps.logger, async () => {
    const customerId = await ensureCustomer(deps.prisma, stripe, auth.orgId);
    return createCheckoutLink(stripe, { orgId: auth.orgId, customerId, plan, urls: returnUrls(deps.config) });
  });
  await auditOrganization(deps.prisma, auth, 'billing.checkout', { plan });
  return { url };
}

export async function createBillingPortalLink(deps: BillingDeps, auth: Authorized): Promise<{ url: string }> {
  const { stripe } = deps.billing;
  const url = await viaStripe(deps.logger, async () => {
    const customerId = await ensureCustomer(deps.prisma, stripe, auth.orgId);
    return createPortalLink(stripe, { orgId: auth.orgId, customerId, returnUrl: deps.config.BILLING_RETURN_URL });
  });
  await auditOrganization(deps.prisma, auth, 'billing.portal', {});
  return { url };
}

export async function createConnectOnboardingLink(deps: BillingDeps, auth: Authorized): Promise<{ url: string }> {
  if (auth.principal.org?.kind !== 'MINER') throw forbidden('Only host (miner) organisations receive payouts through Stripe Connect.');
  const { stripe } = deps.billing;
  const url = await viaStripe(deps.logger, async () => {
    const accountId = await ensureConnectAccount(deps.prisma, stripe, auth.orgId);
    return createOnboardingLink(stripe, { orgId: auth.orgId, accountId, refreshUrl: `${deps.config.BILLING_RETURN_URL}?onboarding=refresh`, returnUrl: `${deps.config.BILLING_RETURN_URL}?onboarding=done` });
  });
  await auditOrganization(deps.prisma, auth, 'billing.connect_onboarding', {});
  return { url };
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
