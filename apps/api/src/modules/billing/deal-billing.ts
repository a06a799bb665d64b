// A deal's billing follows its agreed statements (modules/settlement), not a subscription: activation only
// makes sure the tenant has a Stripe customer, so that each agreed statement can be invoiced to it. Ending
// a deal or changing its MW calls nothing at Stripe (the statements prorate colocation by day).
import { type Billing, ensureCustomer } from '@gridshare/billing';
import { type AppPrisma, withOrg } from '@gridshare/db';
import type { Logger } from 'pino';
import type { Authorized } from '../../auth/principal';
import { conflict } from '../../errors/domain-errors';
import type { DealBillingPort, DealStep } from '../deals/deal-billing-port';
import { partyWhere } from '../deals/deal-reads';
import { viaStripe } from './billing-errors';

interface Deps {
  prisma: AppPrisma;
  billing: Billing;
  logger: Logger;
}

/**
 * The activation's billing step. The tenant's customer is made first, outside the move's transaction, on
 * the system path: the host activating cannot see the tenant's organisation under row-level security
 * (and PGlite has one connection: no second query while the move's transaction is open). The customer is
 * made once however often activation is retried (ensureCustomer: idempotency key + conditional update).
 */
async function startBillingStep({ prisma, billing, logger }: Deps, auth: Authorized, dealId: string): Promise<DealStep> {
  const deal = await withOrg(prisma, auth, (tx) => tx.deal.findFirst({ where: { id: dealId, ...partyWhere(auth, 'HOST') }, select: { tenantOrgId: true, status: true } }));
  // Anything but the host's SIGNED deal is refused by the move itself, with the right error.
  const customerId = deal?.status === 'SIGNED' ? await viaStripe(logger, () => ensureCustomer(prisma, billing.stripe, deal.tenantOrgId)) : null;
  return async (_tx, moving) => {
    if (!customerId) throw conflict(`Deal ${moving.id} changed meanwhile; read it again.`, { currentStatus: moving.status });
    return { tenantStripeCustomer: 'ready' };
  };
}

/** Deal activation's billing, as the deals module asks for it (one per process: it holds only clients). */
export function createDealBillingPort(deps: Deps): DealBillingPort {
  return { prepareActivation: (auth, dealId) => startBillingStep(deps, auth, dealId) };
}
