// Money from agreed hosting statements, offline against the local Stripe-shaped server, through the same
// statement billing as colocation (modules/statement-billing): the fleet's invoice carries the statement's
// lines to the cent; invoice.paid pays the host what was collected less the fee, once, however often it
// arrives; a disputed statement is not invoiced; an issued one nobody disputes is agreed after 7 days.
import { type OrgFixture, mutate, signUpOrg } from '../../testing/fixtures';
import {
  HOSTING_STATEMENT_FIELDS,
  type HostingStatementView,
  activeHostingDeal,
  issuedHostingStatement,
  recordHostingMonth,
} from '../../testing/hosting-fixtures';
import { type TestApi, startTestApi } from '../../testing/test-api';
import { invoiceAgreedStatements } from '../billing/statement-kinds';
import { HOSTING_DISPUTE_WINDOW_ACTOR, autoAgreeDueHostingStatements } from './statements.service';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const DAY_MS = 86_400_000;
const cents = (usd: number) => Math.round(usd * 100);
const code = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;
const PAY = /^\/v1\/invoices\/in_[0-9a-f]+\/pay$/;
const declineNextCharge = () => api.stripe.failNext('POST', PAY, 402, { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' });
const AGREE = `mutation ($id: ID!) { agreeHostingStatement(id: $id) { ${HOSTING_STATEMENT_FIELDS} } }`;
const DISPUTE = `mutation ($id: ID!, $reason: String!) { disputeHostingStatement(id: $id, reason: $reason) { ${HOSTING_STATEMENT_FIELDS} } }`;
const STATEMENTS = `query ($id: ID!) { hostingDeal(id: $id) { statements { ${HOSTING_STATEMENT_FIELDS} } } }`;

/** A host with a connected Stripe account (where payouts go) and a fleet. */
async function parties(label: string): Promise<{ host: OrgFixture; fleet: OrgFixture; accountId: string }> {
  const [host, fleet] = await Promise.all([signUpOrg(api, 'MINER', `${label}-host`), signUpOrg(api, 'MINER', `${label}-fleet`)]);
  await mutate(api, host, 'createConnectOnboardingLink', `mutation { createConnectOnboardingLink { url } }`, {});
  const accountId = (await api.db.prisma.organization.findUniqueOrThrow({ where: { id: host.orgId } })).stripeAccountId!;
  return { host, fleet, accountId };
}

/** The deal's March statement, issued by the host (the hand-worked month of hosting.int.test.ts). */
async function issuedMarch(host: OrgFixture, fleet: OrgFixture, offer: Record<string, unknown> = {}) {
  const { dealId } = await activeHostingDeal(api, host, fleet, offer);
  await recordHostingMonth(api, host, dealId);
  return { dealId, statement: await issuedHostingStatement(api, host, dealId) };
}

const statementsSeenBy = async (caller: OrgFixture, dealId: string) =>
  (await api.gql<{ hostingDeal: { statements: HostingStatementView[] } }>(STATEMENTS, { id: dealId }, caller)).data!.hostingDeal.statements;
const transfersTo = (accountId: string) => api.stripe.all('transfer').filter((t) => t.destination === accountId);
const invoicesOf = (statementId: string) => api.stripe.all('invoice').filter((i) => (i.metadata as Record<string, string>).statement_id === statementId);

describe('an agreed hosting statement is invoiced and paid out like a colocation statement', () => {
  it('the invoice’s items are the statement’s lines to the cent, deposit held included; invoice.paid 5 times and under another id pays the host once, collected − fee', async () => {
    const { host, fleet, accountId } = await parties('invoice');
    const { dealId, statement } = await issuedMarch(host, fleet, { depositMonths: 1 });
    // Energy 688 h x 3,500 kWh x $0.065 = $156,520.00; curtailment credit 6 h beyond the 50 allowed = -$1,085.00;
    // deposit one expected month, (730 - 50) h x 99 % x 3,500 kW x $0.065 = $153,153.00, held in the first month.
    // T = $308,588.00; fee 3 % of the fee base ($155,435.00) = $4,663.05; payout $303,924.95.
    expect(statement).toMatchObject({ status: 'ISSUED', tenantTotalUsd: 308_588, platformFeeUsd: 4_663.05, hostPayoutUsd: 303_924.95, invoicedAt: null, paidAt: null });
    expect(statement.lines.map((line) => [line.kind, line.amountUsd])).toEqual([
      ['HOSTING_ENERGY', 156_520],
      ['CURTAILMENT_CREDIT', -1_085],
      ['DEPOSIT_HELD', 153_153],
    ]);
    expect(Date.parse(statement.autoAgreeAt!)).toBeGreaterThan(Date.now() + 6 * DAY_MS);

    declineNextCharge();
    const agreed = await mutate<HostingStatementView>(api, fleet, 'agreeHostingStatement', AGREE, { id: statement.id });
    expect(agreed).toMatchObject({ status: 'INVOICED', agreedBy: `user:${fleet.userId}`, stripeInvoiceId: expect.stringMatching(/^in_/), invoicedAt: expect.any(String), paidAt: null, payout: null });

    const [invoice] = invoicesOf(statement.id);
    const customer = (await api.db.prisma.organization.findUniqueOrThrow({ where: { id: fleet.orgId } })).stripeCustomerId;
    expect(invoice).toMatchObject({ id: agreed.stripeInvoiceId, customer, status: 'open', total: 30_858_800, amount_due: 30_858_800, metadata: { statement_id: statement.id, statement_kind: 'HOSTING', deal_id: dealId, month: '2026-03' } });
    const items = api.stripe.all('invoiceitem').filter((item) => item.invoice === invoice!.id);
    expect(items.map((item) => ({ amount: item.amount, description: item.description }))).toEqual(statement.lines.map((line) => ({ amount: cents(line.amountUsd), description: line.description })));
    // The worker's run finds nothing more to do.
    expect(await invoiceAgreedStatements(api.db.prisma, api.billing)).toEqual({ done: 0, failed: [] });
    expect(invoicesOf(statement.id)).toHaveLength(1);

    // The fleet pays; invoice.paid arrives five times at once, then again under a new event id.
    await api.billing.stripe.invoices.pay(invoice!.id);
    const paidEvent = api.stripe.events.find((event) => event.type === 'invoice.paid' && (event.data.object as { id: string }).id === invoice!.id)!;
    expect(await Promise.all([1, 2, 3, 4, 5].map(() => api.stripe.deliver(paidEvent)))).toEqual([200, 200, 200, 200, 200]);
    expect(await api.stripe.deliver(api.stripe.event('invoice.paid', paidEvent.data.object))).toBe(200);

    const payouts = await api.db.prisma.payout.findMany({ where: { hostingDealId: dealId } });
    expect(payouts.map((p) => ({ status: p.status, amount: Number(p.amountCents), org: p.orgId, statement: p.hostingStatementId, invoice: p.stripeInvoiceId, dealId: p.dealId }))).toEqual([
      { status: 'PAID', amount: 30_858_800 - 466_305, org: host.orgId, statement: statement.id, invoice: invoice!.id, dealId: null },
    ]);
    expect(Number(payouts[0]!.amountCents)).toBeLessThanOrEqual(30_858_800);
    expect(transfersTo(accountId).map((t) => ({ amount: t.amount, metadata: t.metadata }))).toEqual([
      { amount: 30_392_495, metadata: { deal_id: dealId, invoice_id: invoice!.id, statement_id: statement.id } },
    ]);

    // The host sees the statement PAID with its payout; the fleet sees it PAID, and no payout.
    const [hostView] = await statementsSeenBy(host, dealId);
    expect(hostView).toMatchObject({ status: 'PAID', paidAt: expect.any(String), payout: { amountUsd: 303_924.95, status: 'PAID' } });
    const [fleetView] = await statementsSeenBy(fleet, dealId);
    expect(fleetView).toMatchObject({ status: 'PAID', payout: null });
    const billing = `{ billingStatus { invoices { id status amountPaidUsd dealId hostingDealId } payouts { amountUsd status dealId hostingDealId } } }`;
    const fleetBilling = await api.gql<{ billingStatus: unknown }>(billing, {}, fleet);
    expect(fleetBilling.data?.billingStatus).toEqual({ invoices: [{ id: invoice!.id, status: 'paid', amountPaidUsd: 308_588, dealId: null, hostingDealId: dealId }], payouts: [] });
    const hostBilling = await api.gql<{ billingStatus: unknown }>(billing, {}, host);
    expect(hostBilling.data?.billingStatus).toEqual({ invoices: [], payouts: [{ amountUsd: 303_924.95, status: 'PAID', dealId, hostingDealId: dealId }] });
  });

  it('never pays out more than was collected less the fee: a partial payment pays out less', async () => {
    const { host, fleet, accountId } = await parties('partial');
    const { statement } = await issuedMarch(host, fleet);
    declineNextCharge();
    const agreed = await mutate<HostingStatementView>(api, fleet, 'agreeHostingStatement', AGREE, { id: statement.id });
    const invoice = api.stripe.objects.get(agreed.stripeInvoiceId!)!;
    expect(await api.stripe.deliver(api.stripe.event('invoice.paid', { ...invoice, status: 'paid', amount_paid: 10_000_000 }))).toBe(200);
    // $100,000.00 collected of $155,435.00; fee $4,663.05.
    expect(transfersTo(accountId).map((t) => t.amount)).toEqual([10_000_000 - 466_305]);
  });

  it('a month with nothing metered is not invoiced: PAID at once, no invoice, no payout', async () => {
    const { host, fleet } = await parties('zero');
    const { dealId } = await activeHostingDeal(api, host, fleet);
    await recordHostingMonth(api, host, dealId, { kwh: 0, curtailedHours: 0 });
    const statement = await issuedHostingStatement(api, host, dealId);
    expect(statement.tenantTotalUsd).toBe(0);
    const agreed = await mutate<HostingStatementView>(api, fleet, 'agreeHostingStatement', AGREE, { id: statement.id });
    expect(agreed).toMatchObject({ status: 'PAID', stripeInvoiceId: null });
    expect(invoicesOf(statement.id)).toEqual([]);
    expect(await api.db.prisma.payout.count({ where: { hostingDealId: dealId } })).toBe(0);
  });
});

describe('agreement: disputed statements are not invoiced; undisputed ones are agreed after 7 days', () => {
  it('a disputed statement is neither invoiced nor agreed automatically', async () => {
    const { host, fleet } = await parties('dispute');
    const { statement } = await issuedMarch(host, fleet);
    const disputed = await mutate<HostingStatementView>(api, fleet, 'disputeHostingStatement', DISPUTE, { id: statement.id, reason: 'The meter missed our restart on the 3rd.' });
    expect(disputed).toMatchObject({ status: 'DISPUTED', autoAgreeAt: null });
    expect(await autoAgreeDueHostingStatements(api.db.prisma, new Date(Date.now() + 30 * DAY_MS))).not.toContain(statement.id);
    await invoiceAgreedStatements(api.db.prisma, api.billing);
    expect(invoicesOf(statement.id)).toEqual([]);
    expect(await api.db.prisma.hostingStatement.findUniqueOrThrow({ where: { id: statement.id } })).toMatchObject({ status: 'DISPUTED', stripeInvoiceId: null, paidAt: null });
  });

  it('an issued statement nobody disputes is agreed by the worker once 7 days have passed, then invoiced and paid out', async () => {
    const { host, fleet, accountId } = await parties('auto');
    const { statement } = await issuedMarch(host, fleet);
    const issuedAt = await api.db.prisma.hostingStatement.findUniqueOrThrow({ where: { id: statement.id }, select: { issuedAt: true, autoAgreeAt: true } });
    expect(issuedAt.autoAgreeAt!.getTime() - issuedAt.issuedAt!.getTime()).toBe(7 * DAY_MS);

    expect(await autoAgreeDueHostingStatements(api.db.prisma, new Date(issuedAt.issuedAt!.getTime() + 6 * DAY_MS))).not.toContain(statement.id);
    expect((await api.db.prisma.hostingStatement.findUniqueOrThrow({ where: { id: statement.id } })).status).toBe('ISSUED');

    const agreed = await autoAgreeDueHostingStatements(api.db.prisma, new Date(issuedAt.issuedAt!.getTime() + 7 * DAY_MS + 60_000));
    expect(agreed).toContain(statement.id);
    expect(await api.db.prisma.hostingStatement.findUniqueOrThrow({ where: { id: statement.id } })).toMatchObject({ status: 'AGREED', agreedBy: HOSTING_DISPUTE_WINDOW_ACTOR });
    // A second run agrees nothing again; the fleet can no longer dispute.
    expect(await autoAgreeDueHostingStatements(api.db.prisma, new Date(issuedAt.issuedAt!.getTime() + 8 * DAY_MS))).not.toContain(statement.id);
    expect(code(await api.gql(DISPUTE, { id: statement.id, reason: 'too late' }, fleet))).toBe('CONFLICT');

    // The billing job invoices it; the local Stripe charges at once and delivers invoice.paid.
    const run = await invoiceAgreedStatements(api.db.prisma, api.billing);
    expect(run.failed).toEqual([]);
    expect((await api.db.prisma.hostingStatement.findUniqueOrThrow({ where: { id: statement.id } })).status).toBe('PAID');
    expect(transfersTo(accountId).map((t) => t.amount)).toEqual([15_543_500 - 466_305]);
  });
});

describe('who may do what, and bad input', () => {
  it('another organisation gets NOT_FOUND for the statement and its deal, and nothing moves or is invoiced', async () => {
    const { host, fleet } = await parties('tenancy');
    const stranger = await signUpOrg(api, 'MINER', 'stranger');
    const { dealId, statement } = await issuedMarch(host, fleet);
    for (const [query, variables] of [
      [AGREE, { id: statement.id }],
      [DISPUTE, { id: statement.id, reason: 'not mine' }],
      [STATEMENTS, { id: dealId }],
    ] as const) {
      expect(code(await api.gql(query, variables, stranger))).toBe('NOT_FOUND');
    }
    // The host cannot agree for the fleet.
    expect(code(await api.gql(AGREE, { id: statement.id }, host))).toBe('FORBIDDEN');
    expect(await api.db.prisma.hostingStatement.findUniqueOrThrow({ where: { id: statement.id } })).toMatchObject({ status: 'ISSUED', agreedAt: null });
    expect(invoicesOf(statement.id)).toEqual([]);
    const strangerBilling = await api.gql<{ billingStatus: { invoices: unknown[]; payouts: unknown[] } }>(`{ billingStatus { invoices { id } payouts { id } } }`, {}, stranger);
    expect(strangerBilling.data?.billingStatus).toEqual({ invoices: [], payouts: [] });
  });

  it.each([
    ['an id that is not a UUID', AGREE, { id: 'statement-1' }, 'id'],
    ['an empty dispute reason', DISPUTE, { id: '00000000-0000-4000-8000-000000000000', reason: '   ' }, 'reason'],
    ['a month that does not exist', `mutation ($d: ID!) { computeHostingStatement(dealId: $d, month: "2026-13") { id } }`, { d: '00000000-0000-4000-8000-000000000000' }, 'month'],
  ])('refuses %s as BAD_USER_INPUT naming the field, changing nothing', async (_label, query, variables, field) => {
    const { host, fleet } = await parties(`bad-${field}`);
    const before = await api.db.prisma.hostingStatement.count();
    const result = await api.gql(query, variables, query === AGREE || query === DISPUTE ? fleet : host);
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.field).toBe(field);
    expect(await api.db.prisma.hostingStatement.count()).toBe(before);
  });
});
