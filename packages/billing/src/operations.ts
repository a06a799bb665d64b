// What the platform asks of Stripe, one function per operation, each create with our idempotency key.
import type Stripe from 'stripe';
import { stripeErrorCode } from './client';
import { idempotencyKey, linkWindow } from './idempotency';

export type PaidPlan = 'PRO' | 'API';

/** Monthly platform plan prices in cents (FREE has none). */
export const PLAN_PRICE_CENTS: Record<PaidPlan, number> = { PRO: 49_900, API: 199_900 };

/** The billing meter that receives metered energy (kWh, summed per period). */
export const ENERGY_METER_EVENT = 'gridshare_energy_kwh';

export async function createCustomer(stripe: Stripe, org: { id: string; name: string }): Promise<string> {
  const customer = await stripe.customers.create({ name: org.name, metadata: { org_id: org.id } }, { idempotencyKey: idempotencyKey.customer(org.id) });
  return customer.id;
}

export interface DealBillingTerms {
  dealId: string;
  customerId: string;
  priceCentsPerKwMonth: number;
  kw: number;
  startDate: Date;
}

/**
 * The deal's monthly subscription (price per kW-month x contracted kW), free until the deal's start date.
 * Finds the one created before (metadata.deal_id) so that a retry after Stripe's 24-hour key window
 * still never makes a second one.
 */
export async function ensureDealSubscription(stripe: Stripe, terms: DealBillingTerms, now = new Date()): Promise<Stripe.Subscription> {
  const existing = await stripe.subscriptions.list({ customer: terms.customerId, status: 'all', limit: 100 });
  const found = existing.data.find((subscription) => subscription.metadata.deal_id === terms.dealId);
  if (found) return found;
  const product = await stripe.products.create({ name: `Colocation, deal ${terms.dealId}`, metadata: { deal_id: terms.dealId } }, { idempotencyKey: idempotencyKey.dealProduct(terms.dealId) });
  const startUnix = Math.floor(terms.startDate.getTime() / 1000);
  return stripe.subscriptions.create(
    {
      customer: terms.customerId,
      items: [{ price_data: { currency: 'usd', product: product.id, unit_amount: terms.priceCentsPerKwMonth, recurring: { interval: 'month' } }, quantity: terms.kw }],
      metadata: { deal_id: terms.dealId, kind: 'DEAL' },
      // Billing begins on the deal's start date: until then the subscription is a free trial.
      ...(startUnix > Math.floor(now.getTime() / 1000) ? { trial_end: startUnix } : {}),
    },
    { idempotencyKey: idempotencyKey.dealSubscription(terms.dealId) },
  );
}

/** Ending a deal stops billing at the end of the period already invoiced. */
export function cancelAtPeriodEnd(stripe: Stripe, dealId: string, subscriptionId: string): Promise<Stripe.Subscription> {
  return stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: true }, { idempotencyKey: idempotencyKey.dealCancel(dealId) });
}

/** A change of contracted capacity bills the difference for the rest of the period (prorated). */
export async function changeContractedKw(stripe: Stripe, dealId: string, subscriptionId: string, kw: number, changeId: string): Promise<Stripe.Subscription> {
  const subscription = await stripe.subscriptions.retrieve(subscriptionId);
  const item = subscription.items.data[0];
  if (!item) throw new Error(`Subscription ${subscriptionId} has no item to change`);
  return stripe.subscriptions.update(
    subscriptionId,
    { items: [{ id: item.id, quantity: kw }], proration_behavior: 'create_prorations' },
    { idempotencyKey: idempotencyKey.dealQuantity(dealId, kw, changeId) },
  );
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

export interface UsageDay {
  dealId: string;
  customerId: string;
  /** YYYY-MM-DD (UTC). */
  day: string;
  kwh: number;
}

export const meterEventIdentifier = (dealId: string, day: string) => `usage-${dealId}-${day}`;

/**
 * Reports one day of metered energy. The identifier (Stripe deduplicates on it) and the idempotency key
 * both come from the deal and the day, so a second report of the same day is refused, not billed.
 * Answers the identifier; a duplicate counts as already reported.
 */
export async function reportUsageDay(stripe: Stripe, usage: UsageDay): Promise<string> {
  const identifier = meterEventIdentifier(usage.dealId, usage.day);
  try {
    await stripe.billing.meterEvents.create(
      {
        event_name: ENERGY_METER_EVENT,
        identifier,
        payload: { stripe_customer_id: usage.customerId, value: String(usage.kwh) },
        // Noon UTC of the day: the event lands in that day whatever the period boundaries.
        timestamp: Math.floor(Date.parse(`${usage.day}T12:00:00Z`) / 1000),
      },
      { idempotencyKey: idempotencyKey.meterEvent(usage.dealId, usage.day) },
    );
  } catch (error) {
    if (stripeErrorCode(error) !== 'resource_already_exists') throw error;
  }
  return identifier;
}

export interface TransferRequest {
  dealId: string;
  invoiceId: string;
  destinationAccountId: string;
  amountCents: number;
}

/**
 * Pays the host its share of one paid invoice; one transfer per (deal, invoice), whatever the retries:
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
      metadata: { deal_id: request.dealId, invoice_id: request.invoiceId },
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
