// The local server answers stripe-node the way Stripe does, so the billing code under test is the
// production code: same client, same calls, only host/port/protocol differ.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { createBilling } from '../client';
import { transferToHost } from '../operations';
import { chargeStatementInvoice, ensureStatementInvoice } from '../statement-invoices';
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

  it('makes one statement invoice however often (and concurrently) it is asked, its items equal to the lines', async () => {
    const customer = await stripe.customers.create({ name: 'Tenant' });
    const lines = [
      { position: 0, description: 'Colocation 2027-03', amountCents: 750_000_000 },
      { position: 1, description: 'SLA credit (10%)', amountCents: -75_000_000 },
      { position: 2, description: 'Energy pass-through', amountCents: 131_616_000 },
      { position: 3, description: 'Backfill credit', amountCents: -38_318_000 },
    ];
    const request = { kind: 'COLOCATION' as const, statementId: 'stmt-a', dealId: 'deal-a', month: '2027-03', customerId: customer.id, lines };
    const [a, b] = await Promise.all([ensureStatementInvoice(stripe, request), ensureStatementInvoice(stripe, request)]);
    const c = await ensureStatementInvoice(stripe, request);
    expect(new Set([a.invoiceId, b.invoiceId, c.invoiceId]).size).toBe(1);
    expect(c.status).toBe('open');
    const invoices = local.all('invoice').filter((invoice) => invoice.customer === customer.id);
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({ status: 'open', total: 768_298_000, amount_due: 768_298_000, metadata: { statement_id: 'stmt-a', deal_id: 'deal-a', month: '2027-03' } });
    const items = local.all('invoiceitem').filter((item) => item.invoice === a.invoiceId);
    expect(items.map((item) => ({ amount: item.amount, description: item.description }))).toEqual(lines.map((line) => ({ amount: line.amountCents, description: line.description })));

    // Charging it pays it once; asking again is a no-op.
    expect(await chargeStatementInvoice(stripe, a.invoiceId)).toBe('paid');
    expect(await chargeStatementInvoice(stripe, a.invoiceId)).toBe('paid');
    expect(local.objects.get(a.invoiceId)).toMatchObject({ status: 'paid', amount_paid: 768_298_000 });
    expect(local.requests.filter((r) => r.path === `/v1/invoices/${a.invoiceId}/pay`)).toHaveLength(1);
  });

  it('after the key window, finds the statement’s draft by metadata and adds only the items it lacks; a declined charge leaves it open', async () => {
    const customer = await stripe.customers.create({ name: 'Late retry' });
    const lines = [
      { position: 0, description: 'Colocation', amountCents: 10_000 },
      { position: 1, description: 'Backfill credit', amountCents: -2_500 },
    ];
    // A first attempt that made the draft and one item, then died; its keys have since expired at Stripe.
    const draft = await stripe.invoices.create({ customer: customer.id, metadata: { statement_id: 'stmt-b' } });
    await stripe.invoiceItems.create({ customer: customer.id, invoice: draft.id, amount: 10_000, currency: 'usd', description: 'Colocation', metadata: { statement_line: '0' } });
    const invoice = await ensureStatementInvoice(stripe, { kind: 'COLOCATION', statementId: 'stmt-b', dealId: 'deal-b', month: '2027-04', customerId: customer.id, lines });
    expect(invoice.invoiceId).toBe(draft.id);
    expect(local.all('invoiceitem').filter((item) => item.invoice === draft.id).map((item) => item.amount)).toEqual([10_000, -2_500]);
    expect(local.objects.get(draft.id)).toMatchObject({ status: 'open', total: 7_500 });

    local.failNext('POST', `/v1/invoices/${draft.id}/pay`, 402, { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' });
    expect(await chargeStatementInvoice(stripe, draft.id)).toBe('open');
    expect(local.objects.get(draft.id)).toMatchObject({ status: 'open', amount_paid: 0 });
    expect(await chargeStatementInvoice(stripe, draft.id)).toBe('paid');
  });

  it('transfers once per (deal, invoice)', async () => {
    const account = await stripe.accounts.create({ type: 'express' });
    const request = { dealId: 'deal-b', invoiceId: 'in_1', destinationAccountId: account.id, amountCents: 9_700, statementId: 'stmt-b' };
    expect(await transferToHost(stripe, request)).toBe(await transferToHost(stripe, request));
    expect(local.all('transfer').filter((t) => t.destination === account.id)).toEqual([expect.objectContaining({ amount: 9_700, metadata: { deal_id: 'deal-b', invoice_id: 'in_1', statement_id: 'stmt-b' } })]);
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
