// What each Stripe event does to our rows. Everything here runs inside the webhook's transaction, after
// the event id was stored in it, so an event's effects and its "processed" mark commit together.
// Webhooks act on the system path (owner connection): an event concerns whichever organisation Stripe says.
// Events arrive out of order, so each row remembers the `created` of the newest event applied to it and
// older events leave it alone.
import type { Stripe } from '@gridshare/billing';
import type { AppTx } from '@gridshare/db';
import { type Plan, toPlan } from '../../auth/principal';
import { recordStatementPaid, statementOfInvoice } from '../statement-billing/statement-payment';
import { recordPartnerEvent } from '../webhooks/outbox';
import { STATEMENT_BILLING } from './statement-kinds';

type StripeEvent = Stripe.Event;

/** What the caller must do once the transaction has committed. */
export interface AfterCommit {
  payoutIds: string[];
}

type Handler = (tx: AppTx, event: StripeEvent, after: AfterCommit) => Promise<void>;

const PLAN_RANK: Record<Plan, number> = { FREE: 0, PRO: 1, API: 2 };
const PLAN_ACTIVE = ['active', 'trialing', 'past_due'];

const idOf = (value: string | { id: string } | null | undefined): string | null => (value == null ? null : typeof value === 'string' ? value : value.id);
const fromUnix = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);

/** Older than what the row already reflects? A `created` event never replaces a row: anything stored is as new. */
const isStale = (stored: { eventCreatedUnix: number } | null, event: StripeEvent) =>
  stored !== null && (event.created < stored.eventCreatedUnix || (event.created === stored.eventCreatedUnix && event.type.endsWith('.created')));

/** The organisation's plan is its best live PLAN subscription (upgrades overlap for a moment), else FREE. */
async function recomputePlan(tx: AppTx, orgId: string): Promise<void> {
  const live = await tx.billingSubscription.findMany({ where: { orgId, kind: 'PLAN', status: { in: PLAN_ACTIVE } }, select: { plan: true } });
  const plan = live.map((row) => toPlan(row.plan)).reduce<Plan>((best, next) => (PLAN_RANK[next] > PLAN_RANK[best] ? next : best), 'FREE');
  await tx.organization.update({ where: { id: orgId }, data: { plan } });
}

/** Our subscription's owner: the org in PLAN metadata, or the tenant of the deal in DEAL metadata. */
async function subscriptionOwner(tx: AppTx, subscription: Stripe.Subscription): Promise<{ orgId: string; dealId: string | null; kind: 'PLAN' | 'DEAL' } | null> {
  const { kind, org_id: orgId, deal_id: dealId } = subscription.metadata;
  if (kind === 'PLAN' && orgId) {
    const org = await tx.organization.findUnique({ where: { id: orgId }, select: { id: true } });
    return org ? { orgId: org.id, dealId: null, kind: 'PLAN' } : null;
  }
  if (kind === 'DEAL' && dealId) {
    const deal = await tx.deal.findUnique({ where: { id: dealId }, select: { id: true, tenantOrgId: true } });
    return deal ? { orgId: deal.tenantOrgId, dealId: deal.id, kind: 'DEAL' } : null;
  }
  return null;
}

const subscriptionChanged: Handler = async (tx, event) => {
  const subscription = event.data.object as Stripe.Subscription;
  const owner = await subscriptionOwner(tx, subscription);
  if (!owner) return; // Not one of ours (another integration on the same Stripe account).
  const stored = await tx.billingSubscription.findUnique({ where: { id: subscription.id }, select: { eventCreatedUnix: true } });
  if (isStale(stored, event)) return;
  const state = {
    status: event.type === 'customer.subscription.deleted' ? 'canceled' : subscription.status,
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    currentPeriodEnd: fromUnix(subscription.items.data[0]?.current_period_end),
    plan: owner.kind === 'PLAN' ? toPlan(subscription.metadata.plan) : null,
    eventCreatedUnix: event.created,
  };
  await tx.billingSubscription.upsert({
    where: { id: subscription.id },
    create: { id: subscription.id, orgId: owner.orgId, dealId: owner.dealId, kind: owner.kind, ...state },
    update: state,
  });
  if (owner.kind === 'PLAN') await recomputePlan(tx, owner.orgId);
};

/** The customer made in Checkout is the organisation's customer from then on. */
const checkoutCompleted: Handler = async (tx, event) => {
  const session = event.data.object as Stripe.Checkout.Session;
  const orgId = session.metadata?.org_id;
  const customerId = idOf(session.customer);
  if (!orgId || !customerId) return;
  await tx.organization.updateMany({ where: { id: orgId, stripeCustomerId: null }, data: { stripeCustomerId: customerId } });
};

const invoiceChanged: Handler = async (tx, event, after) => {
  const invoice = event.data.object as Stripe.Invoice;
  const customerId = idOf(invoice.customer);
  const org = customerId ? await tx.organization.findUnique({ where: { stripeCustomerId: customerId }, select: { id: true } }) : null;
  if (!org || !invoice.id) return;
  const subscriptionId = idOf(invoice.parent?.subscription_details?.subscription);
  // A deal's invoices are its agreed statements' (metadata.statement_id, of a colocation or a hosting
  // deal); plans' come from subscriptions.
  const statement = await statementOfInvoice(STATEMENT_BILLING, tx, invoice, org.id);
  const deal = statement ? statement.port.invoiceDeal(statement.statement) : {};
  const dealId = statement?.statement.dealId ?? null;
  const stored = await tx.invoice.findUnique({ where: { id: invoice.id }, select: { eventCreatedUnix: true } });
  if (isStale(stored, event)) return;
  const state = {
    status: event.type === 'invoice.payment_failed' ? 'payment_failed' : event.type === 'invoice.paid' ? 'paid' : (invoice.status ?? 'open'),
    amountDueCents: BigInt(invoice.amount_due),
    amountPaidCents: BigInt(invoice.amount_paid),
    currency: invoice.currency,
    periodStart: new Date(invoice.period_start * 1000),
    periodEnd: new Date(invoice.period_end * 1000),
    hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
    eventCreatedUnix: event.created,
  };
  await tx.invoice.upsert({
    where: { id: invoice.id },
    create: { id: invoice.id, orgId: org.id, subscriptionId, ...deal, ...state },
    update: state,
  });
  if (event.type !== 'invoice.paid') return;
  if (statement) {
    const { payoutId } = await recordStatementPaid(tx, statement, invoice);
    if (payoutId) after.payoutIds.push(payoutId);
  }
  // The payer's partner webhooks hear of it in the same transaction (system path: any organisation).
  await recordPartnerEvent(tx, {
    orgId: org.id,
    type: 'invoice.paid',
    subjectId: dealId ?? org.id,
    payload: { invoiceId: invoice.id, dealId, statementId: statement?.statement.id ?? null, statementKind: statement?.port.kind ?? null, amountPaidCents: invoice.amount_paid, currency: invoice.currency, periodStart: state.periodStart.toISOString(), periodEnd: state.periodEnd.toISOString() },
  });
};

const accountUpdated: Handler = async (tx, event) => {
  const account = event.data.object as Stripe.Account;
  // Compared in the statement: an older event than the one applied matches no row.
  await tx.organization.updateMany({
    where: { stripeAccountId: account.id, OR: [{ stripeAccountEventUnix: null }, { stripeAccountEventUnix: { lte: event.created } }] },
    data: { stripePayoutsEnabled: account.payouts_enabled ?? false, stripeAccountEventUnix: event.created },
  });
};

/** Transfers we made carry (deal, invoice) metadata, the deal a colocation or a hosting one: a created one
 *  marks its payout PAID even if our own update after the transfer was lost; a reversed one marks it
 *  FAILED for an admin to look at. */
const transferChanged: Handler = async (tx, event) => {
  const transfer = event.data.object as Stripe.Transfer;
  const { deal_id: dealId, invoice_id: invoiceId } = transfer.metadata;
  if (!dealId || !invoiceId) return;
  const where = { stripeInvoiceId: invoiceId, OR: [{ dealId }, { hostingDealId: dealId }] };
  if (event.type === 'transfer.reversed' || transfer.reversed) {
    await tx.payout.updateMany({ where, data: { status: 'FAILED', stripeTransferId: transfer.id, lastError: `Transfer ${transfer.id} was reversed.` } });
    return;
  }
  await tx.payout.updateMany({ where: { ...where, status: { not: 'PAID' } }, data: { status: 'PAID', stripeTransferId: transfer.id, lastError: null } });
};

export const EVENT_HANDLERS: Record<string, Handler> = {
  'checkout.session.completed': checkoutCompleted,
  'customer.subscription.created': subscriptionChanged,
  'customer.subscription.updated': subscriptionChanged,
  'customer.subscription.deleted': subscriptionChanged,
  'invoice.paid': invoiceChanged,
  'invoice.payment_failed': invoiceChanged,
  'account.updated': accountUpdated,
  'transfer.created': transferChanged,
  'transfer.updated': transferChanged,
  'transfer.reversed': transferChanged,
};
