// Billing over real HTTP against the local Stripe-shaped server: the tenant's customer at activation, host
// payouts of statement invoices, plans, bad input and tenancy. Each test makes its own organisations.
// (Statements to invoices, invoice.paid and the payout amounts: modules/settlement/money.int.test.ts.)
import { retryPayouts } from '@gridshare/billing';
import { withOrg } from '@gridshare/db';
import {
  type OrgFixture,
  createActiveDeal,
  createBlock,
  createPlatformOrg,
  createSignedDeal,
  createSite,
  mutate,
  platformPerson,
  signUpOrg,
} from '../../testing/fixtures';
import { agreedStatement } from '../../testing/settlement-fixtures';
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

const customersOf = (orgId: string) => api.stripe.all('customer').filter((c) => (c.metadata as Record<string, string>).org_id === orgId);
/** Stripe requests other than customers (what a deal's life must no longer make: subscriptions, products, …). */
const dealRequests = (before: number) => api.stripe.requests.slice(before).filter((r) => r.path !== '/v1/customers');

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

describe('a deal’s billing', () => {
  it('activation makes the tenant’s one Stripe customer, even when the mutation fails after it and is retried; no subscription', async () => {
    await installActivationFault();
    const { host, tenant } = await parties('activate');
    const deal = await createSignedDeal(api, host, tenant, { mw: 40, priceUsdPerKwMonth: 155.5, startDate: '2027-01-01' });
    await api.db.prisma.$executeRawUnsafe(`INSERT INTO test_fault VALUES ($1)`, deal.dealId);
    const before = api.stripe.requests.length;

    // The customer is made, then the transaction fails: the deal stays SIGNED.
    const failed = await api.gql(ACTIVATE, { id: deal.dealId }, host);
    expect(failed.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect((await api.db.prisma.deal.findUniqueOrThrow({ where: { id: deal.dealId } })).status).toBe('SIGNED');
    expect(customersOf(tenant.orgId)).toHaveLength(1);

    // The retry (and three more at once) end with one ACTIVE deal and still one customer.
    await api.db.prisma.$executeRawUnsafe(`DELETE FROM test_fault`);
    const retries = await Promise.all([1, 2, 3, 4].map(() => api.gql<{ activateDeal: { status: string } }>(ACTIVATE, { id: deal.dealId }, host)));
    expect(retries.filter((r) => r.data?.activateDeal?.status === 'ACTIVE')).toHaveLength(1);
    expect(retries.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(3);
    const [customer] = customersOf(tenant.orgId);
    expect(customersOf(tenant.orgId)).toHaveLength(1);
    const org = await api.db.prisma.organization.findUniqueOrThrow({ where: { id: tenant.orgId } });
    expect(org.stripeCustomerId).toBe(customer?.id);
    // Colocation is a statement line now: nothing but the customer was asked of Stripe.
    expect(dealRequests(before)).toEqual([]);
    expect(api.stripe.all('subscription').filter((sub) => sub.customer === customer?.id)).toEqual([]);
    const audit = await api.db.prisma.auditLog.findFirstOrThrow({ where: { entityId: deal.dealId, action: 'deal.activate' } });
    expect(audit.changes).toMatchObject({ from: 'SIGNED', to: 'ACTIVE', tenantStripeCustomer: 'ready' });
  });

  it('ending a deal calls nothing at Stripe; a second deal reuses the tenant’s one customer', async () => {
    const { host, tenant } = await parties('end');
    const first = await createActiveDeal(api, host, tenant);
    const second = await createActiveDeal(api, host, tenant);
    const before = api.stripe.requests.length;
    await mutate(api, tenant, 'endDeal', `mutation ($id: ID!) { endDeal(id: $id) { id } }`, { id: first.dealId });
    expect(api.stripe.requests.slice(before)).toEqual([]);
    expect((await api.db.prisma.deal.findUniqueOrThrow({ where: { id: second.dealId } })).status).toBe('ACTIVE');
    expect(customersOf(tenant.orgId)).toHaveLength(1);
  });
});

describe('changing an active deal’s MW', () => {
  const PROPOSE = `mutation ($input: ProposeDealMwChangeInput!) { proposeDealMwChange(input: $input) { id mw pendingMw pendingMwBy } }`;
  const ACCEPT = `mutation ($id: ID!) { acceptDealMwChange(id: $id) { id mw pendingMw } }`;
  const changesOf = (dealId: string) =>
    api.db.prisma.dealMwChange.findMany({ where: { dealId }, orderBy: { createdAt: 'asc' } }).then((rows) => rows.map((row) => ({ from: row.fromMw.toNumber(), to: row.toMw.toNumber(), effectiveOn: row.effectiveOn.toISOString().slice(0, 10) })));

  it('takes both parties, records one agreed change per acceptance effective today (UTC), calls nothing at Stripe, and refuses bad input writing nothing', async () => {
    const { host, tenant } = await parties('resize');
    const deal = await createActiveDeal(api, host, tenant, { mw: 40 });
    const stripeBefore = api.stripe.requests.length;
    const today = new Date().toISOString().slice(0, 10);

    const proposed = await mutate<{ pendingMw: number; pendingMwBy: string; mw: number }>(api, tenant, 'proposeDealMwChange', PROPOSE, { input: { dealId: deal.dealId, mw: 30 } });
    expect(proposed).toMatchObject({ mw: 40, pendingMw: 30, pendingMwBy: 'TENANT' });
    // The proposer cannot accept its own proposal; nothing is recorded until the other party does.
    expect((await api.gql(ACCEPT, { id: deal.dealId }, tenant)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await changesOf(deal.dealId)).toEqual([]);

    const accepted = await Promise.all([1, 2].map(() => api.gql<{ acceptDealMwChange: { mw: number; pendingMw: number | null } }>(ACCEPT, { id: deal.dealId }, host)));
    expect(accepted.map((r) => r.data?.acceptDealMwChange ?? r.errors?.[0]?.extensions?.code)).toEqual(expect.arrayContaining([{ id: deal.dealId, mw: 30, pendingMw: null }, 'CONFLICT']));
    expect(await changesOf(deal.dealId)).toEqual([{ from: 40, to: 30, effectiveOn: today }]);

    // Back to 40 MW is a change of its own.
    await mutate(api, host, 'proposeDealMwChange', PROPOSE, { input: { dealId: deal.dealId, mw: 40 } });
    await mutate(api, tenant, 'acceptDealMwChange', ACCEPT, { id: deal.dealId });
    expect(await changesOf(deal.dealId)).toEqual([
      { from: 40, to: 30, effectiveOn: today },
      { from: 30, to: 40, effectiveOn: today },
    ]);
    const audit = await api.db.prisma.auditLog.findFirstOrThrow({ where: { entityId: deal.dealId, action: 'deal.resize', actor: `user:${tenant.userId}` } });
    expect(audit.changes).toMatchObject({ from: 30, to: 40, effectiveOn: today });
    expect(api.stripe.requests.slice(stripeBefore)).toEqual([]);

    const stranger = await signUpOrg(api, 'TENANT', 'resize-stranger');
    const before = { deal: await api.db.prisma.deal.findUniqueOrThrow({ where: { id: deal.dealId } }), audit: await api.db.prisma.auditLog.count(), changes: await api.db.prisma.dealMwChange.count() };
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

    // A declined proposal leaves the MW as it was, and records no change.
    await mutate(api, tenant, 'proposeDealMwChange', PROPOSE, { input: { dealId: deal.dealId, mw: 20 } });
    const declined = await mutate<{ mw: number; pendingMw: number | null }>(api, host, 'declineDealMwChange', `mutation ($id: ID!) { declineDealMwChange(id: $id) { mw pendingMw } }`, { id: deal.dealId });
    expect(declined).toEqual({ mw: 40, pendingMw: null });
    expect(await api.db.prisma.dealMwChange.count()).toBe(before.changes);
  });
});

describe('host payouts', () => {
  it('a failed transfer is FAILED, listed for admins only, and an admin retry pays it once', async () => {
    const { host, tenant } = await parties('retry');
    api.stripe.failNext('POST', '/v1/transfers', 400, { type: 'invalid_request_error', code: 'balance_insufficient', message: 'Insufficient funds in Stripe account.' });
    // Agreeing invoices the statement; the local Stripe pays it and delivers invoice.paid; the transfer fails.
    const { statementId } = await agreedStatement(api, host, tenant);
    const failed = await api.db.prisma.payout.findFirstOrThrow({ where: { statementId } });
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 1, stripeTransferId: null, amountCents: 747_748_000n });
    expect(failed.lastError).toContain('balance_insufficient');

    const ADMIN_VIEW = `{ adminBilling { failedPayouts { organizationId payout { id status lastError } } } }`;
    const listed = await api.gql<{ adminBilling: { failedPayouts: { organizationId: string; payout: { id: string } }[] } }>(ADMIN_VIEW, {}, admin);
    expect(listed.data?.adminBilling.failedPayouts).toContainEqual(expect.objectContaining({ organizationId: host.orgId, payout: expect.objectContaining({ id: failed.id, status: 'FAILED' }) }));
    expect((await api.gql(ADMIN_VIEW, {}, host)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await api.gql(`mutation ($id: ID!) { retryPayout(id: $id) { id } }`, { id: failed.id }, host)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const retried = await mutate<{ status: string; attempts: number }>(api, admin, 'retryPayout', `mutation ($id: ID!) { retryPayout(id: $id) { status attempts } }`, { id: failed.id });
    expect(retried).toEqual({ status: 'PAID', attempts: 2 });
    const again = await api.gql(`mutation ($id: ID!) { retryPayout(id: $id) { id } }`, { id: failed.id }, admin);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const account = (await api.db.prisma.organization.findUniqueOrThrow({ where: { id: host.orgId } })).stripeAccountId;
    expect(api.stripe.all('transfer').filter((t) => t.destination === account).map((t) => t.amount)).toEqual([747_748_000]);
  });

  it('a payout interrupted before its transfer is paid once by retryPayouts; account.updated enables payouts, a late older one does not undo it', async () => {
    const { host, tenant } = await parties('interrupted');
    const deal = await createActiveDeal(api, host, tenant);
    await mutate(api, host, 'createConnectOnboardingLink', `mutation { createConnectOnboardingLink { url } }`, {});
    const accountId = (await api.db.prisma.organization.findUniqueOrThrow({ where: { id: host.orgId } })).stripeAccountId!;
    // The webhook committed the row, then the process died before the transfer.
    const payout = await api.db.prisma.payout.create({
      data: { orgId: host.orgId, dealId: deal.dealId, stripeInvoiceId: 'in_interrupted000000000000', amountCents: 12_345n, createdAt: new Date(Date.now() - 120_000) },
    });
    const outcomes = await retryPayouts(api.db.prisma, api.billing.stripe);
    expect(outcomes).toContainEqual({ status: 'PAID', transferId: expect.stringMatching(/^tr_/) });
    await retryPayouts(api.db.prisma, api.billing.stripe);
    expect(api.stripe.all('transfer').filter((t) => t.transfer_group === 'in_interrupted000000000000').map((t) => t.amount)).toEqual([12_345]);
    expect(await api.db.prisma.payout.findUniqueOrThrow({ where: { id: payout.id } })).toMatchObject({ status: 'PAID', attempts: 1 });

    const account = (payoutsEnabled: boolean, created: number) =>
      api.stripe.deliver(api.stripe.event('account.updated', { id: accountId, object: 'account', payouts_enabled: payoutsEnabled }, created));
    const now = Math.floor(Date.now() / 1000);
    expect(await account(true, now)).toBe(200);
    // An older account.updated (payouts not yet enabled) arriving late changes nothing.
    expect(await account(false, now - 60)).toBe(200);
    const status = await api.gql<{ billingStatus: { hasConnectAccount: boolean; payoutsEnabled: boolean } }>(`{ billingStatus { hasConnectAccount payoutsEnabled } }`, {}, host);
    expect(status.data?.billingStatus).toEqual({ hasConnectAccount: true, payoutsEnabled: true });
  });

  it('a failed payment of a statement invoice is listed for admins and pays out nothing', async () => {
    const { host, tenant } = await parties('unpaid');
    api.stripe.failNext('POST', /^\/v1\/invoices\/in_[0-9a-f]+\/pay$/, 402, { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' });
    const { statementId, dealId } = await agreedStatement(api, host, tenant);
    const statement = await api.db.prisma.settlementStatement.findUniqueOrThrow({ where: { id: statementId } });
    expect(statement.status).toBe('INVOICED');
    const invoice = api.stripe.objects.get(statement.stripeInvoiceId!)!;
    expect(invoice).toMatchObject({ status: 'open', amount_paid: 0 });
    expect(await api.stripe.deliver(api.stripe.event('invoice.payment_failed', invoice))).toBe(200);
    const listed = await api.gql<{ adminBilling: { failedPayments: { organizationId: string; invoice: { id: string; status: string; dealId: string } }[] } }>(
      `{ adminBilling { failedPayments { organizationId invoice { id status dealId } } } }`,
      {},
      admin,
    );
    expect(listed.data?.adminBilling.failedPayments).toContainEqual({ organizationId: tenant.orgId, invoice: { id: invoice.id, status: 'payment_failed', dealId } });
    expect(await api.db.prisma.payout.count({ where: { dealId } })).toBe(0);
    expect((await api.db.prisma.settlementStatement.findUniqueOrThrow({ where: { id: statementId } })).status).toBe('INVOICED');
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
    audit: await api.db.prisma.auditLog.count(),
    payouts: await api.db.prisma.payout.count(),
    stripeObjects: api.stripe.objects.size,
  });

  it('refuses invalid input to each mutation, naming the field, and writes nothing; recordUsage is gone', async () => {
    const { host, tenant } = await parties('bad-input');
    const deal = await createActiveDeal(api, host, tenant, { startDate: '2026-07-01' });
    const before = await counts();
    // Metered energy comes from the meter readings now: the self-declared path no longer exists.
    const usage = await api.gql(`mutation ($input: RecordUsageInput!) { recordUsage(input: $input) { id } }`, { input: { dealId: deal.dealId, day: '2026-11-01', mwh: 10 } }, host);
    expect(usage.errors?.map((e) => e.message).join(' ')).toMatch(/RecordUsageInput|recordUsage/);
    const plan = await api.gql(`mutation ($plan: PaidPlan!) { createPlanCheckout(plan: $plan) { url } }`, { plan: 'FREE' }, host);
    expect(plan.errors?.[0]?.message).toMatch(/plan/);
    const retry = await api.gql(`mutation { retryPayout(id: "nope") { id } }`, {}, admin);
    expect(retry.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const onboarding = await api.gql(`mutation { createConnectOnboardingLink { url } }`, {}, tenant);
    expect(onboarding.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });

  it('another organisation cannot read your billing or retry your payouts', async () => {
    const { host, tenant } = await parties('owner');
    const { statementId } = await agreedStatement(api, host, tenant);
    const statement = await api.db.prisma.settlementStatement.findUniqueOrThrow({ where: { id: statementId } });
    expect(await api.db.prisma.invoice.count({ where: { orgId: tenant.orgId } })).toBe(1);
    const payout = await api.db.prisma.payout.findFirstOrThrow({ where: { statementId } });
    expect(payout.orgId).toBe(host.orgId);
    expect(statement.status).toBe('PAID');

    const intruder = await signUpOrg(api, 'TENANT', 'intruder');
    const view = await api.gql<{ billingStatus: { invoices: unknown[]; subscriptions: unknown[]; payouts: unknown[]; hasCustomer: boolean } }>(STATUS, {}, intruder);
    expect(view.data?.billingStatus).toMatchObject({ invoices: [], subscriptions: [], payouts: [], hasCustomer: false });
    expect((await api.gql(`mutation ($id: ID!) { retryPayout(id: $id) { id } }`, { id: payout.id }, intruder)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Row-level security agrees: in the intruder's scope, raw SQL sees none of the parties' billing rows.
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
