// Money from agreed statements, offline against the local Stripe-shaped server: the invoice carries the
// statement's lines; invoice.paid pays the host what was collected less the fee, once, however often it
// arrives; a failed transfer is retried; nothing is invoiced when nothing is due. And the identities every
// stored statement keeps, colocation's and mining hosting's, over generated months (fast-check). Hosting's
// invoices and payouts: modules/hosting/hosting-money.int.test.ts.
import { retryPayouts } from '@gridshare/billing';
import fc from 'fast-check';
import { type OrgFixture, mutate, signUpOrg } from '../../testing/fixtures';
import {
  AGREE,
  ISSUE,
  type StatementView,
  createAgreedDeal,
  ingestHourly,
  recomputeStatement,
  recordEvent,
  recordWorkedMonth,
  setHashprice,
} from '../../testing/settlement-fixtures';
import { activeHostingDeal, recordHostingMonth } from '../../testing/hosting-fixtures';
import { type TestApi, startTestApi } from '../../testing/test-api';
import { invoiceAgreedStatements } from '../billing/statement-kinds';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const cents = (usd: number) => Math.round(usd * 100);
const PAY = /^\/v1\/invoices\/in_[0-9a-f]+\/pay$/;
const declineNextCharge = () => api.stripe.failNext('POST', PAY, 402, { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' });

async function hostWithAccount(label: string): Promise<{ host: OrgFixture; tenant: OrgFixture; accountId: string }> {
  const host = await signUpOrg(api, 'MINER', `${label}-host`);
  const tenant = await signUpOrg(api, 'TENANT', `${label}-tenant`);
  await mutate(api, host, 'createConnectOnboardingLink', `mutation { createConnectOnboardingLink { url } }`, {});
  const accountId = (await api.db.prisma.organization.findUniqueOrThrow({ where: { id: host.orgId } })).stripeAccountId!;
  return { host, tenant, accountId };
}

/** The worked month issued; agreeing it is the test's (T = $7,679,980.00, fee $202,500.00). */
async function issuedWorkedMonth(host: OrgFixture, tenant: OrgFixture) {
  const { dealId } = await createAgreedDeal(api, host, tenant);
  await recordWorkedMonth(api, host, dealId);
  const draft = await recomputeStatement(api, host, dealId, '2026-09');
  await mutate(api, host, 'issueStatement', ISSUE, { id: draft.id });
  return { dealId, statementId: draft.id };
}

const statementRow = (id: string) => api.db.prisma.settlementStatement.findUniqueOrThrow({ where: { id }, include: { lines: { orderBy: { position: 'asc' } } } });
const transfersTo = (accountId: string) => api.stripe.all('transfer').filter((t) => t.destination === accountId);

describe('an agreed statement becomes one Stripe invoice', () => {
  it('whose items are the statement’s lines; invoice.paid, delivered 5 times and under another event id, pays the host once exactly collected − fee', async () => {
    const { host, tenant, accountId } = await hostWithAccount('invoice');
    const { dealId, statementId } = await issuedWorkedMonth(host, tenant);
    declineNextCharge();
    const agreed = await mutate<StatementView>(api, tenant, 'agreeStatement', AGREE, { id: statementId });
    expect(agreed).toMatchObject({ status: 'INVOICED', stripeInvoiceId: expect.stringMatching(/^in_/) });

    const statement = await statementRow(statementId);
    const invoice = api.stripe.objects.get(statement.stripeInvoiceId!)!;
    const customer = (await api.db.prisma.organization.findUniqueOrThrow({ where: { id: tenant.orgId } })).stripeCustomerId;
    expect(invoice).toMatchObject({ customer, status: 'open', total: 767_998_000, amount_due: 767_998_000, metadata: { statement_id: statementId, deal_id: dealId, month: '2026-09' } });
    const items = api.stripe.all('invoiceitem').filter((item) => item.invoice === invoice.id);
    expect(items.map((item) => ({ amount: item.amount, description: item.description, line: (item.metadata as Record<string, string>).statement_line }))).toEqual(
      statement.lines.map((line) => ({ amount: Number(line.amountCents), description: line.description, line: String(line.position) })),
    );
    expect(api.stripe.all('invoice').filter((i) => (i.metadata as Record<string, string>).statement_id === statementId)).toHaveLength(1);
    // Running the invoicing again (the worker's retry) makes nothing new.
    expect(await invoiceAgreedStatements(api.db.prisma, api.billing)).toEqual({ done: 0, failed: [] });

    // The tenant pays (Stripe charges the open invoice): invoice.paid arrives.
    await api.billing.stripe.invoices.pay(invoice.id);
    const paidEvent = api.stripe.events.find((event) => (event.data.object as { id: string }).id === invoice.id)!;
    const redelivered = await Promise.all([1, 2, 3, 4, 5].map(() => api.stripe.deliver(paidEvent)));
    expect(redelivered).toEqual([200, 200, 200, 200, 200]);
    // Another event for the same invoice (Stripe may send one again under a new id).
    expect(await api.stripe.deliver(api.stripe.event('invoice.paid', paidEvent.data.object))).toBe(200);

    expect(await statementRow(statementId)).toMatchObject({ status: 'PAID', paidAt: expect.any(Date) });
    const payouts = await api.db.prisma.payout.findMany({ where: { dealId } });
    expect(payouts.map((p) => ({ status: p.status, amount: Number(p.amountCents), org: p.orgId, statementId: p.statementId, invoice: p.stripeInvoiceId }))).toEqual([
      { status: 'PAID', amount: 767_998_000 - 20_250_000, org: host.orgId, statementId, invoice: invoice.id },
    ]);
    expect(transfersTo(accountId).map((t) => ({ amount: t.amount, metadata: t.metadata }))).toEqual([
      { amount: 747_748_000, metadata: { deal_id: dealId, invoice_id: invoice.id, statement_id: statementId } },
    ]);
    // Each party sees its side.
    const billing = `{ billingStatus { invoices { id status amountPaidUsd dealId } payouts { amountUsd status } } }`;
    const tenantView = await api.gql<{ billingStatus: { invoices: unknown[]; payouts: unknown[] } }>(billing, {}, tenant);
    expect(tenantView.data?.billingStatus).toEqual({ invoices: [{ id: invoice.id, status: 'paid', amountPaidUsd: 7_679_980, dealId }], payouts: [] });
    const hostView = await api.gql<{ billingStatus: { invoices: unknown[]; payouts: unknown[] } }>(billing, {}, host);
    expect(hostView.data?.billingStatus).toEqual({ invoices: [], payouts: [{ amountUsd: 7_477_480, status: 'PAID' }] });
  });

  it('a failed transfer is retried once and then succeeds, with one transfer', async () => {
    const { host, tenant, accountId } = await hostWithAccount('transfer');
    const { statementId } = await issuedWorkedMonth(host, tenant);
    api.stripe.failNext('POST', '/v1/transfers', 500, { type: 'api_error', message: 'An error occurred with our connection to Stripe.' });
    api.stripe.failNext('POST', '/v1/transfers', 500, { type: 'api_error', message: 'An error occurred with our connection to Stripe.' });
    api.stripe.failNext('POST', '/v1/transfers', 500, { type: 'api_error', message: 'An error occurred with our connection to Stripe.' });
    await mutate(api, tenant, 'agreeStatement', AGREE, { id: statementId });
    const failed = await api.db.prisma.payout.findFirstOrThrow({ where: { statementId } });
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(transfersTo(accountId)).toEqual([]);

    const outcomes = await retryPayouts(api.db.prisma, api.billing.stripe);
    expect(outcomes.filter((o) => o.status === 'PAID')).toHaveLength(1);
    expect(await api.db.prisma.payout.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: 'PAID', attempts: 2 });
    await retryPayouts(api.db.prisma, api.billing.stripe);
    expect(transfersTo(accountId).map((t) => t.amount)).toEqual([747_748_000]);
  });

  it('never pays out more than was collected less the fee: a partial payment pays out less, an overpayment no more than T − fee', async () => {
    const { host, tenant, accountId } = await hostWithAccount('partial');
    const partial = await issuedWorkedMonth(host, tenant);
    const over = await issuedWorkedMonth(host, tenant);
    for (const { statementId } of [partial, over]) {
      declineNextCharge();
      await mutate(api, tenant, 'agreeStatement', AGREE, { id: statementId });
    }
    const paidWith = async (statementId: string, amountPaid: number) => {
      const invoice = api.stripe.objects.get((await statementRow(statementId)).stripeInvoiceId!)!;
      expect(await api.stripe.deliver(api.stripe.event('invoice.paid', { ...invoice, status: 'paid', amount_paid: amountPaid }))).toBe(200);
    };
    await paidWith(partial.statementId, 100_000_000);
    await paidWith(over.statementId, 2 * 767_998_000);
    const payoutOf = async (statementId: string) => Number((await api.db.prisma.payout.findFirstOrThrow({ where: { statementId } })).amountCents);
    expect(await payoutOf(partial.statementId)).toBe(100_000_000 - 20_250_000);
    expect(await payoutOf(over.statementId)).toBe(767_998_000 - 20_250_000);
    expect(transfersTo(accountId).map((t) => t.amount).sort((a, b) => Number(a) - Number(b))).toEqual([79_750_000, 747_748_000]);
  });

  it('nothing is due (credits exceed charges): no invoice, PAID at once, no payout; the credit is carried to the next statement', async () => {
    const { host, tenant } = await hostWithAccount('zero');
    // Free colocation and no AI load: the month is all backfill credit.
    const { dealId } = await createAgreedDeal(api, host, tenant, { deal: { priceUsdPerKwMonth: 0 } });
    await ingestHourly(api, host, dealId, '2026-09', () => ({ ai: 0, mining: 30 }));
    await setHashprice(api, '2026-09', 50);
    const draft = await recomputeStatement(api, host, dealId, '2026-09');
    expect(draft).toMatchObject({ tenantTotalUsd: 0, platformFeeUsd: 0, hostPayoutUsd: 0 });
    expect(cents(draft.tenantCarryOutUsd)).toBeLessThan(0);
    const invoicesBefore = api.stripe.all('invoice').length;
    await mutate(api, host, 'issueStatement', ISSUE, { id: draft.id });
    const agreed = await mutate<StatementView>(api, tenant, 'agreeStatement', AGREE, { id: draft.id });
    expect(agreed).toMatchObject({ status: 'PAID', stripeInvoiceId: null });
    expect(api.stripe.all('invoice')).toHaveLength(invoicesBefore);
    expect(await api.db.prisma.payout.count({ where: { dealId } })).toBe(0);

    await ingestHourly(api, host, dealId, '2026-10', () => ({ ai: 0, mining: 30 }));
    await setHashprice(api, '2026-10', 50);
    const october = await recomputeStatement(api, host, dealId, '2026-10');
    expect(october.lines.find((line) => line.kind === 'CARRIED_CREDIT')?.amountUsd).toBe(draft.tenantCarryOutUsd);
  });
});

describe('every stored statement balances', () => {
  it('tenant total = host payout + platform fee, the payout ≤ the total, the lines sum to it, for generated months (fast-check)', async () => {
    const { host, tenant } = await hostWithAccount('property');
    // One deal running from January 2026: each run settles one of its months afresh (the same month again: corrected).
    const { dealId } = await createAgreedDeal(api, host, tenant, { deal: { startDate: '2026-01-01' }, block: { availableFrom: '2026-01-01' }, site: { liveDate: '2025-06-01' } });
    const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
    const shape = fc.record({
      month: fc.constantFrom(...months),
      aiBase: fc.integer({ min: 0, max: 50 }),
      aiSwing: fc.integer({ min: 0, max: 20 }),
      mining: fc.integer({ min: 0, max: 60 }),
      hashprice: fc.integer({ min: 1, max: 200 }),
      outageHours: fc.integer({ min: 0, max: 48 }),
      gapEvery: fc.integer({ min: 0, max: 50 }),
    });
    await fc.assert(
      fc.asyncProperty(shape, async ({ month, aiBase, aiSwing, mining, hashprice, outageHours, gapEvery }) => {
        await ingestHourly(api, host, dealId, month, (at, h) => ({
          ai: gapEvery > 0 && h % gapEvery === 0 ? null : Math.min(50, aiBase + (at.getUTCHours() >= 8 && at.getUTCHours() < 20 ? aiSwing : 0)),
          mining,
        }));
        await setHashprice(api, month, hashprice);
        if (outageHours > 0) {
          const from = Date.parse(`${month}-02T00:00:00Z`);
          await recordEvent(api, host, dealId, { cause: 'FACILITY', channel: 'AI_IT', startsAt: new Date(from).toISOString(), endsAt: new Date(from + outageHours * 3_600_000).toISOString(), mwAffected: 25 });
        }
        const statement = await recomputeStatement(api, host, dealId, month);
        const [total, fee, payout] = [cents(statement.tenantTotalUsd), cents(statement.platformFeeUsd), cents(statement.hostPayoutUsd)];
        const sum = statement.lines.reduce((s, line) => s + cents(line.amountUsd), 0);
        return total === payout + fee && payout >= 0 && fee >= 0 && payout <= total && total === Math.max(0, sum);
      }),
      { numRuns: 12 },
    );
    // The rows, not only the answers.
    const stored = await api.db.prisma.settlementStatement.findMany({ where: { dealId }, include: { lines: true } });
    for (const row of stored) {
      expect(row.tenantTotalCents).toBe(row.hostPayoutCents + row.platformFeeCents);
      expect(row.tenantTotalCents + row.tenantCarryOutCents).toBe(row.lines.reduce((s, line) => s + line.amountCents, 0n));
    }
  });

  it('hosting statements too: total = payout + fee, payout ≤ total, the lines sum to total + carried credit (fast-check)', async () => {
    const { host } = await hostWithAccount('hosting-property');
    const fleet = await signUpOrg(api, 'MINER', 'hosting-property-fleet');
    // 1,000 S21 (3,500 kW) from March 2026 for 12 months, a deposit of one month: held on the first statement.
    const { dealId } = await activeHostingDeal(api, host, fleet, { depositMonths: 1 });
    const months = ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
    const shape = fc.record({
      month: fc.constantFrom(...months),
      kwh: fc.integer({ min: 0, max: 3_535 }),
      curtailedHours: fc.integer({ min: 0, max: 300 }),
      downtimeHours: fc.integer({ min: 0, max: 200 }),
      hashprice: fc.integer({ min: 1, max: 200 }),
    });
    const COMPUTE = `mutation ($d: ID!, $m: String!) { computeHostingStatement(dealId: $d, month: $m) { tenantTotalUsd platformFeeUsd hostPayoutUsd tenantCarryOutUsd lines { amountUsd } } }`;
    await fc.assert(
      fc.asyncProperty(shape, async ({ month, ...data }) => {
        await recordHostingMonth(api, host, dealId, { month, ...data });
        const statement = await mutate<{ tenantTotalUsd: number; platformFeeUsd: number; hostPayoutUsd: number; tenantCarryOutUsd: number; lines: { amountUsd: number }[] }>(
          api, host, 'computeHostingStatement', COMPUTE, { d: dealId, m: month },
        );
        const [total, fee, payout, carry] = [cents(statement.tenantTotalUsd), cents(statement.platformFeeUsd), cents(statement.hostPayoutUsd), cents(statement.tenantCarryOutUsd)];
        const sum = statement.lines.reduce((s, line) => s + cents(line.amountUsd), 0);
        return total === payout + fee && payout >= 0 && fee >= 0 && payout <= total && carry <= 0 && total + carry === sum;
      }),
      { numRuns: 8 },
    );
    for (const row of await api.db.prisma.hostingStatement.findMany({ where: { dealId } })) {
      expect(row.tenantTotalCents).toBe(row.hostPayoutCents + row.platformFeeCents);
    }
  });
});
