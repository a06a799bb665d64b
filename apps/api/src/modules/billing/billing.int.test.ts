// Billing over real HTTP against the local Stripe-shaped server: deal subscriptions, payouts, usage,
// plans, bad input and tenancy. Each test makes its own organisations.
import { reportPendingUsage, retryPayouts } from '@gridshare/billing';
import { withOrg } from '@gridshare/db';
import {
  type OrgFixture,
  createActiveDeal,
  createApiKey,
  createBlock,
  createPlatformOrg,
  createSignedDeal,
  createSite,
  mutate,
  platformPerson,
  signUpOrg,
} from '../../testing/fixtures';
import { type Caller, type TestApi, startTestApi } from '../../testing/test-api';

let api: TestApi;
let admin: Caller;

beforeAll(async () => {
  api = await startTestApi({ env: { PUBLISHED_BLOCK_LIMIT_FREE: '2' } });
  admin = await platformPerson(api, await createPlatformOrg(api), 'ADMIN');
});
afterAll(() => api.close());

const ACTIVATE = `mutation ($id: ID!) { activateDeal(id: $id) { id status } }`;
const STATUS = `{ billingStatus { plan publishedBlockLimit rateLimitPerMinute hasCustomer hasConnectAccount
  subscriptions { id kind dealId plan status cancelAtPeriodEnd }
  upcomingInvoice { amountDueUsd currency }
  invoices { id status amountPaidUsd dealId }
  payouts { id dealId invoiceId amountUsd status attempts lastError transferId } } }`;

interface Parties {
  host: OrgFixture;
  tenant: OrgFixture;
}
const parties = async (label: string): Promise<Parties> => ({ host: await signUpOrg(api, 'MINER', `${label}-host`), tenant: await signUpOrg(api, 'TENANT', `${label}-tenant`) });

const subscriptionsOf = (dealId: string) => api.stripe.all('subscription').filter((sub) => (sub.metadata as Record<string, string>).deal_id === dealId);

/** Makes the audit insert of `dealId`'s activation fail (after the Stripe call) while the row in test_fault exists. */
async function installActivationFault(): Promise<void> {
  await api.db.prisma.$executeRawUnsafe(`CREATE TABLE test_fault ("entityId" text PRIMARY KEY)`);
  await api.db.prisma.$executeRawUnsafe(`
    CREATE FUNCTION refuse_faulty_activation() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
    BEGIN
      IF NEW."action" = 'deal.activate' AND EXISTS (SELECT 1 FROM test_fault f WHERE f."entityId" = NEW."entityId") THEN
        RAISE EXCEPTION 'injected failure after the Stripe call';
      END IF;
      RETURN NEW;
    END $$`);
  await api.db.prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_faulty_activation BEFORE INSERT ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION refuse_faulty_activation()`);
}

describe('deal subscriptions', () => {
  it('a deal going active creates exactly one subscription even when the mutation is retried', async () => {
    await installActivationFault();
    const { host, tenant } = await parties('activate');
    const deal = await createSignedDeal(api, host, tenant, { mw: 40, priceUsdPerKwMonth: 155.5, startDate: '2027-01-01' });
    await api.db.prisma.$executeRawUnsafe(`INSERT INTO test_fault VALUES ($1)`, deal.dealId);

    // Stripe is called, then the transaction fails: the deal stays SIGNED with no subscription recorded.
    const failed = await api.gql(ACTIVATE, { id: deal.dealId }, host);
    expect(failed.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    const stillSigned = await api.db.prisma.deal.findUniqueOrThrow({ where: { id: deal.dealId } });
    expect({ status: stillSigned.status, stripeSubscriptionId: stillSigned.stripeSubscriptionId }).toEqual({ status: 'SIGNED', stripeSubscriptionId: null });
    expect(subscriptionsOf(deal.dealId)).toHaveLength(1);

    // The retry (and three more at once) end with one ACTIVE deal and still one subscription.
    await api.db.prisma.$executeRawUnsafe(`DELETE FROM test_fault`);
    const retries = await Promise.all([1, 2, 3, 4].map(() => api.gql<{ activateDeal: { status: string } }>(ACTIVATE, { id: deal.dealId }, host)));
    expect(retries.filter((r) => r.data?.activateDeal?.status === 'ACTIVE')).toHaveLength(1);
    expect(retries.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(3);

    const [subscription] = subscriptionsOf(deal.dealId);
    expect(subscriptionsOf(deal.dealId)).toHaveLength(1);
    const active = await api.db.prisma.deal.findUniqueOrThrow({ where: { id: deal.dealId } });
    expect(active).toMatchObject({ status: 'ACTIVE', stripeSubscriptionId: subscription?.id });
    // 40 MW = 40,000 kW at $155.50 per kW-month, free until the start date.
    expect(subscription).toMatchObject({
      status: 'trialing',
      trial_end: Date.parse('2027-01-01T00:00:00Z') / 1000,
      items: { data: [{ quantity: 40_000, price: { unit_amount: 15_550, recurring: { interval: 'month' } } }] },
    });
    const customers = api.stripe.all('customer').filter((c) => (c.metadata as Record<string, string>).org_id === tenant.orgId);
    expect(customers).toHaveLength(1);
    expect(subscription?.customer).toBe(customers[0]?.id);
  });

  it('ending the deal cancels at period end; a second deal reuses the tenant’s one customer', async () => {
    const { host, tenant } = await parties('end');
    const first = await createActiveDeal(api, host, tenant);
    const second = await createActiveDeal(api, host, tenant);
    await mutate(api, tenant, 'endDeal', `mutation ($id: ID!) { endDeal(id: $id) { id } }`, { id: first.dealId });
    expect(subscriptionsOf(first.dealId)[0]).toMatchObject({ cancel_at_period_end: true, status: 'trialing' });
    expect(subscriptionsOf(second.dealId)[0]).toMatchObject({ cancel_at_period_end: false });
    expect(api.stripe.all('customer').filter((c) => (c.metadata as Record<string, string>).org_id === tenant.orgId)).toHaveLength(1);
  });
});

describe('changing an active deal’s MW', () => {
  const PROPOSE = `mutation ($input: ProposeDealMwChangeInput!) { proposeDealMwChange(input: $input) { id mw pendingMw pendingMwBy } }`;
  const ACCEPT = `mutation ($id: ID!) { acceptDealMwChange(id: $id) { id mw pendingMw } }`;
  const quantityOf = (dealId: string) => (subscriptionsOf(dealId)[0]?.items as { data: { quantity: number }[] }).data[0]?.quantity;

  it('takes both parties, prorates the subscription once per agreed change, and refuses bad input writing nothing', async () => {
    const { host, tenant } = await parties('resize');
    const deal = await createActiveDeal(api, host, tenant, { mw: 40 });
    expect(quantityOf(deal.dealId)).toBe(40_000);

    const proposed = await mutate<{ pendingMw: number; pendingMwBy: string; mw: number }>(api, tenant, 'proposeDealMwChange', PROPOSE, { input: { dealId: deal.dealId, mw: 30 } });
    expect(proposed).toMatchObject({ mw: 40, pendingMw: 30, pendingMwBy: 'TENANT' });
    // The proposer cannot accept its own proposal; Stripe is untouched until the other party does.
    expect((await api.gql(ACCEPT, { id: deal.dealId }, tenant)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(quantityOf(deal.dealId)).toBe(40_000);

    const accepted = await Promise.all([1, 2].map(() => api.gql<{ acceptDealMwChange: { mw: number; pendingMw: number | null } }>(ACCEPT, { id: deal.dealId }, host)));
    expect(accepted.map((r) => r.data?.acceptDealMwChange ?? r.errors?.[0]?.extensions?.code)).toEqual(expect.arrayContaining([{ id: deal.dealId, mw: 30, pendingMw: null }, 'CONFLICT']));
    expect(quantityOf(deal.dealId)).toBe(30_000);
    expect(subscriptionsOf(deal.dealId)[0]).toMatchObject({ last_proration_behavior: 'create_prorations' });

    // Back to 40 MW is a new change (a new key), not a replay of the first 40 MW.
    await mutate(api, host, 'proposeDealMwChange', PROPOSE, { input: { dealId: deal.dealId, mw: 40 } });
    await mutate(api, tenant, 'acceptDealMwChange', ACCEPT, { id: deal.dealId });
    expect(quantityOf(deal.dealId)).toBe(40_000);

    const stranger = await signUpOrg(api, 'TENANT', 'resize-stranger');
    const before = { deal: await api.db.prisma.deal.findUniqueOrThrow({ where: { id: deal.dealId } }), audit: await api.db.prisma.auditLog.count() };
    const cases: [Record<string, unknown>, string][] = [
      [{ dealId: deal.dealId, mw: 0 }, 'input.mw'],
      [{ dealId: deal.dealId, mw: 41 }, 'input.mw'], // more than the blocks the deal holds
      [{ dealId: deal.dealId, mw: 40 }, 'input.mw'], // no change
      [{ dealId: 'deal-1', mw: 30 }, 'input.dealId'],
    ];
    for (const [input, field] of cases) {
      expect((await api.gql(PROPOSE, { input }, tenant)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    // Another tenant cannot see the deal at all.
    expect((await api.gql(PROPOSE, { input: { dealId: deal.dealId, mw: 30 } }, stranger)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await api.db.prisma.deal.findUniqueOrThrow({ where: { id: deal.dealId } })).toEqual(before.deal);
    expect(await api.db.prisma.auditLog.count()).toBe(before.audit);

    // A declined proposal leaves the MW as it was.
    await mutate(api, tenant, 'proposeDealMwChange', PROPOSE, { input: { dealId: deal.dealId, mw: 20 } });
    const declined = await mutate<{ mw: number; pendingMw: number | null }>(api, host, 'declineDealMwChange', `mutation ($id: ID!) { declineDealMwChange(id: $id) { mw pendingMw } }`, { id: deal.dealId });
    expect(declined).toEqual({ mw: 40, pendingMw: null });
    expect(quantityOf(deal.dealId)).toBe(40_000);
  });
});

describe('host payouts', () => {
  /** A host with a connected account, an ACTIVE deal, its settlement, and the tenant's customer and subscription. */
  async function paidDealSetup(label: string) {
    const { host, tenant } = await parties(label);
    const link = await mutate<{ url: string }>(api, host, 'createConnectOnboardingLink', `mutation { createConnectOnboardingLink { url } }`, {});
    expect(link.url).toMatch(/\/onboarding\/acct_/);
    const deal = await createActiveDeal(api, host, tenant, { mw: 40, priceUsdPerKwMonth: 155.5, platformFeePct: 3 });
    // The deal's settlement: the revenue model's host share of backfill mining, $8,760 over 8,760 hours.
    await api.db.prisma.revenueScenario.create({
      data: { orgId: host.orgId, dealId: deal.dealId, name: 'settlement', inputs: {}, results: { hours: 8760, totalsCents: { hostShare: 876_000 } } },
    });
    const row = await api.db.prisma.deal.findUniqueOrThrow({ where: { id: deal.dealId }, include: { tenant: true, host: true } });
    return { host, tenant, deal, subscriptionId: row.stripeSubscriptionId!, customerId: row.tenant.stripeCustomerId!, accountId: row.host.stripeAccountId! };
  }

  /** March 2027: 744 hours. */
  const invoiceOf = (setup: { customerId: string; subscriptionId: string }, id: string) => ({
    id,
    object: 'invoice',
    customer: setup.customerId,
    status: 'paid',
    currency: 'usd',
    amount_due: 622_000_000,
    amount_paid: 622_000_000,
    period_start: Date.parse('2027-03-01T00:00:00Z') / 1000,
    period_end: Date.parse('2027-04-01T00:00:00Z') / 1000,
    hosted_invoice_url: null,
    parent: { type: 'subscription_details', subscription_details: { subscription: setup.subscriptionId } },
  });

  // $6,220,000.00 paid - 3% fee ($186,600.00) + mining share 744/8760 x $8,760 ($744.00).
  const EXPECTED_CENTS = 622_000_000 - 18_660_000 + 74_400;

  it('a paid invoice, delivered 5 times, makes exactly one transfer of the right amount to the host', async () => {
    const setup = await paidDealSetup('paid');
    // The tenant's partner integration listens for paid invoices.
    await mutate(api, setup.tenant, 'createWebhookEndpoint', `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }`, {
      input: { url: 'https://hooks.example.test/invoices', eventTypes: ['INVOICE_PAID'] },
    });
    const event = api.stripe.event('invoice.paid', invoiceOf(setup, `in_${setup.deal.dealId.replace(/-/g, '').slice(0, 24)}`));
    const statuses = await Promise.all([1, 2, 3, 4, 5].map(() => api.stripe.deliver(event)));
    expect(statuses).toEqual([200, 200, 200, 200, 200]);

    const transfers = api.stripe.all('transfer').filter((t) => t.destination === setup.accountId);
    expect(transfers.map((t) => t.amount)).toEqual([EXPECTED_CENTS]);
    const payouts = await api.db.prisma.payout.findMany({ where: { dealId: setup.deal.dealId } });
    expect(payouts.map((p) => ({ status: p.status, amount: Number(p.amountCents), transfer: p.stripeTransferId, org: p.orgId }))).toEqual([
      { status: 'PAID', amount: EXPECTED_CENTS, transfer: transfers[0]?.id, org: setup.host.orgId },
    ]);

    // Each party sees its side: the host its payout, the tenant its invoice.
    const hostView = await api.gql<{ billingStatus: { payouts: unknown[]; invoices: unknown[] } }>(STATUS, {}, setup.host);
    expect(hostView.data?.billingStatus.payouts).toEqual([expect.objectContaining({ amountUsd: EXPECTED_CENTS / 100, status: 'PAID', attempts: 1 })]);
    expect(hostView.data?.billingStatus.invoices).toEqual([]);
    const tenantView = await api.gql<{ billingStatus: { invoices: unknown[]; payouts: unknown[] } }>(STATUS, {}, setup.tenant);
    expect(tenantView.data?.billingStatus.invoices).toEqual([{ id: event.data.object && (event.data.object as { id: string }).id, status: 'paid', amountPaidUsd: 6_220_000, dealId: setup.deal.dealId }]);
    expect(tenantView.data?.billingStatus.payouts).toEqual([]);

    // One partner event for the one effect, to the payer only.
    const deliveries = await api.db.prisma.webhookDelivery.findMany({ where: { eventType: 'invoice.paid', orgId: { in: [setup.host.orgId, setup.tenant.orgId] } } });
    expect(deliveries.map((d) => ({ org: d.orgId, payload: d.payload }))).toEqual([
      { org: setup.tenant.orgId, payload: expect.objectContaining({ invoiceId: (event.data.object as { id: string }).id, dealId: setup.deal.dealId, amountPaidCents: 622_000_000 }) },
    ]);
  });

  it('a failed transfer is FAILED, listed for admins only, and an admin retry pays it once', async () => {
    const setup = await paidDealSetup('retry');
    api.stripe.failNext('POST', '/v1/transfers', 400, { type: 'invalid_request_error', code: 'balance_insufficient', message: 'Insufficient funds in Stripe account.' });
    expect(await api.stripe.deliver(api.stripe.event('invoice.paid', invoiceOf(setup, 'in_retry000000000000000000')))).toBe(200);
    const failed = await api.db.prisma.payout.findFirstOrThrow({ where: { dealId: setup.deal.dealId } });
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 1, stripeTransferId: null });
    expect(failed.lastError).toContain('balance_insufficient');

    const ADMIN_VIEW = `{ adminBilling { failedPayouts { organizationId payout { id status lastError } } } }`;
    const listed = await api.gql<{ adminBilling: { failedPayouts: { organizationId: string; payout: { id: string } }[] } }>(ADMIN_VIEW, {}, admin);
    expect(listed.data?.adminBilling.failedPayouts).toContainEqual(expect.objectContaining({ organizationId: setup.host.orgId, payout: expect.objectContaining({ id: failed.id, status: 'FAILED' }) }));
    expect((await api.gql(ADMIN_VIEW, {}, setup.host)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await api.gql(`mutation ($id: ID!) { retryPayout(id: $id) { id } }`, { id: failed.id }, setup.host)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const retried = await mutate<{ status: string; attempts: number }>(api, admin, 'retryPayout', `mutation ($id: ID!) { retryPayout(id: $id) { status attempts } }`, { id: failed.id });
    expect(retried).toEqual({ status: 'PAID', attempts: 2 });
    const again = await api.gql(`mutation ($id: ID!) { retryPayout(id: $id) { id } }`, { id: failed.id }, admin);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(api.stripe.all('transfer').filter((t) => t.destination === setup.accountId).map((t) => t.amount)).toEqual([EXPECTED_CENTS]);
  });

  it('a payout interrupted before its transfer is paid once by retryPayouts; account.updated enables payouts, a late older one does not undo it', async () => {
    const setup = await paidDealSetup('interrupted');
    // The webhook committed the row, then the process died before the transfer.
    const payout = await api.db.prisma.payout.create({
      data: { orgId: setup.host.orgId, dealId: setup.deal.dealId, stripeInvoiceId: 'in_interrupted000000000000', amountCents: 12_345n, createdAt: new Date(Date.now() - 120_000) },
    });
    const outcomes = await retryPayouts(api.db.prisma, api.billing.stripe);
    expect(outcomes).toContainEqual({ status: 'PAID', transferId: expect.stringMatching(/^tr_/) });
    await retryPayouts(api.db.prisma, api.billing.stripe);
    expect(api.stripe.all('transfer').filter((t) => t.transfer_group === 'in_interrupted000000000000').map((t) => t.amount)).toEqual([12_345]);
    expect(await api.db.prisma.payout.findUniqueOrThrow({ where: { id: payout.id } })).toMatchObject({ status: 'PAID', attempts: 1 });

    const account = (payoutsEnabled: boolean, created: number) =>
      api.stripe.deliver(api.stripe.event('account.updated', { id: setup.accountId, object: 'account', payouts_enabled: payoutsEnabled }, created));
    const now = Math.floor(Date.now() / 1000);
    expect(await account(true, now)).toBe(200);
    // An older account.updated (payouts not yet enabled) arriving late changes nothing.
    expect(await account(false, now - 60)).toBe(200);
    const status = await api.gql<{ billingStatus: { hasConnectAccount: boolean; payoutsEnabled: boolean } }>(`{ billingStatus { hasConnectAccount payoutsEnabled } }`, {}, setup.host);
    expect(status.data?.billingStatus).toEqual({ hasConnectAccount: true, payoutsEnabled: true });
  });

  it('a failed payment is listed for admins', async () => {
    const setup = await paidDealSetup('unpaid');
    const invoice = { ...invoiceOf(setup, 'in_unpaid00000000000000000'), status: 'open', amount_paid: 0 };
    expect(await api.stripe.deliver(api.stripe.event('invoice.payment_failed', invoice))).toBe(200);
    const listed = await api.gql<{ adminBilling: { failedPayments: { organizationId: string; invoice: { id: string; status: string } }[] } }>(
      `{ adminBilling { failedPayments { organizationId invoice { id status } } } }`,
      {},
      admin,
    );
    expect(listed.data?.adminBilling.failedPayments).toContainEqual({ organizationId: setup.tenant.orgId, invoice: { id: 'in_unpaid00000000000000000', status: 'payment_failed' } });
    expect(await api.db.prisma.payout.count({ where: { dealId: setup.deal.dealId } })).toBe(0);
  });
});

describe('metered usage', () => {
  const RECORD = `mutation ($input: RecordUsageInput!) { recordUsage(input: $input) { id dealId day mwh reportedAt } }`;

  it('a day of usage reported twice (and after a crash) is billed once', async () => {
    const { host, tenant } = await parties('usage');
    const deal = await createActiveDeal(api, host, tenant, { startDate: '2026-07-01' });
    const meter = await createApiKey(api, host, ['USAGE_WRITE']);
    const key = { token: meter.secret };
    await mutate(api, key, 'recordUsage', RECORD, { input: { dealId: deal.dealId, day: '2026-11-01', mwh: 900 } });
    // The partner corrects the day before it is reported: the row is replaced, not added.
    const recorded = await mutate<{ mwh: number; reportedAt: string | null }>(api, key, 'recordUsage', RECORD, { input: { dealId: deal.dealId, day: '2026-11-01', mwh: 912.5 } });
    expect(recorded).toMatchObject({ mwh: 912.5, reportedAt: null });

    const now = new Date('2026-11-02T08:00:00Z');
    expect(await reportPendingUsage(api.db.prisma, api.billing.stripe, { now })).toEqual({ reported: 1, failed: [] });
    expect(await reportPendingUsage(api.db.prisma, api.billing.stripe, { now })).toEqual({ reported: 0, failed: [] });
    // A crash after Stripe took the event but before the row was marked: the re-run is refused by Stripe.
    await api.db.prisma.usageReport.updateMany({ where: { dealId: deal.dealId }, data: { reportedAt: null } });
    expect(await reportPendingUsage(api.db.prisma, api.billing.stripe, { now })).toEqual({ reported: 1, failed: [] });

    const events = api.stripe.all('billing.meter_event').filter((e) => e.identifier === `usage-${deal.dealId}-2026-11-01`);
    expect(events.map((e) => e.payload)).toEqual([{ stripe_customer_id: expect.stringMatching(/^cus_/), value: '912500' }]);

    const late = await api.gql(RECORD, { input: { dealId: deal.dealId, day: '2026-11-01', mwh: 1000 } }, key);
    expect(late.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(Number((await api.db.prisma.usageReport.findFirstOrThrow({ where: { dealId: deal.dealId } })).mwh)).toBe(912.5);
  });

  it('a key without usage:write cannot record usage', async () => {
    const { host, tenant } = await parties('usage-scope');
    const deal = await createActiveDeal(api, host, tenant, { startDate: '2026-07-01' });
    const reader = await createApiKey(api, host, ['BILLING_READ']);
    const result = await api.gql(RECORD, { input: { dealId: deal.dealId, day: '2026-11-01', mwh: 1 } }, { token: reader.secret });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('platform plans', () => {
  it('Checkout subscribes the organisation to PRO, which raises its limits', async () => {
    const buyer = await signUpOrg(api, 'MINER', 'plan');
    const before = await api.gql<{ billingStatus: { plan: string; publishedBlockLimit: number; rateLimitPerMinute: number } }>(STATUS, {}, buyer);
    expect(before.data?.billingStatus).toMatchObject({ plan: 'FREE', publishedBlockLimit: 2, rateLimitPerMinute: 600, hasCustomer: false });

    // FREE allows 2 published blocks here (PUBLISHED_BLOCK_LIMIT_FREE=2).
    const site = await createSite(api, buyer);
    const blocks = [await createBlock(api, buyer, site.id), await createBlock(api, buyer, site.id), await createBlock(api, buyer, site.id)];
    const publish = (id: string) => api.gql(`mutation ($id: ID!) { publishCapacityBlock(id: $id) { status } }`, { id }, buyer);
    expect((await publish(blocks[0]!.id)).errors).toBeUndefined();
    expect((await publish(blocks[1]!.id)).errors).toBeUndefined();
    const third = await publish(blocks[2]!.id);
    expect(third.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', plan: 'FREE', limit: 2 } });

    // Two clicks at once: the customer is made once (same idempotency key), and so is the session.
    const [checkout, again] = await Promise.all([1, 2].map(() => mutate<{ url: string }>(api, buyer, 'createPlanCheckout', `mutation { createPlanCheckout(plan: PRO) { url } }`, {})));
    expect(again?.url).toBe(checkout?.url);
    expect(api.stripe.all('customer').filter((c) => (c.metadata as Record<string, string>).org_id === buyer.orgId)).toHaveLength(1);
    // The customer pays on Stripe's page (here: the local server's), and Stripe tells us by webhook.
    expect((await fetch(checkout!.url)).status).toBe(200);
    const after = await api.gql<{ billingStatus: Record<string, unknown> }>(STATUS, {}, buyer);
    expect(after.data?.billingStatus).toMatchObject({ plan: 'PRO', publishedBlockLimit: 500, rateLimitPerMinute: 3000, hasCustomer: true });
    expect(after.data?.billingStatus.subscriptions).toEqual([expect.objectContaining({ kind: 'PLAN', plan: 'PRO', status: 'active' })]);
    expect(after.data?.billingStatus.upcomingInvoice).toEqual({ amountDueUsd: 499, currency: 'usd' });
    expect((await publish(blocks[2]!.id)).errors).toBeUndefined();

    // Three portal links at once: one customer still, and within the key's window one session.
    const portals = await Promise.all([1, 2, 3].map(() => mutate<{ url: string }>(api, buyer, 'createBillingPortalLink', `mutation { createBillingPortalLink { url } }`, {})));
    expect(portals[0]?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/portal\//);
    expect(new Set(portals.map((p) => p.url)).size).toBe(1);
    expect(api.stripe.all('customer').filter((c) => (c.metadata as Record<string, string>).org_id === buyer.orgId)).toHaveLength(1);
  });
});

describe('bad input and access', () => {
  const counts = async () => ({
    usage: await api.db.prisma.usageReport.count(),
    audit: await api.db.prisma.auditLog.count(),
    payouts: await api.db.prisma.payout.count(),
    stripeObjects: api.stripe.objects.size,
  });

  it('refuses invalid input to each mutation, naming the field, and writes nothing', async () => {
    const { host, tenant } = await parties('bad-input');
    const deal = await createActiveDeal(api, host, tenant, { startDate: '2026-07-01' });
    const before = await counts();
    const RECORD = `mutation ($input: RecordUsageInput!) { recordUsage(input: $input) { id } }`;
    const valid = { dealId: deal.dealId, day: '2026-11-01', mwh: 10 };
    const cases: [string, Record<string, unknown>, string | RegExp][] = [
      ['a malformed deal id', { ...valid, dealId: 'deal-1' }, 'input.dealId'],
      ['negative energy', { ...valid, mwh: -1 }, 'input.mwh'],
      ['four decimals', { ...valid, mwh: 1.0005 }, 'input.mwh'],
      ['too much energy', { ...valid, mwh: 100_001 }, 'input.mwh'],
      ['a future day', { ...valid, day: '2999-01-01' }, 'input.day'],
      ['a day before the deal started', { ...valid, day: '2026-06-30' }, 'input.day'],
      // GraphQL itself refuses fields the input type does not have, naming them.
      ['an extra orgId', { ...valid, orgId: tenant.orgId }, /orgId/],
    ];
    for (const [, input, field] of cases) {
      const result = await api.gql(RECORD, { input }, host);
      if (field instanceof RegExp) expect(result.errors?.[0]?.message).toMatch(field);
      else expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const plan = await api.gql(`mutation ($plan: PaidPlan!) { createPlanCheckout(plan: $plan) { url } }`, { plan: 'FREE' }, host);
    expect(plan.errors?.[0]?.message).toMatch(/plan/);
    const retry = await api.gql(`mutation { retryPayout(id: "nope") { id } }`, {}, admin);
    expect(retry.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const onboarding = await api.gql(`mutation { createConnectOnboardingLink { url } }`, {}, tenant);
    expect(onboarding.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });

  it('another tenant cannot read or write your billing', async () => {
    const { host, tenant } = await parties('owner');
    const deal = await createActiveDeal(api, host, tenant, { startDate: '2026-07-01' });
    await mutate(api, tenant, 'createPlanCheckout', `mutation { createPlanCheckout(plan: API) { url } }`, {});
    const setup = await api.db.prisma.deal.findUniqueOrThrow({ where: { id: deal.dealId }, include: { tenant: true } });
    await api.stripe.deliver(
      api.stripe.event('invoice.payment_failed', {
        id: 'in_owner0000000000000000000',
        object: 'invoice',
        customer: setup.tenant.stripeCustomerId,
        status: 'open',
        currency: 'usd',
        amount_due: 100,
        amount_paid: 0,
        period_start: 1_800_000_000,
        period_end: 1_802_592_000,
        parent: { type: 'subscription_details', subscription_details: { subscription: setup.stripeSubscriptionId } },
      }),
    );
    expect(await api.db.prisma.invoice.count({ where: { orgId: tenant.orgId } })).toBe(1);

    const intruder = await signUpOrg(api, 'TENANT', 'intruder');
    const view = await api.gql<{ billingStatus: { invoices: unknown[]; subscriptions: unknown[]; payouts: unknown[]; hasCustomer: boolean } }>(STATUS, {}, intruder);
    expect(view.data?.billingStatus).toMatchObject({ invoices: [], subscriptions: [], payouts: [], hasCustomer: false });
    const write = await api.gql(`mutation ($input: RecordUsageInput!) { recordUsage(input: $input) { id } }`, { input: { dealId: deal.dealId, day: '2026-11-01', mwh: 1 } }, intruder);
    expect(write.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Row-level security agrees: in the intruder's scope, raw SQL sees none of the tenant's billing rows.
    const seen = await withOrg(api.db.prisma, { orgId: intruder.orgId }, async (tx) => ({
      invoices: await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Invoice"`,
      subscriptions: await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "BillingSubscription"`,
      payouts: await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Payout"`,
    }));
    expect([seen.invoices[0]?.n, seen.subscriptions[0]?.n, seen.payouts[0]?.n].map(Number)).toEqual([0, 0, 0]);
    // An x-org-id of the tenant's organisation gets the intruder nothing either.
    const spoofed = await api.gql(STATUS, {}, { token: intruder.token, orgId: tenant.orgId });
    expect(spoofed.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|NOT_FOUND|UNAUTHENTICATED/);
  });
});
