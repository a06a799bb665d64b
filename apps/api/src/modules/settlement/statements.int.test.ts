// Monthly statements over real HTTP on real data: the worked month to the cent, what each party may do to a
// statement and when, corrections before and after agreement, the attack of an absurd saved scenario, and
// another organisation (through the API and through row-level security).
import { withOrg } from '@gridshare/db';
import { createPlatformOrg, mutate, platformPerson, signUpOrg } from '../../testing/fixtures';
import {
  AGREE,
  DISPUTE,
  ISSUE,
  REISSUE,
  RECOMPUTE,
  STATEMENT_FIELDS,
  type StatementView,
  WORKED_SCENARIO,
  createAgreedDeal,
  ingestHourly,
  recomputeStatement,
  recordWorkedMonth,
  saveDealScenario,
  setHashprice,
} from '../../testing/settlement-fixtures';
import { type Caller, type GqlResult, type TestApi, startTestApi } from '../../testing/test-api';
import { errorCode } from '../../testing/expect-code';

let api: TestApi;
let admin: Caller;

beforeAll(async () => {
  api = await startTestApi();
  admin = await platformPerson(api, await createPlatformOrg(api), 'ADMIN');
});
afterAll(() => api.close());

const reason = (result: GqlResult) => result.errors?.[0]?.extensions?.reason;
const parties = async (label: string) => ({ host: await signUpOrg(api, 'MINER', `${label}-host`), tenant: await signUpOrg(api, 'TENANT', `${label}-tenant`) });
const cents = (usd: number) => Math.round(usd * 100);
const linesOf = (statement: StatementView) => statement.lines.map((line) => [line.kind, cents(line.amountUsd)] as const);

const STATEMENT = `query ($id: ID!) { statement(id: $id) { ${STATEMENT_FIELDS} csv computedAt
  summary { hours activeHours availability { pct commitmentPct unavailableHours creditPct byCause { cause hours } }
    energy { aiItMwh aiFacilityMwh settledMiningMwh unsettledMiningMwh curtailedForDemandResponseMwh }
    backfill { grossRevenueUsd energyCostUsd variableOpexUsd positiveNetUsd lossHoursNetUsd demandResponseIncomeUsd } missingHashpriceDays disputedEventIds }
  dataGaps { channel from until hours }
  forecast { lines { kind forecastUsd actualUsd varianceUsd } tenantTotal { forecastUsd actualUsd varianceUsd } } } }`;

const readStatement = (id: string, caller: Caller) => api.gql<{ statement: StatementView & Record<string, unknown> }>(STATEMENT, { id }, caller);

/** The worked month's lines (docs/settlement.md), in cents. */
const WORKED_LINES = [
  ['COLOCATION', 750_000_000],
  ['SLA_CREDIT', -75_000_000],
  ['ENERGY_PASS_THROUGH', 131_616_000],
  ['BACKFILL_CREDIT', -38_318_000],
  ['DEMAND_RESPONSE_CREDIT', -300_000],
] as const;

async function workedDraft(label: string) {
  const { host, tenant } = await parties(label);
  const { dealId, scenarioId } = await createAgreedDeal(api, host, tenant);
  await recordWorkedMonth(api, host, dealId);
  const draft = await recomputeStatement(api, host, dealId, '2026-09');
  return { host, tenant, dealId, scenarioId, draft };
}

describe('the worked month, computed from readings, events and the index', () => {
  it('reproduces docs/settlement.md to the cent, for both parties, with the data behind it', async () => {
    const { host, tenant, draft } = await workedDraft('worked');
    // 50,000 kW x $150 = $7,500,000.00; availability 1 − 4/720 = 99.444% → the 10% tier: −$750,000.00;
    // AI 30 x (16 x 45 + 8 x 25) − 4 x 45 = 27,420 MWh x 1.2 x $40 = $1,316,160.00; settled mining
    // 30 x (16 x 6 + 8 x 30) − 24 − 60 = 9,996 MWh at (1,000 / 17.5) x 50 / 24 x 0.98 = $116.67/MWh less $40:
    // $766,360.00 net, the tenant's 50% = −$383,180.00; 60 MWh curtailed at $100 = $6,000.00, 50% = −$3,000.00.
    expect(draft).toMatchObject({ status: 'DRAFT', version: 0, stale: false, month: '2026-09' });
    expect(linesOf(draft)).toEqual(WORKED_LINES);
    // T = 7,500,000 − 750,000 + 1,316,160 − 383,180 − 3,000; fee 3% x 6,750,000; payout T − fee.
    expect([cents(draft.tenantTotalUsd), cents(draft.platformFeeUsd), cents(draft.hostPayoutUsd)]).toEqual([767_998_000, 20_250_000, 747_748_000]);
    expect(cents(draft.tenantTotalUsd)).toBe(cents(draft.hostPayoutUsd) + cents(draft.platformFeeUsd));

    const forTenant = (await readStatement(draft.id, tenant)).data!.statement;
    const forHost = (await readStatement(draft.id, host)).data!.statement;
    expect(forTenant).toEqual(forHost);
    expect(forTenant.summary).toMatchObject({
      hours: 720,
      activeHours: 720,
      availability: { commitmentPct: 99.9, unavailableHours: 4, creditPct: 10, byCause: [{ cause: 'FACILITY', hours: 4 }] },
      energy: { aiItMwh: 27_420, settledMiningMwh: 9_996, curtailedForDemandResponseMwh: 60 },
      backfill: { positiveNetUsd: 766_360, demandResponseIncomeUsd: 6_000 },
      missingHashpriceDays: [],
    });
    expect(forTenant.dataGaps).toEqual([]);
    // Model versus actual: the agreed scenario's month has no outage, so the SLA credit is all variance.
    const forecast = forTenant.forecast as { lines: { kind: string; forecastUsd: number; actualUsd: number; varianceUsd: number }[] };
    expect(forecast.lines.find((line) => line.kind === 'SLA_CREDIT')).toEqual({ kind: 'SLA_CREDIT', forecastUsd: 0, actualUsd: -750_000, varianceUsd: -750_000 });
    for (const line of forecast.lines) expect(cents(line.varianceUsd)).toBe(cents(line.actualUsd) - cents(line.forecastUsd));
    // Every line carries what reproduces it.
    expect(forTenant.lines.find((line) => line.kind === 'COLOCATION')?.detail).toMatchObject({ priceCentsPerKwMonth: 15_000 });
    const csv = String(forTenant.csv).split('\r\n');
    expect(csv[1]).toMatch(/,COLOCATION,.*,750000000,7500000\.00$/);
    expect(csv.find((row) => row.includes(',TENANT_TOTAL,'))).toMatch(/,767998000,7679980\.00$/);
  });

  it('reports hours without complete readings and bills nothing for them', async () => {
    const { host, tenant } = await parties('gaps');
    const { dealId } = await createAgreedDeal(api, host, tenant);
    // Three AI hours never read (the fleet's are): 3 x 25 MW x 1.2 x $40 = $3,600.00 less pass-through.
    const missing = (at: Date) => at.getTime() >= Date.parse('2026-09-05T01:00:00Z') && at.getTime() < Date.parse('2026-09-05T04:00:00Z');
    await ingestHourly(api, host, dealId, '2026-09', (at) => ({ ai: missing(at) ? null : 25, mining: 30 }));
    await setHashprice(api, '2026-09', 50);
    const draft = await recomputeStatement(api, host, dealId, '2026-09');
    const statement = (await readStatement(draft.id, tenant)).data!.statement;
    expect(statement.dataGaps).toEqual([{ channel: 'AI_IT', from: '2026-09-05T01:00:00.000Z', until: '2026-09-05T04:00:00.000Z', hours: 3 }]);
    expect(cents(statement.lines.find((line) => line.kind === 'ENERGY_PASS_THROUGH')!.amountUsd)).toBe((720 - 3) * 25 * 1.2 * 40 * 100);
  });
});

describe('who may move a statement, and when', () => {
  it('host issues, tenant disputes, host re-issues, tenant agrees; the wrong party is FORBIDDEN, everyone else NOT_FOUND; each move audited and told to both', async () => {
    const { host, tenant, dealId, draft } = await workedDraft('moves');
    const stranger = await signUpOrg(api, 'TENANT', 'moves-stranger');
    for (const org of [host, tenant]) {
      await mutate(api, org, 'createWebhookEndpoint', `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }`, {
        input: { url: 'https://hooks.example.test/statements', eventTypes: ['STATEMENT_ISSUED', 'STATEMENT_AGREED', 'STATEMENT_DISPUTED', 'STATEMENT_PAID'] },
      });
    }
    const id = draft.id;
    expect(errorCode(await api.gql(ISSUE, { id }, tenant))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(RECOMPUTE, { dealId, month: '2026-09' }, tenant))).toBe('FORBIDDEN');
    for (const [query, variables] of [[ISSUE, { id }], [AGREE, { id }], [DISPUTE, { id, reason: 'not mine' }], [REISSUE, { id }], [RECOMPUTE, { dealId, month: '2026-09' }]] as const) {
      expect(errorCode(await api.gql(query, variables, stranger))).toBe('NOT_FOUND');
    }
    // A DRAFT cannot be agreed or disputed yet.
    expect(errorCode(await api.gql(AGREE, { id }, tenant))).toBe('CONFLICT');

    const issued = await mutate<StatementView>(api, host, 'issueStatement', ISSUE, { id });
    expect(issued).toMatchObject({ status: 'ISSUED', version: 1 });
    expect(Date.parse(issued.autoAgreeAt!) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(errorCode(await api.gql(AGREE, { id }, host))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(DISPUTE, { id, reason: 'the outage was the grid' }, host))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(ISSUE, { id }, host))).toBe('CONFLICT');
    // Nothing changed since it was issued: there is nothing to re-issue.
    expect(reason(await api.gql(REISSUE, { id }, host))).toBe('NOT_STALE');

    const disputed = await mutate<StatementView>(api, tenant, 'disputeStatement', DISPUTE, { id, reason: 'The outage on the 10th was the grid operator’s.' });
    expect(disputed).toMatchObject({ status: 'DISPUTED', disputeReason: 'The outage on the 10th was the grid operator’s.' });
    expect((await readStatement(id, host)).data?.statement).toMatchObject({ status: 'DISPUTED', disputeReason: disputed.disputeReason });
    expect(errorCode(await api.gql(AGREE, { id }, tenant))).toBe('CONFLICT');

    const reissued = await mutate<StatementView>(api, host, 'reissueStatement', REISSUE, { id });
    expect(reissued).toMatchObject({ status: 'ISSUED', version: 2, disputeReason: null });
    expect(linesOf(reissued)).toEqual(WORKED_LINES);

    await mutate(api, host, 'createConnectOnboardingLink', `mutation { createConnectOnboardingLink { url } }`, {});
    const agreed = await mutate<StatementView>(api, tenant, 'agreeStatement', AGREE, { id });
    // Agreed, then invoiced and (the local Stripe pays at once) paid.
    expect(agreed).toMatchObject({ status: 'PAID', version: 2, agreedBy: `user:${tenant.userId}`, stripeInvoiceId: expect.stringMatching(/^in_/) });
    expect(errorCode(await api.gql(DISPUTE, { id, reason: 'too late' }, tenant))).toBe('CONFLICT');
    expect(errorCode(await api.gql(RECOMPUTE, { dealId, month: '2026-09' }, host))).toBe('CONFLICT');

    const audit = await api.db.prisma.auditLog.findMany({ where: { entityId: id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((row) => [row.action, row.actor])).toEqual([
      ['statement.recompute', `user:${host.userId}`],
      ['statement.issue', `user:${host.userId}`],
      ['statement.dispute', `user:${tenant.userId}`],
      ['statement.reissue', `user:${host.userId}`],
      ['statement.agree', `user:${tenant.userId}`],
      ['statement.invoice', 'system:settlement'],
      ['statement.paid', 'system:stripe'],
    ]);
    const deliveries = await api.db.prisma.webhookDelivery.findMany({ where: { orgId: { in: [host.orgId, tenant.orgId] } }, orderBy: { createdAt: 'asc' } });
    for (const org of [host, tenant]) {
      expect(deliveries.filter((d) => d.orgId === org.orgId).map((d) => d.eventType)).toEqual(['statement.issued', 'statement.disputed', 'statement.issued', 'statement.agreed', 'statement.paid']);
    }
    expect(deliveries.find((d) => d.eventType === 'statement.paid')?.payload).toMatchObject({ statementId: id, dealId, month: '2026-09', status: 'PAID', tenantTotalUsd: 7_679_980, hostPayoutUsd: 7_477_480 });
    expect(await api.db.prisma.webhookDelivery.count({ where: { orgId: stranger.orgId } })).toBe(0);
  });

  it('issues in order: not before the month is over, not before the previous month is agreed, not without a hashprice for every mined day', async () => {
    const { host, tenant } = await parties('order');
    const { dealId } = await createAgreedDeal(api, host, tenant, { deal: { startDate: '2026-08-01' } });
    await ingestHourly(api, host, dealId, '2026-08', () => ({ ai: 40, mining: 12 }));
    await ingestHourly(api, host, dealId, '2026-09', () => ({ ai: 40, mining: 12 }));
    await setHashprice(api, '2026-09', 50);
    const current = new Date().toISOString().slice(0, 7);
    const running = await recomputeStatement(api, host, dealId, current);
    expect(reason(await api.gql(ISSUE, { id: running.id }, host))).toBe('MONTH_NOT_OVER');

    const september = await recomputeStatement(api, host, dealId, '2026-09');
    const refused = await api.gql(ISSUE, { id: september.id }, host);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PREVIOUS_NOT_AGREED', previousMonth: '2026-08', previousStatus: null });

    // August: the index lacks two days the fleet mined.
    await setHashprice(api, '2026-08', 50);
    await api.db.prisma.hashpriceIndexDay.deleteMany({ where: { day: { in: [new Date('2026-08-14T00:00:00Z'), new Date('2026-08-15T00:00:00Z')] } } });
    const august = await recomputeStatement(api, host, dealId, '2026-08');
    const missing = await api.gql(ISSUE, { id: august.id }, host);
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'MISSING_HASHPRICE', missingDays: ['2026-08-14', '2026-08-15'] });
    expect((await api.db.prisma.settlementStatement.findUniqueOrThrow({ where: { id: august.id } })).status).toBe('DRAFT');

    await setHashprice(api, '2026-08', 50);
    await mutate(api, host, 'issueStatement', ISSUE, { id: august.id });
    expect((await api.gql(ISSUE, { id: september.id }, host)).errors?.[0]?.extensions).toMatchObject({ reason: 'PREVIOUS_NOT_AGREED', previousStatus: 'ISSUED' });
    await mutate(api, tenant, 'agreeStatement', AGREE, { id: august.id });
    expect(await mutate<StatementView>(api, host, 'issueStatement', ISSUE, { id: september.id })).toMatchObject({ status: 'ISSUED', version: 1 });
  });

  it('refuses to agree a statement whose data changed since it was issued, until the host re-issues it', async () => {
    const { host, tenant, draft } = await workedDraft('stale');
    const dealId = draft.dealId;
    await mutate(api, host, 'issueStatement', ISSUE, { id: draft.id });
    // A corrected reading: 45 → 47 MW in one day hour.
    await ingestHourly(api, host, dealId, '2026-09', (at) => (at.toISOString() === '2026-09-03T12:00:00.000Z' ? { ai: 47, mining: null } : { ai: null, mining: null }));
    const refused = await api.gql(AGREE, { id: draft.id }, tenant);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE' });
    expect((await readStatement(draft.id, tenant)).data?.statement).toMatchObject({ status: 'ISSUED', stale: true });

    const reissued = await mutate<StatementView>(api, host, 'reissueStatement', REISSUE, { id: draft.id });
    // 2 MW x 1.2 x $40 = $96.00 more pass-through; the headroom shrinks by 2.4 MW below the fleet's 6 MW:
    // 2.4 MWh x ($116.666… − $40) = $184.00 less net, $92.00 less credit.
    expect(reissued).toMatchObject({ status: 'ISSUED', version: 2, stale: false });
    expect(linesOf(reissued)).toEqual(WORKED_LINES.map(([kind, amount]) => [kind, kind === 'ENERGY_PASS_THROUGH' ? amount + 9_600 : kind === 'BACKFILL_CREDIT' ? amount + 9_200 : amount]));
    expect(await mutate<StatementView>(api, tenant, 'agreeStatement', AGREE, { id: draft.id })).toMatchObject({ version: 2 });
  });
});

describe('an agreed statement never changes', () => {
  it('corrections change a draft; after agreement they become adjustment lines of the next statement, and the agreed one stays as it was', async () => {
    const { host, tenant, dealId, draft } = await workedDraft('corrections');
    // Before agreement: a corrected night hour (25 → 30 MW of AI) changes the draft.
    const night = '2026-09-03T02:00:00.000Z';
    const correct = (ai: number) => ingestHourly(api, host, dealId, '2026-09', (at) => (at.toISOString() === night ? { ai, mining: null } : { ai: null, mining: null }));
    await correct(30);
    expect((await readStatement(draft.id, host)).data?.statement.stale).toBe(true);
    const corrected = await recomputeStatement(api, host, dealId, '2026-09');
    // 5 MW x 1.2 x $40 = +$240.00; headroom 60 − 36 = 24 MW below the fleet's 30: 6 MWh x $76.666… = $460.00 less net, $230.00 less credit.
    expect(linesOf(corrected)).toEqual(WORKED_LINES.map(([kind, amount]) => [kind, kind === 'ENERGY_PASS_THROUGH' ? amount + 24_000 : kind === 'BACKFILL_CREDIT' ? amount + 23_000 : amount]));
    await correct(25);
    await mutate(api, host, 'issueStatement', ISSUE, { id: draft.id });
    await mutate(api, tenant, 'agreeStatement', AGREE, { id: draft.id });
    const agreed = await api.db.prisma.settlementStatement.findUniqueOrThrow({ where: { id: draft.id }, include: { lines: { orderBy: { position: 'asc' } } } });
    expect(agreed.lines.map((line) => [line.kind, Number(line.amountCents)])).toEqual(WORKED_LINES);

    // After agreement: the same correction, and the next month.
    await correct(30);
    await ingestHourly(api, host, dealId, '2026-10', () => ({ ai: 40, mining: 12 }));
    await setHashprice(api, '2026-10', 50);
    const october = await recomputeStatement(api, host, dealId, '2026-10');
    const adjustments = october.lines.filter((line) => line.kind === 'ADJUSTMENT');
    expect(adjustments.map((line) => [line.adjustsMonth, line.detail.corrects, cents(line.amountUsd)])).toEqual([
      ['2026-09', 'ENERGY_PASS_THROUGH', 24_000],
      ['2026-09', 'BACKFILL_CREDIT', 23_000],
    ]);
    expect(adjustments[0]?.description).toMatch(/2026-09.*readings changed after the statement was agreed/);
    expect(await api.db.prisma.settlementStatement.findUniqueOrThrow({ where: { id: draft.id }, include: { lines: { orderBy: { position: 'asc' } } } })).toEqual(agreed);
    // Agreeing October settles the correction: November does not repeat it.
    await mutate(api, host, 'issueStatement', ISSUE, { id: october.id });
    await mutate(api, tenant, 'agreeStatement', AGREE, { id: october.id });
    await ingestHourly(api, host, dealId, '2026-11', () => ({ ai: 40, mining: 12 }));
    await setHashprice(api, '2026-11', 50);
    const november = await recomputeStatement(api, host, dealId, '2026-11');
    expect(november.lines.filter((line) => line.kind === 'ADJUSTMENT')).toEqual([]);
  });

  it('the database refuses any change to an agreed statement’s amounts or lines, even from the owner', async () => {
    const { host, tenant, draft } = await workedDraft('immutable');
    await mutate(api, host, 'issueStatement', ISSUE, { id: draft.id });
    await mutate(api, host, 'createConnectOnboardingLink', `mutation { createConnectOnboardingLink { url } }`, {});
    await mutate(api, tenant, 'agreeStatement', AGREE, { id: draft.id });
    const before = await api.db.prisma.settlementStatement.findUniqueOrThrow({ where: { id: draft.id }, include: { lines: true } });
    const line = before.lines[0]!;
    const attempts = [
      api.db.prisma.$executeRaw`UPDATE "SettlementStatement" SET "hostPayoutCents" = "hostPayoutCents" + 100000 WHERE "id" = ${draft.id}::uuid`,
      api.db.prisma.$executeRaw`UPDATE "SettlementStatement" SET "status" = 'DRAFT' WHERE "id" = ${draft.id}::uuid`,
      api.db.prisma.$executeRaw`UPDATE "StatementLine" SET "amountCents" = 1 WHERE "id" = ${line.id}::uuid`,
      api.db.prisma.$executeRaw`DELETE FROM "StatementLine" WHERE "id" = ${line.id}::uuid`,
      api.db.prisma.$executeRaw`INSERT INTO "StatementLine" ("id", "statementId", "hostOrgId", "tenantOrgId", "position", "kind", "description", "amountCents", "detail")
                                VALUES (gen_random_uuid(), ${draft.id}::uuid, ${host.orgId}::uuid, ${tenant.orgId}::uuid, 99, 'ADJUSTMENT', 'sneaked in', 100, '{}')`,
      api.db.prisma.$executeRaw`DELETE FROM "SettlementStatement" WHERE "id" = ${draft.id}::uuid`,
    ];
    for (const attempt of attempts) await expect(attempt).rejects.toThrow(/agreed/);
    expect(await api.db.prisma.settlementStatement.findUniqueOrThrow({ where: { id: draft.id }, include: { lines: true } })).toEqual(before);
  });
});

describe('the attack: a saved scenario with a hashprice of $10,000/PH/day', () => {
  it('changes no statement line and no payout, whoever saves it, before or after signing', async () => {
    const { host, tenant } = await parties('attack');
    await mutate(api, host, 'createConnectOnboardingLink', `mutation { createConnectOnboardingLink { url } }`, {});
    const absurd = { ...WORKED_SCENARIO, market: { hashpriceUsdPerPhDay: 10_000 } };
    // Saved before signing by both parties, but not the one they sign.
    const { dealId, scenarioId } = await createAgreedDeal(api, host, tenant, { activate: false, scenario: WORKED_SCENARIO });
    expect(scenarioId).not.toBeNull();
    await saveDealScenario(api, host, dealId, absurd, 'host, before activation');
    await saveDealScenario(api, tenant, dealId, absurd, 'tenant, before activation');
    await mutate(api, host, 'activateDeal', `mutation ($id: ID!) { activateDeal(id: $id) { id } }`, { id: dealId });
    await recordWorkedMonth(api, host, dealId);
    const draft = await recomputeStatement(api, host, dealId, '2026-09');
    expect(linesOf(draft)).toEqual(WORKED_LINES);

    // Saved after signing, by either party, newest of all: nothing moves.
    await saveDealScenario(api, host, dealId, absurd, 'host, after');
    await saveDealScenario(api, tenant, dealId, { ...absurd, deal: { revenueShare: { hostPercent: 100, tenantPercent: 0 } } }, 'tenant, after');
    const again = await recomputeStatement(api, host, dealId, '2026-09');
    expect(linesOf(again)).toEqual(WORKED_LINES);
    await mutate(api, host, 'issueStatement', ISSUE, { id: draft.id });
    await mutate(api, tenant, 'agreeStatement', AGREE, { id: draft.id });
    const payouts = await api.db.prisma.payout.findMany({ where: { dealId } });
    // $7,679,980.00 collected, less the $202,500.00 fee: never the billions the scenario would imply.
    expect(payouts.map((p) => Number(p.amountCents))).toEqual([747_748_000]);
    const account = (await api.db.prisma.organization.findUniqueOrThrow({ where: { id: host.orgId } })).stripeAccountId;
    expect(api.stripe.all('transfer').filter((t) => t.destination === account).map((t) => t.amount)).toEqual([747_748_000]);
  });
});

describe('another organisation', () => {
  it('can neither read nor move a deal’s statements, through the API or row-level security; the parties cannot write them directly either', async () => {
    const { host, tenant, dealId, draft } = await workedDraft('tenancy');
    const outsider = await signUpOrg(api, 'MINER', 'tenancy-outsider');
    expect(errorCode(await readStatement(draft.id, outsider))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(`query ($d: ID!) { statements(dealId: $d) { totalCount } }`, { d: dealId }, outsider))).toBe('NOT_FOUND');
    const listed = await api.gql<{ statements: { totalCount: number; edges: { node: { id: string } }[] } }>(`query ($d: ID!) { statements(dealId: $d) { totalCount edges { node { id } } } }`, { d: dealId }, tenant);
    expect(listed.data?.statements).toEqual({ totalCount: 1, edges: [{ node: { id: draft.id } }] });

    const seen = await withOrg(api.db.prisma, { orgId: outsider.orgId }, async (tx) => ({
      statements: await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "SettlementStatement"`,
      lines: await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "StatementLine"`,
      agreements: await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "DealAgreement"`,
    }));
    expect([seen.statements, seen.lines, seen.agreements].map((rows) => Number(rows[0]?.n))).toEqual([0, 0, 0]);
    // The runtime role only reads statements, even a party's own: the system path writes them.
    await expect(withOrg(api.db.prisma, { orgId: host.orgId }, (tx) => tx.$executeRaw`UPDATE "SettlementStatement" SET "hostPayoutCents" = 1 WHERE "id" = ${draft.id}::uuid`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(withOrg(api.db.prisma, { orgId: tenant.orgId }, (tx) => tx.$executeRaw`DELETE FROM "StatementLine" WHERE "statementId" = ${draft.id}::uuid`)).rejects.toThrow(/permission denied/);
    const row = await api.db.prisma.settlementStatement.findUniqueOrThrow({ where: { id: draft.id } });
    expect(Number(row.hostPayoutCents)).toBe(747_748_000);
  });

  it('bad input names the field and writes nothing', async () => {
    const { host, dealId, draft } = await workedDraft('bad-input');
    const before = { statements: await api.db.prisma.settlementStatement.count(), audit: await api.db.prisma.auditLog.count() };
    const cases: [string, Record<string, unknown>, string][] = [
      [RECOMPUTE, { dealId, month: '2026-13' }, 'month'],
      [RECOMPUTE, { dealId, month: 'Sept 2026' }, 'month'],
      [RECOMPUTE, { dealId, month: '2031-01' }, 'month'],
      [RECOMPUTE, { dealId, month: '2026-07' }, 'month'], // before the deal started
      [RECOMPUTE, { dealId: 'deal-1', month: '2026-09' }, 'dealId'],
      [ISSUE, { id: 'nope' }, 'id'],
      [DISPUTE, { id: draft.id, reason: ' x ' }, 'reason'],
    ];
    for (const [query, variables, field] of cases) expect((await api.gql(query, variables, host)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect({ statements: await api.db.prisma.settlementStatement.count(), audit: await api.db.prisma.auditLog.count() }).toEqual(before);
  });
});

describe('the platform admin’s view', () => {
  it('lists statements in dispute and the platform’s fee income by month; nobody else may see them', async () => {
    const { host, tenant, draft } = await workedDraft('admin');
    await mutate(api, host, 'issueStatement', ISSUE, { id: draft.id });
    await mutate(api, tenant, 'disputeStatement', DISPUTE, { id: draft.id, reason: 'Please show the outage log.' });
    const VIEW = `query ($from: String!, $until: String!) { adminSettlement { disputedStatements { hostOrganizationName tenantOrganizationName statement { id disputeReason } }
      feeIncome(from: $from, until: $until) { month platformFeeUsd tenantTotalUsd statements } } }`;
    const before = await api.gql<{ adminSettlement: { disputedStatements: { statement: { id: string; disputeReason: string } }[]; feeIncome: { month: string; platformFeeUsd: number; tenantTotalUsd: number; statements: number }[] } }>(
      VIEW,
      { from: '2026-08', until: '2026-10' },
      admin,
    );
    expect(before.data?.adminSettlement.disputedStatements).toContainEqual(expect.objectContaining({ statement: { id: draft.id, disputeReason: 'Please show the outage log.' } }));
    const septemberBefore = before.data!.adminSettlement.feeIncome.find((row) => row.month === '2026-09')!;
    expect(before.data?.adminSettlement.feeIncome.map((row) => row.month)).toEqual(['2026-08', '2026-09', '2026-10']);

    await mutate(api, host, 'reissueStatement', REISSUE, { id: draft.id });
    await mutate(api, host, 'createConnectOnboardingLink', `mutation { createConnectOnboardingLink { url } }`, {});
    await mutate(api, tenant, 'agreeStatement', AGREE, { id: draft.id });
    const after = await api.gql<typeof before.data & object>(VIEW, { from: '2026-09', until: '2026-09' }, admin);
    expect(after.data?.adminSettlement.disputedStatements.map((row) => row.statement.id)).not.toContain(draft.id);
    const agreed = await api.db.prisma.settlementStatement.findUniqueOrThrow({ where: { id: draft.id } });
    expect(after.data?.adminSettlement.feeIncome).toEqual([
      {
        month: '2026-09',
        platformFeeUsd: septemberBefore.platformFeeUsd + 202_500,
        tenantTotalUsd: (Math.round(septemberBefore.tenantTotalUsd * 100) + Number(agreed.tenantTotalCents)) / 100,
        statements: septemberBefore.statements + 1,
      },
    ]);

    for (const caller of [host, tenant]) expect(errorCode(await api.gql(VIEW, { from: '2026-09', until: '2026-09' }, caller))).toBe('FORBIDDEN');
    expect((await api.gql(VIEW, { from: '2026-10', until: '2026-09' }, admin)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
  });
});
