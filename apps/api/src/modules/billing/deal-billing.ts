// A deal's billing follows its life: activation starts the tenant's monthly subscription (price per
// kW-month x contracted kW, from the deal's start date), ending cancels it at the end of the period.
// The Stripe call runs inside the move's transaction, with a key derived from the deal id: if anything
// after it fails, the move rolls back and a retry gets the same subscription back from Stripe (and finds
// it by metadata after the key's 24 hours), so a deal never has two.
import { type Billing, cancelAtPeriodEnd, changeContractedKw, ensureCustomer, ensureDealSubscription } from '@gridshare/billing';
import { type AppPrisma, type AppTx, type Deal, withOrg } from '@gridshare/db';
import type { Logger } from 'pino';
import type { Authorized } from '../../auth/authorize';
import { conflict } from '../../graphql/errors';
import { partyWhere } from '../deals/deal-reads';
import { viaStripe } from './billing-errors';

export type DealBillingStep = (tx: AppTx, deal: Deal) => Promise<Record<string, unknown>>;

interface Deps {
  prisma: AppPrisma;
  billing: Billing;
  logger: Logger;
}

/**
 * The activation's billing step. The tenant's customer is made first, outside the move's transaction, on
 * the system path: the host activating cannot see the tenant's organisation under row-level security
 * (and PGlite has one connection: no second query while the move's transaction is open).
 */
export async function startBillingStep({ prisma, billing, logger }: Deps, auth: Authorized, dealId: string): Promise<DealBillingStep> {
  const deal = await withOrg(prisma, auth, (tx) => tx.deal.findFirst({ where: { id: dealId, ...partyWhere(auth, 'HOST') }, select: { tenantOrgId: true, status: true } }));
  // Anything but the host's SIGNED deal is refused by the move itself, with the right error.
  const customerId = deal?.status === 'SIGNED' ? await viaStripe(logger, () => ensureCustomer(prisma, billing.stripe, deal.tenantOrgId)) : null;
  return async (tx, moving) => {
    if (!customerId) throw conflict(`Deal ${moving.id} changed meanwhile; read it again.`, { currentStatus: moving.status });
    const subscription = await viaStripe(logger, () =>
      ensureDealSubscription(billing.stripe, {
        dealId: moving.id,
        customerId,
        priceCentsPerKwMonth: moving.priceCentsPerKwMonth,
        kw: Math.round(moving.mw.toNumber() * 1000),
        startDate: moving.startDate,
      }),
    );
    await tx.deal.update({ where: { id: moving.id }, data: { stripeSubscriptionId: subscription.id } });
    return { stripeSubscriptionId: subscription.id };
  };
}

/** Ending: no more months are billed after the current one. */
export function stopBillingStep({ billing, logger }: Omit<Deps, 'prisma'>): DealBillingStep {
  return async (_tx, deal) => {
    const subscriptionId = deal.stripeSubscriptionId;
    if (!subscriptionId) return {};
    await viaStripe(logger, () => cancelAtPeriodEnd(billing.stripe, deal.id, subscriptionId));
    return { billing: 'cancel at period end' };
  };
}

/**
 * An agreed change of MW: the subscription's quantity follows, prorated by Stripe. Keyed by the proposal's
 * time, so a retried acceptance updates once and a later change back to the same MW is a change again.
 */
export function resizeBillingStep({ billing, logger }: Omit<Deps, 'prisma'>): DealBillingStep {
  return async (_tx, deal) => {
    const subscriptionId = deal.stripeSubscriptionId;
    if (!subscriptionId || !deal.pendingMwAt) return {};
    const kw = Math.round(deal.mw.toNumber() * 1000);
    const changeId = String(deal.pendingMwAt.getTime());
    await viaStripe(logger, () => changeContractedKw(billing.stripe, deal.id, subscriptionId, kw, changeId));
    return { billing: `prorated to ${kw} kW` };
  };
}
