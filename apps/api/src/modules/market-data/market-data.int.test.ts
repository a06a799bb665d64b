// The hashprice index (platform admins and trusted data partners write it; everyone signed in reads it)
// and the host's pool statements (its deal's parties only), over real HTTP: lists and CSV, refusals by row
// or line with nothing written, idempotent uploads, updates audited with old and new, stale statements.
import { type OrgFixture, createApiKey, createPlatformOrg, platformPerson, signUpOrg } from '../../testing/fixtures';
import { type MeteredDeal, clearStale, createMeteredDeal, createStatement, grantMeterAccess, staleByStatus } from '../../testing/meter-fixtures';
import { type Caller, type GqlResult, type TestApi, startTestApi } from '../../testing/test-api';
import { errorCode } from '../../testing/expect-code';

let api: TestApi;
let admin: Caller & { token: string };
let member: Caller & { token: string };
let tenantOrg: OrgFixture;
let partner: OrgFixture;

beforeAll(async () => {
  api = await startTestApi();
  const platformId = await createPlatformOrg(api);
  admin = await platformPerson(api, platformId, 'ADMIN');
  member = await platformPerson(api, platformId, 'MEMBER');
  tenantOrg = await signUpOrg(api, 'TENANT', 'index-tenant');
  partner = await signUpOrg(api, 'PARTNER', 'index-partner');
});
afterAll(() => api.close());

const UPLOAD = `mutation ($input: UploadHashpriceIndexInput!) { uploadHashpriceIndex(input: $input) { inserted updated unchanged } }`;
const INDEX = `query ($from: Date!, $to: Date!) { hashpriceIndex(from: $from, to: $to) { day usdPerPhDay source } }`;
const PROVIDER = `mutation ($id: ID!, $on: Boolean!) { setHashpriceProvider(organizationId: $id, enabled: $on) { organizationId hashpriceProvider } }`;
type Result = { inserted: number; updated: number; unchanged: number };

const indexRows = () => api.db.prisma.hashpriceIndexDay.findMany({ where: { day: { gte: new Date('2009-01-03') } }, orderBy: { day: 'asc' } });
const upload = (caller: Caller, input: Record<string, unknown>) => api.gql<{ uploadHashpriceIndex: Result }>(UPLOAD, { input }, caller);
const days = (first: string, values: number[]) =>
  values.map((usdPerPhDay, i) => ({ day: new Date(new Date(`${first}T00:00:00Z`).getTime() + i * 86_400_000).toISOString().slice(0, 10), usdPerPhDay }));

describe('hashprice index', () => {
  it('a platform admin uploads days; anyone signed in reads them; the same upload again changes nothing', async () => {
    expect((await upload(admin, { days: days('2026-01-01', [41.5, 42.25, 40]), source: 'Test index' })).data?.uploadHashpriceIndex).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
    expect((await upload(admin, { days: days('2026-01-01', [41.5, 42.25, 40]) })).data?.uploadHashpriceIndex).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
    const read = await api.gql<{ hashpriceIndex: unknown[] }>(INDEX, { from: '2026-01-02', to: '2026-01-31' }, tenantOrg);
    expect(read.data?.hashpriceIndex).toEqual([
      { day: '2026-01-02', usdPerPhDay: 42.25, source: 'Test index' },
      { day: '2026-01-03', usdPerPhDay: 40, source: 'Test index' },
    ]);
    const key = await createApiKey(api, partner, ['ORG_READ']);
    expect((await api.gql<{ hashpriceIndex: unknown[] }>(INDEX, { from: '2026-01-01', to: '2026-01-01' }, { token: key.secret })).data?.hashpriceIndex).toHaveLength(1);
    expect(errorCode(await api.gql(INDEX, { from: '2026-01-01', to: '2026-01-01' }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.gql(INDEX, { from: '2010-01-01', to: '2026-01-01' }, tenantOrg))).toBe('BAD_USER_INPUT');
  });

  it('audits a changed day with its old and new value, and stales the statements of that month for deals on the index', async () => {
    const onIndex = await createMeteredDeal(api);
    const onPool = await createMeteredDeal(api);
    await api.db.prisma.deal.update({ where: { id: onPool.dealId }, data: { hashpriceSource: 'POOL_STATEMENTS' } });
    await createStatement(api, onIndex, '2026-02-01', 'DRAFT');
    await createStatement(api, onIndex, '2026-03-01', 'ISSUED');
    await createStatement(api, onIndex, '2026-01-01', 'AGREED');
    await createStatement(api, onPool, '2026-02-01', 'DRAFT');
    await upload(admin, { days: days('2026-02-10', [45, 46]) });
    await Promise.all([clearStale(api, onIndex.dealId), clearStale(api, onPool.dealId)]);

    expect((await upload(admin, { days: days('2026-02-10', [45, 47.12345]) })).data?.uploadHashpriceIndex).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
    const entry = await api.db.prisma.auditLog.findFirst({ where: { action: 'hashprice.uploaded' }, orderBy: { createdAt: 'desc' } });
    expect(entry?.changes).toEqual(expect.objectContaining({ updated: 1, updates: [{ day: '2026-02-11', old: { usdPerPhDay: 46 }, new: { usdPerPhDay: 47.1235 } }], staleStatements: 1 }));
    expect(await staleByStatus(api, onIndex.dealId)).toEqual({ DRAFT: true, ISSUED: false, AGREED: false });
    expect(await staleByStatus(api, onPool.dealId)).toEqual({ DRAFT: false });
  });

  it('refuses bad CSV by line and column, and bad list rows by index, writing nothing', async () => {
    const before = await indexRows();
    const csv = await upload(admin, { csv: 'day,usdPerPhDay\n2026-04-01,41\n2026-04-02,forty\n2026-04-31,40\n2026-04-04,-3' });
    expect(errorCode(csv)).toBe('BAD_USER_INPUT');
    expect(csv.errors?.[0]?.message).toBe('input.csv: line 3, usdPerPhDay: must be a number (digits, an optional - and . ; no thousands separators)');
    expect(csv.errors?.[0]?.extensions?.issues).toEqual([
      { field: 'input.csv', line: 3, column: 'usdPerPhDay', message: expect.any(String) },
      { field: 'input.csv', line: 4, column: 'day', message: 'must be a date, YYYY-MM-DD' },
      { field: 'input.csv', line: 5, column: 'usdPerPhDay', message: 'must be at least 0.0001 USD/PH/day' },
    ]);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    for (const [input, field] of [
      [{ days: [...days('2026-04-01', [41]), { day: tomorrow, usdPerPhDay: 40 }] }, 'input.days.1.day'],
      [{ days: [...days('2026-04-01', [41]), ...days('2026-04-01', [42])] }, 'input.days.1.day'],
      [{ days: days('2026-04-01', [41, 45_000]) }, 'input.days.1.usdPerPhDay'],
      [{ days: days('2026-04-01', [41]), csv: '2026-04-01,41' }, 'input.days'],
      [{ days: days('2026-04-01', [41]), orgId: partner.orgId }, 'input'],
    ] as const) {
      const result = await upload(admin, input);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      if (field !== 'input') expect(result.errors?.[0]?.extensions?.field).toBe(field);
    }
    expect(await indexRows()).toEqual(before);
  });

  it('takes uploads only from platform ADMINs and organisations a platform admin made providers', async () => {
    const before = await indexRows();
    const input = { days: days('2026-05-01', [39]) };
    expect(errorCode(await upload(tenantOrg, input))).toBe('FORBIDDEN');
    expect(errorCode(await upload(member, input))).toBe('FORBIDDEN');
    const key = await createApiKey(api, partner, ['HASHPRICE_WRITE']);
    expect(errorCode(await upload({ token: key.secret }, input))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(PROVIDER, { id: partner.orgId, on: true }, partner))).toBe('FORBIDDEN');
    expect(await indexRows()).toEqual(before);

    expect((await api.gql(PROVIDER, { id: partner.orgId, on: true }, admin)).data).toEqual({ setHashpriceProvider: { organizationId: partner.orgId, hashpriceProvider: true } });
    expect(errorCode(await api.gql(PROVIDER, { id: partner.orgId, on: true }, admin))).toBe('CONFLICT');
    expect((await upload({ token: key.secret }, { csv: '2026-05-01,39.5' })).data?.uploadHashpriceIndex).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    const day = await api.db.prisma.hashpriceIndexDay.findUniqueOrThrow({ where: { day: new Date('2026-05-01') } });
    expect([day.updatedByOrgId, day.actor]).toEqual([partner.orgId, `apikey:${key.id}`]);
    await api.gql(PROVIDER, { id: partner.orgId, on: false }, admin);
    expect(errorCode(await upload({ token: key.secret }, input))).toBe('FORBIDDEN');
    expect(await api.db.prisma.auditLog.count({ where: { orgId: partner.orgId, action: { startsWith: 'admin.hashprice_provider' } } })).toBe(2);
  });
});

describe('pool statements', () => {
  let deal: MeteredDeal;
  let other: OrgFixture;
  beforeAll(async () => {
    deal = await createMeteredDeal(api);
    await api.db.prisma.deal.update({ where: { id: deal.dealId }, data: { hashpriceSource: 'POOL_STATEMENTS' } });
    other = await signUpOrg(api, 'MINER', 'pool-other');
  });

  const RECORD = `mutation ($input: RecordPoolStatementsInput!) { recordPoolStatements(input: $input) { inserted updated unchanged } }`;
  const LIST = `query ($d: ID!, $first: Int, $after: String, $filter: PoolStatementFilter) {
    poolStatements(dealId: $d, first: $first, after: $after, filter: $filter) { totalCount edges { node { day hashrateThs earningsUsd effectiveUsdPerPhDay } } pageInfo { hasNextPage endCursor } } }`;
  type PoolList = { poolStatements: { totalCount: number; edges: { node: { day: string } & Record<string, unknown> }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
  const rows = () => api.db.prisma.poolStatementDay.findMany({ where: { dealId: deal.dealId }, orderBy: { day: 'asc' } });
  const record = (caller: Caller, input: Record<string, unknown>) => api.gql<{ recordPoolStatements: Result }>(RECORD, { input: { dealId: deal.dealId, ...input } }, caller);

  it('the host records days (list or CSV), the tenant reads them page by page, a changed day stales unagreed statements', async () => {
    await createStatement(api, deal, '2026-07-01', 'DRAFT');
    const list = [
      { day: '2026-07-01', hashrateThs: 2_000_000, earningsUsd: 90_000.125 },
      { day: '2026-07-02', hashrateThs: 2_000_000, earningsUsd: 88_000 },
    ];
    expect((await record(deal.host, { days: list })).data?.recordPoolStatements).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect((await record(deal.host, { csv: 'day,hashrateThs,earningsUsd\n2026-07-02,2000000,88000\n2026-07-03,1990000.5,87000' })).data?.recordPoolStatements).toEqual({
      inserted: 1,
      updated: 0,
      unchanged: 1,
    });
    await clearStale(api, deal.dealId);
    expect((await record(deal.host, { days: [{ day: '2026-07-01', hashrateThs: 2_000_000, earningsUsd: 90_000.13 }] })).data?.recordPoolStatements).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 1,
    });
    expect(await staleByStatus(api, deal.dealId)).toEqual({ DRAFT: false });
    expect((await record(deal.host, { days: [{ day: '2026-07-01', hashrateThs: 2_000_000, earningsUsd: 91_000 }] })).data?.recordPoolStatements.updated).toBe(1);
    expect(await staleByStatus(api, deal.dealId)).toEqual({ DRAFT: true });

    const first = await api.gql<PoolList>(LIST, { d: deal.dealId, first: 2 }, deal.tenant);
    expect(first.data?.poolStatements.totalCount).toBe(3);
    expect(first.data?.poolStatements.edges.map((edge) => edge.node)).toEqual([
      { day: '2026-07-01', hashrateThs: 2_000_000, earningsUsd: 91_000, effectiveUsdPerPhDay: 45.5 },
      { day: '2026-07-02', hashrateThs: 2_000_000, earningsUsd: 88_000, effectiveUsdPerPhDay: 44 },
    ]);
    const second = await api.gql<PoolList>(LIST, { d: deal.dealId, first: 2, after: first.data?.poolStatements.pageInfo.endCursor }, deal.tenant);
    expect(second.data?.poolStatements.edges.map((edge) => edge.node.day)).toEqual(['2026-07-03']);
    expect(second.data?.poolStatements.pageInfo.hasNextPage).toBe(false);
    const filtered = await api.gql<PoolList>(LIST, { d: deal.dealId, filter: { from: '2026-07-02', to: '2026-07-02' } }, deal.host);
    expect(filtered.data?.poolStatements.edges.map((edge) => edge.node.day)).toEqual(['2026-07-02']);
  });

  it('refuses days outside the deal, pay no fleet earns and bad CSV lines, writing nothing', async () => {
    const before = await rows();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ days: [{ day: '2026-05-31', hashrateThs: 1000, earningsUsd: 40 }] }, 'input.days.0.day', /outside the deal's active period/],
      [{ days: [{ day: '2026-07-05', hashrateThs: 1000, earningsUsd: 2_001 }] }, 'input.days.0.earningsUsd', /more than 2000 USD per PH\/s/],
      [{ days: [{ day: '2026-07-05', hashrateThs: -1, earningsUsd: 0 }] }, 'input.days.0.hashrateThs', /0 or more/],
      [{ csv: '2026-07-05,1000,40\n2026-07-06,1000' }, 'input.csv', /line 2: expected 3 values/],
    ];
    for (const [input, field, message] of cases) {
      const result = await record(deal.host, input);
      expect(result.errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field }));
      expect(result.errors?.[0]?.message).toMatch(message);
    }
    expect(await rows()).toEqual(before);
  });

  it('only the host writes and only the parties read: tenant and partner FORBIDDEN, others NOT_FOUND; index deals CONFLICT', async () => {
    const before = await rows();
    const input = { days: [{ day: '2026-07-09', hashrateThs: 1000, earningsUsd: 40 }] };
    expect(errorCode(await record(deal.tenant, input))).toBe('FORBIDDEN');
    expect(errorCode(await record(other, input))).toBe('NOT_FOUND');
    const meterPartner = await signUpOrg(api, 'PARTNER', 'pool-partner');
    await grantMeterAccess(api, deal.host, deal.dealId, meterPartner.orgId);
    expect(errorCode(await record(meterPartner, input))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(LIST, { d: deal.dealId }, meterPartner))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(LIST, { d: deal.dealId }, other))).toBe('NOT_FOUND');
    const onIndex = await createMeteredDeal(api);
    expect(errorCode(await api.gql(RECORD, { input: { dealId: onIndex.dealId, ...input } }, onIndex.host))).toBe('CONFLICT');
    expect(await rows()).toEqual(before);
  });
});
