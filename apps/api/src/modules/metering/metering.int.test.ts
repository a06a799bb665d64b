// Meter readings over real HTTP on a real database: the rules of docs/settlement.md "Readings" (each
// refusal names the row and field and writes nothing), idempotent batches, corrections kept as revisions
// the tenant sees, who may write (the host, a granted partner; not the tenant, not anyone else) and read.
import { type OrgFixture, createApiKey, createSignedDeal, signUpOrg } from '../../testing/fixtures';
import {
  type MeteredDeal,
  RECORD_READINGS,
  type ReadingInput,
  clearStale,
  createMeteredDeal,
  createStatement,
  grantMeterAccess,
  readingsFrom,
  staleByStatus,
} from '../../testing/meter-fixtures';
import { type GqlResult, type TestApi, startTestApi } from '../../testing/test-api';
import { expectCode } from '../../testing/expect-code';

let api: TestApi;
let deal: MeteredDeal;
let other: OrgFixture;

beforeAll(async () => {
  api = await startTestApi();
  deal = await createMeteredDeal(api);
  other = await signUpOrg(api, 'MINER', 'meter-other');
});
afterAll(() => api.close());

type Counts = { inserted: number; corrected: number; unchanged: number };
const record = (caller: { token: string }, readings: ReadingInput[], dealId = deal.dealId) =>
  api.gql<{ recordMeterReadings: Counts }>(RECORD_READINGS, { input: { dealId, readings } }, caller);

/** Everything a refused batch must leave as it was: readings, revisions and audit rows (system path). */
async function snapshot(dealId = deal.dealId) {
  const prisma = api.db.prisma;
  return {
    readings: await prisma.meterReading.count({ where: { dealId } }),
    revisions: await prisma.meterReadingRevision.count({ where: { dealId } }),
    audit: await prisma.auditLog.count({ where: { action: 'meter.readings_recorded', entityId: dealId } }),
  };
}

const READINGS = `query ($dealId: ID!, $first: Int, $after: String, $filter: MeterReadingFilter) {
  meterReadings(dealId: $dealId, first: $first, after: $after, filter: $filter) {
    totalCount edges { node { channel intervalStart intervalMinutes kwh averageKw revision recordedByOrganizationId } } pageInfo { hasNextPage endCursor } } }`;
type ReadingNode = { channel: string; intervalStart: string; intervalMinutes: number; kwh: number; averageKw: number; revision: number; recordedByOrganizationId: string };
type ReadingPage = { meterReadings: { totalCount: number; edges: { node: ReadingNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

describe('recording a batch', () => {
  it('stores it once: the same batch again changes nothing, a different value is a correction the tenant sees', async () => {
    const batch = [
      ...readingsFrom('AI_IT', '2026-07-01T00:00:00Z', 4, 30_000),
      ...readingsFrom('MINING', '2026-07-01T00:00:00Z', 4, 50_000),
      { channel: 'SITE_IMPORT' as const, intervalStart: '2026-07-01T00:00:00Z', intervalMinutes: 15, kwh: 22_500 },
    ];
    expect((await record(deal.host, batch)).data?.recordMeterReadings).toEqual({ inserted: 9, corrected: 0, unchanged: 0 });
    const before = await snapshot();
    expect((await record(deal.host, batch)).data?.recordMeterReadings).toEqual({ inserted: 0, corrected: 0, unchanged: 9 });
    expect(await snapshot()).toEqual({ ...before, audit: before.audit + 1 });

    // The first AI quarter was 7,500 kWh; 31,000 kW average over 15 minutes is 7,750.
    batch[0] = { ...batch[0]!, kw: 31_000 };
    expect((await record(deal.host, batch)).data?.recordMeterReadings).toEqual({ inserted: 0, corrected: 1, unchanged: 8 });
    const revisions = await api.gql<{ meterRevisions: { totalCount: number; edges: { node: Record<string, unknown> }[] } }>(
      `query ($d: ID!) { meterRevisions(dealId: $d) { totalCount edges { node { channel intervalStart oldKwh newKwh revisedByOrganizationId revisedBy revisedAt } } } }`,
      { d: deal.dealId },
      deal.tenant,
    );
    expect(revisions.data?.meterRevisions).toEqual({
      totalCount: 1,
      edges: [
        {
          node: {
            channel: 'AI_IT',
            intervalStart: '2026-07-01T00:00:00.000Z',
            oldKwh: 7500,
            newKwh: 7750,
            revisedByOrganizationId: deal.host.orgId,
            revisedBy: `user:${deal.host.userId}`,
            revisedAt: expect.any(String),
          },
        },
      ],
    });
    const page = await api.gql<ReadingPage>(READINGS, { dealId: deal.dealId, filter: { channel: 'AI_IT', from: '2026-07-01T00:00:00Z', to: '2026-07-01T00:30:00Z' } }, deal.tenant);
    expect(page.data?.meterReadings.edges.map((edge) => edge.node)).toEqual([
      { channel: 'AI_IT', intervalStart: '2026-07-01T00:00:00.000Z', intervalMinutes: 15, kwh: 7750, averageKw: 31_000, revision: 1, recordedByOrganizationId: deal.host.orgId },
      { channel: 'AI_IT', intervalStart: '2026-07-01T00:15:00.000Z', intervalMinutes: 15, kwh: 7500, averageKw: 30_000, revision: 0, recordedByOrganizationId: deal.host.orgId },
    ]);
  });

  it('takes 10,000 readings (about 1 MB of JSON) in one request', async () => {
    const big = await createMeteredDeal(api);
    const readings = readingsFrom('AI_IT', '2026-06-01T00:00:00Z', 10_000, 25_000.5);
    expect(JSON.stringify({ input: { dealId: big.dealId, readings } }).length).toBeGreaterThan(900_000);
    expect((await record(big.host, readings, big.dealId)).data?.recordMeterReadings).toEqual({ inserted: 10_000, corrected: 0, unchanged: 0 });
    expect(await api.db.prisma.meterReading.count({ where: { dealId: big.dealId } })).toBe(10_000);
    const tooMany = await record(big.host, readingsFrom('MINING', '2026-06-01T00:00:00Z', 10_001, 1), big.dealId);
    expectCode(tooMany, 'BAD_USER_INPUT', 'input.readings');
    expect(await api.db.prisma.meterReading.count({ where: { dealId: big.dealId, channel: 'MINING' } })).toBe(0);
  });

  it('makes the deal’s statements that are not agreed yet stale, and leaves agreed ones alone', async () => {
    const own = await createMeteredDeal(api);
    await createStatement(api, own, '2026-07-01', 'DRAFT');
    await createStatement(api, own, '2026-06-01', 'AGREED');
    await record(own.host, readingsFrom('AI_IT', '2026-07-02T00:00:00Z', 1, 1), own.dealId);
    expect(await staleByStatus(api, own.dealId)).toEqual({ DRAFT: true, AGREED: false });
    await clearStale(api, own.dealId);
    await record(own.host, readingsFrom('AI_IT', '2026-07-02T00:00:00Z', 1, 1), own.dealId);
    expect(await staleByStatus(api, own.dealId)).toEqual({ DRAFT: false, AGREED: false });
  });
});

// Every channel of `deal` is 15-minute throughout this file.
describe('refusals: BAD_USER_INPUT naming the row and field, and nothing of the batch written', () => {
  // Set before the table runs: AI_IT readings of this deal are 15-minute, and 40,000 kW of AI at 08:00.
  beforeAll(async () => {
    expect((await record(deal.host, readingsFrom('AI_IT', '2026-08-01T08:00:00Z', 1, 40_000))).errors).toBeUndefined();
  });
  const good = readingsFrom('MINING', '2026-08-01T00:00:00Z', 2, 10_000);
  const nextHour = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000).toISOString();

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['a negative kWh', { channel: 'AI_IT', intervalStart: '2026-08-01T01:00:00Z', intervalMinutes: 15, kwh: -5 }, 'kwh', /0 or more/],
    ['both kwh and kw', { channel: 'AI_IT', intervalStart: '2026-08-01T01:00:00Z', intervalMinutes: 15, kwh: 5, kw: 20 }, 'kwh', /exactly one of kwh/],
    ['neither kwh nor kw', { channel: 'AI_IT', intervalStart: '2026-08-01T01:00:00Z', intervalMinutes: 15 }, 'kwh', /exactly one of kwh/],
    ['a 30-minute interval', { channel: 'AI_IT', intervalStart: '2026-08-01T01:00:00Z', intervalMinutes: 30, kw: 5 }, 'intervalMinutes', /15 or 60/],
    ['a start off the quarter hour', { channel: 'AI_IT', intervalStart: '2026-08-01T01:10:00Z', intervalMinutes: 15, kw: 5 }, 'intervalStart', /whole 15 minutes/],
    ['a start before the deal', { channel: 'AI_IT', intervalStart: '2026-05-31T23:45:00Z', intervalMinutes: 15, kw: 5 }, 'intervalStart', /outside the deal's active period/],
    ['an interval in the future', { channel: 'AI_IT', intervalStart: nextHour, intervalMinutes: 15, kw: 5 }, 'intervalStart', /ends in the future/],
    ['an interval twice', { channel: 'MINING', intervalStart: '2026-08-01T00:15:00Z', intervalMinutes: 15, kw: 5 }, 'intervalStart', /appears twice in the batch for MINING \(also row 1\)/],
    ['another length than the channel’s', { channel: 'AI_IT', intervalStart: '2026-08-01T01:00:00Z', intervalMinutes: 60, kw: 5 }, 'intervalMinutes', /must be 15: AI_IT readings of this deal are 15-minute \(as stored\)/],
    ['AI above the contracted kW + 2%', { channel: 'AI_IT', intervalStart: '2026-08-01T01:00:00Z', intervalMinutes: 15, kw: 40_801 }, 'kw', /above the contracted 40000 kW \+ 2%/],
    ['mining above what AI leaves of the interconnection', { channel: 'MINING', intervalStart: '2026-08-01T08:00:00Z', intervalMinutes: 15, kw: 80_001 }, 'kw', /above the 80000 kW the interconnection \(120000 kW\) leaves beside AI_IT/],
    ['site import above the interconnection + 2%', { channel: 'SITE_IMPORT', intervalStart: '2026-08-01T01:00:00Z', intervalMinutes: 15, kwh: 30_601 }, 'kwh', /above the interconnection 120000 kW \+ 2%/],
    ['an unknown field', { channel: 'AI_IT', intervalStart: '2026-08-01T01:00:00Z', intervalMinutes: 15, kw: 5, orgId: 'x' }, 'orgId', /orgId/],
  ])('%s', async (_label, bad, field, message) => {
    const before = await snapshot();
    const result = await record(deal.host, [...good, bad as unknown as ReadingInput]);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    if (field !== 'orgId') {
      expect(result.errors?.[0]?.extensions?.field).toBe(`input.readings.2.${field}`);
      expect(result.errors?.[0]?.message).toMatch(message);
    } else {
      expect(result.errors?.[0]?.message).toMatch(message);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses AI under which a stored mining reading no longer fits, naming the AI row', async () => {
    expect((await record(deal.host, readingsFrom('MINING', '2026-08-02T00:00:00Z', 1, 90_000))).errors).toBeUndefined();
    const before = await snapshot();
    const result = await record(deal.host, readingsFrom('AI_IT', '2026-08-02T00:00:00Z', 1, 30_001));
    expectCode(result, 'BAD_USER_INPUT', 'input.readings.0.kw');
    expect(result.errors?.[0]?.message).toMatch(/below the stored MINING reading of 90000 kW/);
    expect(await snapshot()).toEqual(before);
  });

  it('caps AI by the MW in force that day after an agreed change of MW', async () => {
    const resized = await createMeteredDeal(api);
    await api.db.prisma.dealMwChange.create({
      data: { dealId: resized.dealId, hostOrgId: resized.host.orgId, tenantOrgId: resized.tenant.orgId, fromMw: 40, toMw: 20, effectiveOn: new Date('2026-09-01T00:00:00Z') },
    });
    expect((await record(resized.host, readingsFrom('AI_IT', '2026-08-31T23:45:00Z', 1, 40_000), resized.dealId)).errors).toBeUndefined();
    const result = await record(resized.host, readingsFrom('AI_IT', '2026-09-01T00:00:00Z', 1, 20_401), resized.dealId);
    expectCode(result, 'BAD_USER_INPUT', 'input.readings.0.kw');
    expect(result.errors?.[0]?.message).toMatch(/contracted 20000 kW/);
  });
});

describe('who may record', () => {
  const one = (start: string) => readingsFrom('SITE_IMPORT', start, 1, 1_000);

  it('the tenant cannot (FORBIDDEN) and another organisation’s deal is NOT_FOUND; neither writes anything', async () => {
    const before = await snapshot();
    expectCode(await record(deal.tenant, one('2026-09-01T00:00:00Z')), 'FORBIDDEN');
    expectCode(await record(other, one('2026-09-01T00:00:00Z')), 'NOT_FOUND');
    expect(await snapshot()).toEqual(before);
  });

  it('the host’s API key needs METER_WRITE', async () => {
    const writer = await createApiKey(api, deal.host, ['METER_WRITE']);
    const reader = await createApiKey(api, deal.host, ['DEALS_WRITE', 'METER_READ']);
    expect((await record({ token: writer.secret }, one('2026-09-01T01:00:00Z'))).data?.recordMeterReadings.inserted).toBe(1);
    expectCode(await record({ token: reader.secret }, one('2026-09-01T02:00:00Z')), 'FORBIDDEN');
  });

  it('a metering partner with a grant writes through its own key; revoked, it is NOT_FOUND', async () => {
    const partner = await signUpOrg(api, 'PARTNER', 'meter-partner');
    const key = await createApiKey(api, partner, ['METER_WRITE', 'METER_READ']);
    expectCode(await record({ token: key.secret }, one('2026-09-02T00:00:00Z')), 'NOT_FOUND');
    const grant = await grantMeterAccess(api, deal.host, deal.dealId, partner.orgId);
    expect((await record({ token: key.secret }, one('2026-09-02T00:00:00Z'))).data?.recordMeterReadings.inserted).toBe(1);
    const stored = await api.db.prisma.meterReading.findFirst({ where: { dealId: deal.dealId, intervalStart: new Date('2026-09-02T00:00:00Z') } });
    expect(stored?.recordedByOrgId).toBe(partner.orgId);
    const page = await api.gql<ReadingPage>(READINGS, { dealId: deal.dealId, filter: { channel: 'SITE_IMPORT', from: '2026-09-02T00:00:00Z' } }, { token: key.secret });
    expect(page.data?.meterReadings.edges.map((edge) => edge.node.recordedByOrganizationId)).toEqual([partner.orgId]);

    await api.gql(`mutation ($id: ID!) { revokeMeterAccess(id: $id) { id } }`, { id: grant.id }, deal.host);
    const before = await snapshot();
    expectCode(await record({ token: key.secret }, one('2026-09-02T01:00:00Z')), 'NOT_FOUND');
    expectCode(await api.gql(READINGS, { dealId: deal.dealId }, { token: key.secret }), 'NOT_FOUND');
    expect(await snapshot()).toEqual(before);
  });

  it('a deal that is not ACTIVE or ENDED takes no readings (CONFLICT)', async () => {
    const signed = await createSignedDeal(api, deal.host, deal.tenant, { startDate: '2026-06-01' });
    expectCode(await record(deal.host, one('2026-09-01T00:00:00Z'), signed.dealId), 'CONFLICT');
  });
});

describe('reading', () => {
  let own: MeteredDeal;
  beforeAll(async () => {
    own = await createMeteredDeal(api);
    // 2026-07-01 00:00-02:00: AI every quarter; mining in the first hour only; 01:30-01:45 AI missing.
    const ai = readingsFrom('AI_IT', '2026-07-01T00:00:00Z', 8, 20_000).filter((reading) => reading.intervalStart !== '2026-07-01T01:30:00.000Z');
    const mining = readingsFrom('MINING', '2026-07-01T00:00:00Z', 1, 60_000, 60);
    expect((await record(own.host, [...ai, ...mining], own.dealId)).errors).toBeUndefined();
  });

  it('the tenant pages through every reading, by time then channel, with filters', async () => {
    const seen: ReadingNode[] = [];
    let after: string | null = null;
    for (;;) {
      const page: GqlResult<ReadingPage> = await api.gql<ReadingPage>(READINGS, { dealId: own.dealId, first: 3, after }, own.tenant);
      expect(page.data?.meterReadings.totalCount).toBe(8);
      seen.push(...page.data!.meterReadings.edges.map((edge) => edge.node));
      if (!page.data!.meterReadings.pageInfo.hasNextPage) break;
      after = page.data!.meterReadings.pageInfo.endCursor;
    }
    expect(seen.map((node) => `${node.intervalStart.slice(11, 16)} ${node.channel}`)).toEqual([
      '00:00 AI_IT',
      '00:00 MINING',
      '00:15 AI_IT',
      '00:30 AI_IT',
      '00:45 AI_IT',
      '01:00 AI_IT',
      '01:15 AI_IT',
      '01:45 AI_IT',
    ]);
    const mining = await api.gql<ReadingPage>(READINGS, { dealId: own.dealId, filter: { channel: 'MINING' } }, own.tenant);
    expect(mining.data?.meterReadings.edges.map((edge) => [edge.node.kwh, edge.node.averageKw])).toEqual([[60_000, 60_000]]);
    expectCode(await api.gql(READINGS, { dealId: own.dealId, after: 'bm90LWEtY3Vyc29y' }, own.tenant), 'BAD_USER_INPUT', 'after');
  });

  it('gives the month hour by hour in MW, an incomplete hour as null', async () => {
    const series = await api.gql<{ meterSeries: { hour: string; aiItMw: number | null; miningMw: number | null; siteImportMw: number | null }[] }>(
      `query ($d: ID!) { meterSeries(dealId: $d, month: "2026-07") { hour aiItMw miningMw siteImportMw } }`,
      { d: own.dealId },
      own.tenant,
    );
    expect(series.data?.meterSeries).toHaveLength(744);
    expect(series.data?.meterSeries.slice(0, 3)).toEqual([
      { hour: '2026-07-01T00:00:00.000Z', aiItMw: 20, miningMw: 60, siteImportMw: null },
      { hour: '2026-07-01T01:00:00.000Z', aiItMw: null, miningMw: null, siteImportMw: null },
      { hour: '2026-07-01T02:00:00.000Z', aiItMw: null, miningMw: null, siteImportMw: null },
    ]);
  });

  it('reports the gaps of a month per channel, within the active period', async () => {
    const gaps = await api.gql<{ meterGaps: { channel: string; from: string; until: string }[] }>(
      `query ($d: ID!, $m: String!) { meterGaps(dealId: $d, month: $m) { channel from until } }`,
      { d: own.dealId, m: '2026-07' },
      own.tenant,
    );
    expect(gaps.data?.meterGaps).toEqual([
      { channel: 'AI_IT', from: '2026-07-01T01:30:00.000Z', until: '2026-07-01T01:45:00.000Z' },
      { channel: 'AI_IT', from: '2026-07-01T02:00:00.000Z', until: '2026-08-01T00:00:00.000Z' },
      { channel: 'MINING', from: '2026-07-01T01:00:00.000Z', until: '2026-08-01T00:00:00.000Z' },
    ]);
    const beforeStart = await api.gql<{ meterGaps: unknown[] }>(`query ($d: ID!) { meterGaps(dealId: $d, month: "2026-05") { channel } }`, { d: own.dealId }, own.host);
    expect(beforeStart.data?.meterGaps).toEqual([]);
    expectCode(await api.gql(`query ($d: ID!) { meterGaps(dealId: $d, month: "2026-13") { channel } }`, { d: own.dealId }, own.host), 'BAD_USER_INPUT', 'month');
  });

  it('another organisation reads nothing of the deal (NOT_FOUND)', async () => {
    expectCode(await api.gql(READINGS, { dealId: own.dealId }, other), 'NOT_FOUND');
    for (const query of [
      `query ($d: ID!) { meterSeries(dealId: $d, month: "2026-07") { hour } }`,
      `query ($d: ID!) { meterGaps(dealId: $d, month: "2026-07") { channel } }`,
      `query ($d: ID!) { meterRevisions(dealId: $d) { totalCount } }`,
    ]) {
      expectCode(await api.gql(query, { d: own.dealId }, other), 'NOT_FOUND');
    }
  });
});

describe('monthly partitions', () => {
  const bounds = async (name: string) =>
    (await api.db.prisma.$queryRaw<{ bound: string }[]>`SELECT pg_get_expr(c.relpartbound, c.oid) AS "bound" FROM pg_class c WHERE c.relname = ${name}`)[0]?.bound;

  it('two transactions creating the same month both succeed: the second waits and finds it', async () => {
    const create = (delayMs: number) =>
      api.db.prisma.$transaction(async (tx) => {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        const [row] = await tx.$queryRaw<{ created: boolean }[]>`SELECT ensure_meter_partition('2031-01-01') AS "created"`;
        await tx.$executeRaw`SELECT pg_sleep(0.3)`;
        return row!.created;
      });
    expect((await Promise.all([create(0), create(100)])).sort()).toEqual([false, true]);
  });

  it('bounds months in UTC whatever the session’s time zone', async () => {
    await api.db.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL TimeZone = 'America/New_York'`;
      await tx.$queryRaw`SELECT ensure_meter_partition('2032-01-01')`;
    });
    expect(await bounds('MeterReading_2032_01')).toBe("FOR VALUES FROM ('2032-01-01 00:00:00+00') TO ('2032-02-01 00:00:00+00')");
  });
});
