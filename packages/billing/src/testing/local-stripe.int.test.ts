// The local server answers stripe-node the way Stripe does, so the billing code under test is the
// production code: same client, same calls, only host/port/protocol differ.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { createBilling } from '../client';
import { cancelAtPeriodEnd, changeContractedKw, ensureDealSubscription, previewUpcomingInvoice, reportUsageDay, transferToHost } from '../operations';
import { verifyWebhook } from '../webhook';
import { type LocalStripe, startLocalStripe } from './local-stripe';

const SECRET = 'sk_test_local_only';
let local: LocalStripe;
let stripe: Stripe;

beforeAll(async () => {
  local = await startLocalStripe({ secretKey: SECRET });
  stripe = createBilling({ secretKey: SECRET, webhookSecret: 'whsec_x', apiBase: local.url }).stripe;
});
afterAll(() => local.close());

describe('local Stripe-shaped server', () => {
  it('replays an idempotent create and refuses the same key with other parameters', async () => {
    const first = await stripe.customers.create({ name: 'Helix' }, { idempotencyKey: 'k-1' });
    const again = await stripe.customers.create({ name: 'Helix' }, { idempotencyKey: 'k-1' });
    expect(again.id).toBe(first.id);
    expect(local.all('customer').filter((c) => c.name === 'Helix')).toHaveLength(1);
    await expect(stripe.customers.create({ name: 'Other' }, { idempotencyKey: 'k-1' })).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it('answers Stripe-shaped errors: wrong key 401 without echoing it, unknown id 404 resource_missing', async () => {
    const wrong = createBilling({ secretKey: 'sk_test_wrong_secret', webhookSecret: 'x', apiBase: local.url }).stripe;
    const denied = await wrong.customers.create({ name: 'x' }).catch((error: unknown) => error);
    expect(denied).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(String((denied as Error).message)).not.toContain('sk_test_wrong_secret');
    const lost = await stripe.customers.retrieve('cus_000000000000000000000000').catch((error: unknown) => error);
    expect(lost).toMatchObject({ type: 'StripeInvalidRequestError', code: 'resource_missing', statusCode: 404 });
  });

  it('creates one deal subscription however often it is asked, and previews its invoice', async () => {
    const customer = await stripe.customers.create({ name: 'Tenant' });
    const terms = { dealId: 'deal-a', customerId: customer.id, priceCentsPerKwMonth: 15_550, kw: 40_000, startDate: new Date('2020-01-01') };
    const [a, b] = await Promise.all([ensureDealSubscription(stripe, terms), ensureDealSubscription(stripe, terms)]);
    const c = await ensureDealSubscription(stripe, terms);
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    expect(local.all('subscription').filter((s) => s.customer === customer.id)).toHaveLength(1);
    expect(a.items.data[0]).toMatchObject({ quantity: 40_000, price: { unit_amount: 15_550 } });
    await expect(previewUpcomingInvoice(stripe, customer.id)).resolves.toMatchObject({ amountDueCents: 622_000_000, currency: 'usd' });
  });

  it('prorates a change of contracted kW and cancels at period end, once each', async () => {
    const customer = await stripe.customers.create({ name: 'Resize' });
    const subscription = await ensureDealSubscription(stripe, { dealId: 'deal-c', customerId: customer.id, priceCentsPerKwMonth: 10_000, kw: 20_000, startDate: new Date('2020-01-01') });
    const resized = await changeContractedKw(stripe, 'deal-c', subscription.id, 30_000, 'change-1');
    expect(resized.items.data[0]?.quantity).toBe(30_000);
    expect(local.objects.get(subscription.id)).toMatchObject({ last_proration_behavior: 'create_prorations' });
    const cancelled = await cancelAtPeriodEnd(stripe, 'deal-c', subscription.id);
    expect(cancelled).toMatchObject({ cancel_at_period_end: true, status: 'active' });
    expect(local.requests.filter((r) => r.idempotencyKey === 'gs:deal:deal-c:cancel-at-period-end')).toHaveLength(1);
  });

  it('bills a day of usage once and transfers once', async () => {
    const customer = await stripe.customers.create({ name: 'Usage' });
    const day = { dealId: 'deal-b', customerId: customer.id, day: '2027-03-04', kwh: 912_500 };
    await reportUsageDay(stripe, day);
    await reportUsageDay(stripe, day);
    expect(local.all('billing.meter_event').filter((e) => e.identifier === 'usage-deal-b-2027-03-04')).toHaveLength(1);

    const account = await stripe.accounts.create({ type: 'express' });
    const request = { dealId: 'deal-b', invoiceId: 'in_1', destinationAccountId: account.id, amountCents: 9_700 };
    expect(await transferToHost(stripe, request)).toBe(await transferToHost(stripe, request));
    expect(local.all('transfer').filter((t) => t.destination === account.id)).toHaveLength(1);
  });

  it('signs events the way stripe-node verifies them', () => {
    local.webhook = { url: 'http://127.0.0.1:1/unused', secret: 'whsec_local' };
    const event = local.event('customer.created', { id: 'cus_1', object: 'customer' });
    const payload = JSON.stringify(event);
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_local' });
    expect(verifyWebhook(stripe, payload, header, 'whsec_local').id).toBe(event.id);
    expect(() => verifyWebhook(stripe, payload, header, 'whsec_other')).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });

  it('hosted pages: Checkout pays, onboarding enables payouts, and a browser is sent back to the return URL', async () => {
    const received: string[] = [];
    const hooks = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push((JSON.parse(body) as { type: string }).type);
        response.end('{}');
      });
    });
    await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
    local.webhook = { url: `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/`, secret: 'whsec_local' };
    const browser = { headers: { accept: 'text/html,application/xhtml+xml' }, redirect: 'manual' } as const;
    try {
      const customer = await stripe.customers.create({ name: 'Buyer' });
      const line = { price_data: { currency: 'usd', unit_amount: 49_900, recurring: { interval: 'month' as const }, product_data: { name: 'PRO' } }, quantity: 1 };
      const checkout = await stripe.checkout.sessions.create({ mode: 'subscription', customer: customer.id, line_items: [line], success_url: 'http://portal.test/billing?checkout=success' });
      const paid = await fetch(checkout.url ?? '', browser);
      expect(paid.status).toBe(303);
      expect(paid.headers.get('location')).toBe('http://portal.test/billing?checkout=success');
      expect(received).toEqual(['checkout.session.completed', 'customer.subscription.created']);

      const portal = await stripe.billingPortal.sessions.create({ customer: customer.id, return_url: 'http://portal.test/billing' });
      expect((await fetch(portal.url, browser)).headers.get('location')).toBe('http://portal.test/billing');

      const account = await stripe.accounts.create({ type: 'express' });
      const link = await stripe.accountLinks.create({ account: account.id, type: 'account_onboarding', refresh_url: 'http://portal.test/r', return_url: 'http://portal.test/done' });
      // A script (no text/html) gets JSON and no redirect.
      const done = await fetch(link.url);
      expect(done.status).toBe(200);
      expect(await done.json()).toEqual({ payouts_enabled: true });
      expect(local.objects.get(account.id)?.payouts_enabled).toBe(true);
      expect(received.at(-1)).toBe('account.updated');
      expect((await fetch(`${local.url}/checkout/cs_000000000000`, browser)).status).toBe(404);
    } finally {
      hooks.closeAllConnections();
      hooks.close();
    }
  });
});
