// What the platform asks of Stripe, one function per operation, each create with our idempotency key.
import type Stripe from 'stripe';
import { stripeErrorCode } from './client';
import { idempotencyKey, linkWindow } from './idempotency';

export type PaidPlan = 'PRO' | 'API';

/** Monthly platform plan prices in cents (FREE has none). */
export const PLAN_PRICE_CENTS: Record<PaidPlan, number> = { PRO: 49_900, API: 199_900 };

export async function createCustomer(stripe: Stripe, org: { id: string; name: string }): Promise<string> {
  const customer = await stripe.customers.create({ name: org.name, metadata: { org_id: org.id } }, { idempotencyKey: idempotencyKey.customer(org.id) });
  return customer.id;
}

export interface UpcomingInvoice {
  amountDueCents: number;
  currency: string;
  /** When Stripe will next try to charge it. */
  dueAt: Date | null;
}

/** The next invoice of the customer's subscriptions, or null when nothing is due. */
export async function previewUpcomingInvoice(stripe: Stripe, customerId: string): Promise<UpcomingInvoice | null> {
  try {
    const invoice = await stripe.invoices.createPreview({ customer: customerId });
    const dueAt = invoice.next_payment_attempt ?? invoice.period_end;
    return { amountDueCents: invoice.amount_due, currency: invoice.currency, dueAt: dueAt ? new Date(dueAt * 1000) : null };
  } catch (error) {
    if (stripeErrorCode(error) === 'invoice_upcoming_none') return null;
    throw error;
  }
}

export interface TransferRequest {
  dealId: string;
  invoiceId: string;
  destinationAccountId: string;
  amountCents: number;
  /** The agreed statement the invoice carried, for the transfer's metadata. */
  statementId: string | null;
}

/**
 * Pays the host what one paid statement invoice owes it; one transfer per (deal, invoice), whatever the retries:
 * the key covers 24 hours, the lookup by transfer group covers a retry days later.
 */
export async function transferToHost(stripe: Stripe, request: TransferRequest): Promise<string> {
  const earlier = await stripe.transfers.list({ transfer_group: request.invoiceId, limit: 100 });
  const found = earlier.data.find((transfer) => transfer.metadata.deal_id === request.dealId);
  if (found) return found.id;
  const transfer = await stripe.transfers.create(
    {
      amount: request.amountCents,
      currency: 'usd',
      destination: request.destinationAccountId,
      transfer_group: request.invoiceId,
      metadata: { deal_id: request.dealId, invoice_id: request.invoiceId, ...(request.statementId ? { statement_id: request.statementId } : {}) },
    },
    { idempotencyKey: idempotencyKey.transfer(request.dealId, request.invoiceId) },
  );
  return transfer.id;
}

export interface LinkUrls {
  successUrl: string;
  cancelUrl: string;
}

/** Checkout for a platform plan; the webhook sets the plan when the subscription exists. */
export async function createPlanCheckout(stripe: Stripe, args: { orgId: string; customerId: string; plan: PaidPlan; urls: LinkUrls; now?: Date }): Promise<string> {
  const metadata = { org_id: args.orgId, plan: args.plan, kind: 'PLAN' };
  const session = await stripe.checkout.sessions.create(
    {
      mode: 'subscription',
      customer: args.customerId,
      line_items: [{ price_data: { currency: 'usd', product_data: { name: `Gridshare ${args.plan}` }, unit_amount: PLAN_PRICE_CENTS[args.plan], recurring: { interval: 'month' } }, quantity: 1 }],
      metadata,
      subscription_data: { metadata },
      success_url: args.urls.successUrl,
      cancel_url: args.urls.cancelUrl,
    },
    { idempotencyKey: idempotencyKey.link(args.orgId, `checkout-${args.plan}`, linkWindow(args.now ?? new Date())) },
  );
  if (!session.url) throw new Error('Stripe returned a Checkout session without a URL');
  return session.url;
}

export async function createPortalLink(stripe: Stripe, args: { orgId: string; customerId: string; returnUrl: string; now?: Date }): Promise<string> {
  const session = await stripe.billingPortal.sessions.create(
    { customer: args.customerId, return_url: args.returnUrl },
    { idempotencyKey: idempotencyKey.link(args.orgId, 'portal', linkWindow(args.now ?? new Date())) },
  );
  return session.url;
}

export async function createConnectAccount(stripe: Stripe, org: { id: string }): Promise<string> {
  const account = await stripe.accounts.create({ type: 'express', metadata: { org_id: org.id } }, { idempotencyKey: idempotencyKey.connectAccount(org.id) });
  return account.id;
}

export async function createOnboardingLink(stripe: Stripe, args: { orgId: string; accountId: string; refreshUrl: string; returnUrl: string; now?: Date }): Promise<string> {
  const link = await stripe.accountLinks.create(
    { account: args.accountId, type: 'account_onboarding', refresh_url: args.refreshUrl, return_url: args.returnUrl },
    { idempotencyKey: idempotencyKey.link(args.orgId, 'onboarding', linkWindow(args.now ?? new Date())) },
  );
  return link.url;
}
