// Input that used to become a 500 (issue 14, item 7): a 3,000-deep JSON variable, a tampered search cursor
// and NUL bytes in names are BAD_USER_INPUT naming the field, never INTERNAL_SERVER_ERROR; dates the
// domain wants in the future (a request's phases, a block's start) are refused in the past.
import { randomUUID } from 'node:crypto';
import { type OrgFixture, blockInput, createBlock, createSite, requestInput, signUpOrg, siteInput } from '../testing/fixtures';
import { type GqlResult, type TestApi, startTestApi } from '../testing/test-api';

let api: TestApi;
let miner: OrgFixture;
let tenant: OrgFixture;
let siteId: string;

beforeAll(async () => {
  api = await startTestApi();
  miner = await signUpOrg(api, 'MINER', 'hostile');
  tenant = await signUpOrg(api, 'TENANT', 'hostile-tenant');
  siteId = (await createSite(api, miner)).id;
});
afterAll(() => api.close());

function expectRefused(result: GqlResult<unknown>, field: string) {
  expect(result.data ?? null).toBeNull();
  expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(result.errors?.[0]?.message.startsWith(`${field}:`)).toBe(true);
}

/** JSON text nesting `depth` levels: objects (`{"a":{"a":…1}}`) or arrays (`[[…1]]`). */
const deepJson = (depth: number, kind: 'objects' | 'arrays') =>
  kind === 'objects' ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}1${']'.repeat(depth)}`;

/** Built as text: JSON.stringify itself overflows the stack on values this deep. */
async function sendWithDeepVariable(query: string, variables: (deep: string) => string, deep: string) {
  const response = await api.post(`{"query":${JSON.stringify(query)},"variables":${variables(deep)}}`, { authorization: `Bearer ${miner.token}` });
  return { status: response.status, ...((await response.json()) as object) } as GqlResult<unknown>;
}

describe('deeply nested JSON', () => {
  const MODEL = `query ($input: JSON!) { revenueModel(input: $input) { hours } }`;
  const SAVE = `mutation ($input: SaveRevenueScenarioInput!) { saveRevenueScenario(input: $input) { id } }`;

  it.each([
    ['objects 3,000 deep', 3_000, 'objects'],
    ['arrays 3,000 deep', 3_000, 'arrays'],
    ['arrays 40,000 deep (about as deep as the body limit allows)', 40_000, 'arrays'],
  ] as const)('revenueModel refuses %s naming the argument', async (_label, depth, kind) => {
    expectRefused(await sendWithDeepVariable(MODEL, (deep) => `{"input":${deep}}`, deepJson(depth, kind)), 'input');
  });

  it('saveRevenueScenario refuses 3,000-deep inputs naming input.inputs, and stores nothing', async () => {
    const before = await api.db.prisma.revenueScenario.count();
    const variables = (deep: string) => `{"input":{"name":"Deep","siteId":"${siteId}","inputs":${deep}}}`;
    expectRefused(await sendWithDeepVariable(SAVE, variables, deepJson(3_000, 'objects')), 'input.inputs');
    expect(await api.db.prisma.revenueScenario.count()).toBe(before);
  });
});

describe('tampered search cursors', () => {
  const SEARCH = `query ($after: String, $sort: CapacitySort) { searchCapacity(first: 5, after: $after, sort: $sort) { totalCount } }`;
  const cursor = (body: object) => Buffer.from(JSON.stringify(body)).toString('base64url');

  it.each([
    ['PRICE_ASC', 'abc'],
    ['PRICE_ASC', '1e999'],
    ['MW_DESC', 'lots'],
    ['MW_DESC', 'NaN'],
    ['AVAILABLE_FROM_ASC', '2026-13-45'],
    ['AVAILABLE_FROM_ASC', 'yesterday'],
    ['READINESS_DESC', '--1'],
  ])('a %s cursor holding %j is BAD_USER_INPUT on after', async (sort, value) => {
    expectRefused(await api.gql(SEARCH, { sort, after: cursor({ s: sort, v: value, id: randomUUID() }) }, tenant), 'after');
  });
});

describe('NUL bytes in text', () => {
  const NUL = 'Bad\u0000Name';
  const cases: [string, string, () => Record<string, unknown>, string, () => OrgFixture][] = [
    ['createSite name', `mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }`, () => ({ input: siteInput({ name: NUL }) }), 'input.name', () => miner],
    ['updateSite name', `mutation ($id: ID!, $input: UpdateSiteInput!) { updateSite(id: $id, input: $input) { id } }`, () => ({ id: siteId, input: { name: NUL } }), 'input.name', () => miner],
    ['createSite carrier', `mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }`, () => ({ input: siteInput({ carriers: ['Zayo', NUL] }) }), 'input.carriers.1', () => miner],
    ['createOrganization name', `mutation ($name: String!) { createOrganization(input: { name: $name, kind: MINER }) { id } }`, () => ({ name: NUL }), 'input.name', () => miner],
    ['createApiKey name', `mutation ($name: String!) { createApiKey(input: { name: $name, scopes: [SITES_READ] }) { secret } }`, () => ({ name: NUL }), 'input.name', () => miner],
    ['createColocationRequest title', `mutation ($input: CreateColocationRequestInput!) { createColocationRequest(input: $input) { id } }`, () => ({ input: requestInput({ title: NUL }) }), 'input.title', () => tenant],
    ['saveRevenueScenario name', `mutation ($input: SaveRevenueScenarioInput!) { saveRevenueScenario(input: $input) { id } }`, () => ({ input: { name: NUL, siteId, inputs: {} } }), 'input.name', () => miner],
    ['signUp name', `mutation ($input: SignUpInput!) { signUp(input: $input) { __typename } }`, () => ({ input: { email: 'nul@example.test', password: 'long enough pw', name: NUL, organizationName: 'Fine Org', organizationKind: 'MINER' } }), 'input.name', () => miner],
  ];

  it.each(cases)('%s is refused naming the field, and nothing is written', async (_label, query, variables, field, caller) => {
    const before = { sites: await api.db.prisma.site.count(), audit: await api.db.prisma.auditLog.count(), users: await api.db.prisma.user.count() };
    expectRefused(await api.gql(query, variables(), caller()), field);
    expect({ sites: await api.db.prisma.site.count(), audit: await api.db.prisma.auditLog.count(), users: await api.db.prisma.user.count() }).toEqual(before);
  });
});

describe('dates the domain wants ahead', () => {
  const CREATE_REQUEST = `mutation ($input: CreateColocationRequestInput!) { createColocationRequest(input: $input) { id } }`;
  const CREATE_BLOCK = `mutation ($input: CreateCapacityBlockInput!) { createCapacityBlock(input: $input) { id } }`;

  it('refuses a request phase needed by 2001-01-01', async () => {
    const phases = [{ mw: 50, neededBy: '2001-01-01' }, { mw: 150, neededBy: '2028-09-30' }];
    expectRefused(await api.gql(CREATE_REQUEST, { input: requestInput({ phases }) }, tenant), 'input.phases.0.neededBy');
  });

  it('refuses moving a request phase into the past', async () => {
    const created = await api.gql<{ createColocationRequest: { id: string } }>(CREATE_REQUEST, { input: requestInput() }, tenant);
    const id = created.data!.createColocationRequest.id;
    const update = `mutation ($id: ID!, $input: UpdateColocationRequestInput!) { updateColocationRequest(id: $id, input: $input) { id } }`;
    expectRefused(await api.gql(update, { id, input: { phases: [{ mw: 200, neededBy: '2020-01-01' }] } }, tenant), 'input.phases.0.neededBy');
  });

  it('refuses a block available from 2020-01-01, at creation and by update', async () => {
    const site = await createSite(api, miner, { liveDate: '2019-01-01' });
    expectRefused(await api.gql(CREATE_BLOCK, { input: blockInput(site.id, { availableFrom: '2020-01-01' }) }, miner), 'input.availableFrom');
    const block = await createBlock(api, miner, site.id);
    const update = `mutation ($id: ID!, $input: UpdateCapacityBlockInput!) { updateCapacityBlock(id: $id, input: $input) { id } }`;
    expectRefused(await api.gql(update, { id: block.id, input: { availableFrom: '2020-01-01' } }, miner), 'input.availableFrom');
  });
});

describe('today, by the real clock', () => {
  let live: TestApi;
  beforeAll(async () => {
    // Without the test suite's fixed date: the rule as production applies it.
    live = await startTestApi({ env: { TEST_ONLY_TODAY: '' } });
  });
  afterAll(() => live.close());

  it('accepts a block available from today and refuses one from yesterday', async () => {
    const host = await signUpOrg(live, 'MINER', 'today');
    const site = await createSite(live, host, { liveDate: '2020-01-01' });
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const CREATE_BLOCK = `mutation ($input: CreateCapacityBlockInput!) { createCapacityBlock(input: $input) { id } }`;
    expectRefused(await live.gql(CREATE_BLOCK, { input: blockInput(site.id, { mw: 1, firmMw: 1, availableFrom: day(-1) }) }, host), 'input.availableFrom');
    const today = await live.gql<{ createCapacityBlock: { id: string } }>(CREATE_BLOCK, { input: blockInput(site.id, { mw: 1, firmMw: 1, availableFrom: day(0) }) }, host);
    expect(today.errors).toBeUndefined();
  });
});
