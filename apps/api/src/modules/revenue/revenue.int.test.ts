import { type OrgFixture, createApiKey, createProposedDeal, createSite, joinOrg, signUpOrg } from '../../testing/fixtures';
import { type Caller, type GqlResult, type TestApi, startTestApi } from '../../testing/test-api';
import { errorCode } from '../../testing/expect-code';

let api: TestApi;
let a: OrgFixture;
let b: OrgFixture;
let siteA: string;
let siteB: string;

beforeAll(async () => {
  api = await startTestApi();
  a = await signUpOrg(api, 'MINER', 'rev-a');
  b = await signUpOrg(api, 'MINER', 'rev-b');
  siteA = (await createSite(api, a)).id;
  siteB = (await createSite(api, b)).id;
});
afterAll(() => api.close());

const TOTALS = `colocationRevenueUsd energyPassThroughRevenueUsd aiEnergyCostUsd miningEnergyCostUsd energyCostUsd
  miningGrossRevenueUsd poolFeesUsd miningVariableOpexUsd miningFixedOpexUsd demandResponseIncomeUsd miningNetUsd
  backfillPoolUsd backfillDistributedUsd hostShareUsd tenantShareUsd platformFeeUsd aiNonPowerOpexUsd
  aiSegmentEbitdaUsd miningSegmentEbitdaUsd hostEbitdaUsd tenantNetCostUsd`;
const SHAPE = 'meanMw peakMw peakToAverage maxRampMw stdDevMw';
const HOURLY = 'fromHour hours aiMw miningMw idleMw energyPriceUsdPerMwh miningMarginUsdPerMwh';
const MODEL = `query ($input: JSON!, $week: Int, $from: Int, $hours: Int) { revenueModel(input: $input, week: $week) {
  startDate endDate hours availableMw contractedFacilityMw hostHeadroomMw inputs
  totals { ${TOTALS} }
  valuation { miningMultiple dataCentreMultiple atMiningMultipleUsd atDataCentreMultipleUsd upliftUsd sumOfPartsUsd }
  breakEven { energyUsdPerMwh hashpriceUsdPerPhDay averageEnergyUsdPerMwh }
  hashRevenue { grossUsdPerMwh netUsdPerMwh }
  energy { aiMwh miningMwh backfillMwh idleMwh curtailedMwh }
  interconnectionUtilisation { withoutBackfill withBackfill }
  loadShape { aiOnly { ${SHAPE} } withBackfill { ${SHAPE} } }
  hourly(fromHour: $from, hours: $hours) { ${HOURLY} } } }`;
const EBITDA = `query ($input: JSON!) { revenueModel(input: $input) { totals { hostEbitdaUsd } } }`;
const SENSITIVITY = `query ($input: JSON!, $axes: [SensitivityAxisInput!]!) {
  revenueSensitivity(input: $input, axes: $axes) { axes { path values } shape hostEbitdaUsd } }`;
const SAVE = `mutation ($input: SaveRevenueScenarioInput!) {
  saveRevenueScenario(input: $input) { id name siteId inputs results { hostEbitdaUsd hostShareUsd } createdAt } }`;
const LIST = `query ($siteId: ID!, $first: Int, $after: String) { revenueScenarios(siteId: $siteId, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id name siteId } } } }`;

type Totals = Record<string, number>;
type Hourly = { fromHour: number; hours: number; aiMw: number[]; miningMw: number[]; idleMw: number[]; energyPriceUsdPerMwh: number[]; miningMarginUsdPerMwh: number[] };
type Model = {
  hours: number;
  availableMw: number;
  inputs: { mining: { jPerTh: number }; market: { hashpriceUsdPerPhDay: number }; aiLoad: { profile: { kind: string } } };
  totals: Totals;
  valuation: Record<string, number>;
  breakEven: Record<string, number>;
  interconnectionUtilisation: { withoutBackfill: number; withBackfill: number };
  loadShape: { aiOnly: Record<string, number>; withBackfill: Record<string, number> };
  hourly: Hourly;
};
type Scenario = { id: string; name: string; siteId: string; inputs: Model['inputs']; results: Totals; createdAt: string };
type Page = { revenueScenarios: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: Scenario }[] } };

const cents = (usd: number) => Math.round(usd * 100);

async function ok<T>(query: string, variables: Record<string, unknown>, caller: Caller = a): Promise<T> {
  const result = await api.gql<T>(query, variables, caller);
  if (!result.data || result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

const model = (input: unknown, extra: Record<string, unknown> = {}) =>
  ok<{ revenueModel: Model }>(MODEL, { input, ...extra }).then((d) => d.revenueModel);
const hostEbitda = (input: unknown) => ok<{ revenueModel: { totals: Totals } }>(EBITDA, { input }).then((d) => d.revenueModel.totals.hostEbitdaUsd!);
const save = (name: string, siteId: string, inputs: unknown, caller: Caller = a) =>
  ok<{ saveRevenueScenario: Scenario }>(SAVE, { input: { name, siteId, inputs } }, caller).then((d) => d.saveRevenueScenario);

/** One value per line after a header, as a spreadsheet exports it. */
const csv = (values: number[]) => ['hour,utilisation', ...values.map((v, h) => `${h},${v}`)].join('\n');

async function written() {
  const p = api.db.prisma;
  return { scenarios: await p.revenueScenario.count(), audit: await p.auditLog.count() };
}

describe('revenueModel', () => {
  it('models the defaults: finite totals, shares that add up to the cent, a week hour by hour', async () => {
    const result = await model({});
    expect(result.hours).toBe(8760);
    expect(result.inputs.mining.jPerTh).toBe(17.5);
    for (const value of Object.values(result.totals)) expect(Number.isFinite(value)).toBe(true);
    const t = result.totals;
    expect(t.backfillDistributedUsd).toBeGreaterThan(0);
    expect(cents(t.hostShareUsd!) + cents(t.tenantShareUsd!) + cents(t.platformFeeUsd!)).toBe(cents(t.backfillDistributedUsd!));
    expect(cents(t.aiSegmentEbitdaUsd!) + cents(t.miningSegmentEbitdaUsd!)).toBe(cents(t.hostEbitdaUsd!));

    const v = result.valuation;
    expect(cents(v.atMiningMultipleUsd!)).toBe(cents(t.hostEbitdaUsd! * v.miningMultiple!));
    expect(cents(v.upliftUsd!)).toBe(cents(v.atDataCentreMultipleUsd!) - cents(v.atMiningMultipleUsd!));
    expect(result.breakEven.hashpriceUsdPerPhDay).toBeGreaterThan(0);
    expect(result.breakEven.energyUsdPerMwh).toBeGreaterThan(0);
    expect(result.interconnectionUtilisation.withBackfill).toBeGreaterThan(result.interconnectionUtilisation.withoutBackfill);
    expect(result.loadShape.withBackfill.peakToAverage).toBeLessThan(result.loadShape.aiOnly.peakToAverage!);

    const hourly = result.hourly;
    expect(hourly.fromHour).toBe(0);
    expect(hourly.hours).toBe(168);
    for (const series of [hourly.aiMw, hourly.miningMw, hourly.idleMw, hourly.energyPriceUsdPerMwh, hourly.miningMarginUsdPerMwh])
      expect(series).toHaveLength(168);
    hourly.aiMw.forEach((ai, h) => expect(ai + hourly.miningMw[h]! + hourly.idleMw[h]!).toBeCloseTo(result.availableMw, 9));
    expect(Math.max(...hourly.miningMw)).toBeGreaterThan(0);
  });

  it('charts a chosen week, clipped at the end of the year', async () => {
    const week1 = await model({}, { week: 1, hours: 24 });
    expect([week1.hourly.fromHour, week1.hourly.hours]).toEqual([168, 24]);
    const full = await model({}, { from: 168, hours: 24 });
    expect(full.hourly.aiMw).toEqual(week1.hourly.aiMw);
    const last = await model({}, { week: 52 });
    expect([last.hourly.fromHour, last.hourly.hours]).toEqual([52 * 168, 8760 - 52 * 168]);
  });

  it('never lowers host EBITDA when the hashprice rises', async () => {
    const low = await hostEbitda({ market: { hashpriceUsdPerPhDay: 44 } });
    const high = await hostEbitda({ market: { hashpriceUsdPerPhDay: 90 } });
    expect(high).toBeGreaterThan(low);
  });

  it('fills a switched profile from its defaults and reads an uploaded CSV series', async () => {
    const training = await model({ aiLoad: { profile: { kind: 'training' } } });
    expect(training.inputs.aiLoad.profile).toMatchObject({ kind: 'training', availability: 0.8 });

    const series = await model({ aiLoad: { profile: { kind: 'series', csv: csv(new Array<number>(8760).fill(0.5)) } } });
    expect(new Set(series.hourly.aiMw)).toEqual(new Set([70 * 1.3 * 0.5]));
    const sameAsValues = await model({ aiLoad: { profile: { kind: 'series', values: new Array<number>(8760).fill(0.5) } } });
    expect(sameAsValues.totals).toEqual(series.totals);
  });
});

describe('revenueSensitivity', () => {
  it('answers a 3 x 4 grid, row-major, monotone in hashprice and equal to single runs', async () => {
    const hashprices = [30, 44, 60];
    const prices = [40, 50, 60, 70];
    const axes = [
      { path: 'market.hashpriceUsdPerPhDay', values: hashprices },
      { path: 'energy.price.usdPerMwh', values: prices },
    ];
    const grid = (await ok<{ revenueSensitivity: { axes: unknown; shape: number[]; hostEbitdaUsd: number[] } }>(SENSITIVITY, { input: {}, axes }))
      .revenueSensitivity;
    expect(grid.axes).toEqual(axes);
    expect(grid.shape).toEqual([3, 4]);
    expect(grid.hostEbitdaUsd).toHaveLength(12);
    const cell = (i: number, j: number) => grid.hostEbitdaUsd[i * 4 + j]!;
    for (let j = 0; j < 4; j++) for (let i = 1; i < 3; i++) expect(cell(i, j)).toBeGreaterThanOrEqual(cell(i - 1, j));
    const single = await hostEbitda({ market: { hashpriceUsdPerPhDay: 44 }, energy: { price: { kind: 'flat', usdPerMwh: 50 } } });
    expect(cell(1, 1)).toBe(single);
  });
});

describe('bad input', () => {
  const input = (value: unknown) => () => ({ input: value });
  const bigAxes = [
    { path: 'market.hashpriceUsdPerPhDay', values: Array.from({ length: 40 }, (_, i) => i) },
    { path: 'energy.price.usdPerMwh', values: Array.from({ length: 26 }, (_, i) => i) },
  ];
  const cases: [label: string, query: string, variables: () => Record<string, unknown>, field: string | null, message: RegExp][] = [
    ['J/TH 0', MODEL, input({ mining: { jPerTh: 0 } }), 'input.mining.jPerTh', /^input\.mining\.jPerTh: .*greater than 0/],
    ['negative hashprice', MODEL, input({ market: { hashpriceUsdPerPhDay: -1 } }), 'input.market.hashpriceUsdPerPhDay', /0 or more/],
    ['shares not summing to 100', MODEL, input({ deal: { revenueShare: { hostPercent: 70, tenantPercent: 20 } } }), 'input.deal.revenueShare.tenantPercent', /sum to 100/],
    ['series of the wrong length', MODEL, input({ aiLoad: { profile: { kind: 'series', values: [0.5, 0.5, 0.5] } } }), 'input.aiLoad.profile.values', /expected 8760 hourly values.*got 3/],
    ['CSV of the wrong length', MODEL, input({ aiLoad: { profile: { kind: 'series', csv: csv([0.5, 0.5]) } } }), 'input.aiLoad.profile.csv', /line 3: .*after 2 hourly values; expected 8760/],
    ['CSV with a bad line', MODEL, input({ energy: { price: { kind: 'series', csv: '40\n41\nforty-two\n' } } }), 'input.energy.price.csv', /line 3: "forty-two" is not a number/],
    ['series value out of range', MODEL, input({ aiLoad: { profile: { kind: 'series', values: new Array<number>(8760).fill(0.5).fill(1.5, 17, 18) } } }), 'input.aiLoad.profile.values.17', /hour 17 is 1.5/],
    ['unknown field', MODEL, input({ mining: { jPerTH: 12 } }), 'input.mining.jPerTH', /unknown field/],
    ['not an object', MODEL, input([1, 2]), 'input', /must be an object/],
    ['hours > 744', MODEL, () => ({ input: {}, hours: 745 }), 'hours', /at most 744/],
    ['fromHour past the year', MODEL, () => ({ input: {}, week: 52, from: 100 }), 'fromHour', /past the end/],
    ['week 53', MODEL, () => ({ input: {}, week: 53 }), 'week', /at most 52/],
    ['3 axes', SENSITIVITY, () => ({ input: {}, axes: [1, 2, 3].map(() => ({ path: 'site.pue', values: [1.2] })) }), 'axes', /1 or 2 axes/],
    ['1,040 cells', SENSITIVITY, () => ({ input: {}, axes: bigAxes }), 'axes', /1040 cells/],
    ['axis on no field', SENSITIVITY, () => ({ input: {}, axes: [{ path: 'mining.warpFactor', values: [1] }] }), 'axes.0.path', /does not name a numeric field/],
    ['axis value the schema refuses', SENSITIVITY, () => ({ input: {}, axes: [{ path: 'mining.jPerTh', values: [17.5, 0] }] }), 'axes.0.values', /mining\.jPerTh=0/],
    ['save: J/TH 0', SAVE, () => ({ input: { name: 'x', siteId: siteA, inputs: { mining: { jPerTh: 0 } } } }), 'input.inputs.mining.jPerTh', /greater than 0/],
    ['save: extra orgId', SAVE, () => ({ input: { name: 'x', siteId: siteA, inputs: {}, orgId: b.orgId } }), null, /orgId/],
    ['save: empty name', SAVE, () => ({ input: { name: ' ', siteId: siteA, inputs: {} } }), 'input.name', /must not be empty/],
    ['save: site id not a UUID', SAVE, () => ({ input: { name: 'x', siteId: 'site-1', inputs: {} } }), 'input.siteId', /UUID/],
  ];

  it.each(cases)('%s: BAD_USER_INPUT naming the field, nothing written', async (_label, query, variables, field, message) => {
    const before = await written();
    const result = await api.gql(query, variables(), a);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // null: refused by GraphQL's own input coercion, which names the field in its message only.
    if (field !== null) {
      expect(result.errors?.[0]?.extensions?.field).toBe(field);
      expect(result.errors?.[0]?.message.startsWith(`${field}: `)).toBe(true);
    }
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(await written()).toEqual(before);
  });
});

describe('scenarios', () => {
  it('saves normalised inputs and yearly results with an audit row, and lists them newest first', async () => {
    const site = (await createSite(api, a)).id;
    const first = await save('S1', site, { market: { hashpriceUsdPerPhDay: 50 } });
    expect(first).toMatchObject({ name: 'S1', siteId: site });
    expect(first.inputs.mining.jPerTh).toBe(17.5);
    expect(first.inputs.market.hashpriceUsdPerPhDay).toBe(50);
    expect(first.results.hostEbitdaUsd).toBe(await hostEbitda({ market: { hashpriceUsdPerPhDay: 50 } }));
    const row = await api.db.prisma.revenueScenario.findUniqueOrThrow({ where: { id: first.id } });
    expect(row).toMatchObject({ orgId: a.orgId, createdById: a.userId });
    expect(JSON.stringify(row.results)).not.toMatch(/miningMw/);
    const audit = await api.db.prisma.auditLog.findMany({ where: { entityType: 'RevenueScenario', entityId: first.id } });
    expect(audit).toEqual([expect.objectContaining({ orgId: a.orgId, action: 'revenueScenario.created', actor: `user:${a.userId}` })]);

    await save('S2', site, {});
    await save('S3', site, {});
    await save('elsewhere', siteA, {});
    const page1 = (await ok<Page>(LIST, { siteId: site, first: 2 })).revenueScenarios;
    expect(page1.totalCount).toBe(3);
    expect(page1.edges.map((e) => e.node.name)).toEqual(['S3', 'S2']);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await ok<Page>(LIST, { siteId: site, first: 2, after: page1.pageInfo.endCursor })).revenueScenarios;
    expect(page2.edges.map((e) => e.node.name)).toEqual(['S1']);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it("keeps organisations apart: B's site is NOT_FOUND for A, and B's scenarios never show for A", async () => {
    const ofB = await save('B only', siteB, {}, b);
    const before = await written();
    const saveOnB = await api.gql(SAVE, { input: { name: 'sneaky', siteId: siteB, inputs: {} } }, a);
    expect(errorCode(saveOnB)).toBe('NOT_FOUND');
    expect(await written()).toEqual(before);
    expect(errorCode(await api.gql(LIST, { siteId: siteB }, a))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(LIST, { siteId: '00000000-0000-4000-8000-000000000000' }, a))).toBe('NOT_FOUND');

    await save('A own', siteA, {});
    const listA = (await ok<Page>(LIST, { siteId: siteA, first: 100 })).revenueScenarios;
    expect(listA.edges.length).toBeGreaterThan(0);
    expect(listA.edges.map((e) => e.node.id)).not.toContain(ofB.id);
    // B's cursor names a row A cannot see: the page is empty, not B's.
    const cursor = Buffer.from(`v1:${ofB.id}`).toString('base64url');
    const viaCursor = (await ok<Page>(LIST, { siteId: siteA, after: cursor })).revenueScenarios;
    expect(viaCursor.edges.map((e) => e.node.id)).not.toContain(ofB.id);
    expect((await ok<Page>(LIST, { siteId: siteB }, b)).revenueScenarios.edges.map((e) => e.node.name)).toEqual(['B only']);
  });

  it("shares a deal's scenarios between its two parties, and with nobody else", async () => {
    const host = await signUpOrg(api, 'MINER', 'deal-host');
    const tenant = await signUpOrg(api, 'TENANT', 'deal-tenant');
    const { dealId } = await createProposedDeal(api, host, tenant);
    const DEAL_SAVE = `mutation ($input: SaveRevenueScenarioInput!) { saveRevenueScenario(input: $input) { id dealId siteId savedByCaller } }`;
    const DEAL_LIST = `query ($dealId: ID!) { revenueScenarios(dealId: $dealId) { totalCount edges { node { name savedByCaller } } } }`;
    const hostSaved = await api.gql<{ saveRevenueScenario: Record<string, unknown> }>(DEAL_SAVE, { input: { name: 'host view', dealId, inputs: {} } }, host);
    expect(hostSaved.data?.saveRevenueScenario).toMatchObject({ dealId, siteId: null, savedByCaller: true });
    await api.gql(DEAL_SAVE, { input: { name: 'tenant view', dealId, inputs: { market: { hashpriceUsdPerPhDay: 60 } } } }, tenant);
    type DealPage = { revenueScenarios: { totalCount: number; edges: { node: { name: string; savedByCaller: boolean } }[] } };
    for (const [party, own] of [[host, 'host view'], [tenant, 'tenant view']] as const) {
      const list = await api.gql<DealPage>(DEAL_LIST, { dealId }, party);
      expect(list.data?.revenueScenarios.totalCount).toBe(2);
      expect(list.data?.revenueScenarios.edges.find((e) => e.node.savedByCaller)?.node.name).toBe(own);
    }
    const before = await written();
    expect(errorCode(await api.gql(DEAL_LIST, { dealId }, a))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(DEAL_SAVE, { input: { name: 'x', dealId, inputs: {} } }, a))).toBe('NOT_FOUND');
    const both = await api.gql(DEAL_SAVE, { input: { name: 'x', dealId, siteId: siteA, inputs: {} } }, a);
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.siteId' });
    expect(await written()).toEqual(before);
  });
});

describe('permissions', () => {
  it('lets a VIEWER model and read scenarios but not save', async () => {
    const person = await signUpOrg(api, 'TENANT', 'rev-viewer');
    await joinOrg(api, a, person, 'VIEWER');
    const viewer = { token: person.token, orgId: a.orgId };
    expect((await api.gql(EBITDA, { input: {} }, viewer)).errors).toBeUndefined();
    expect((await api.gql(LIST, { siteId: siteA }, viewer)).errors).toBeUndefined();
    const before = await written();
    const saved = await api.gql(SAVE, { input: { name: 'viewer', siteId: siteA, inputs: {} } }, viewer);
    expect(errorCode(saved)).toBe('FORBIDDEN');
    expect(saved.errors?.[0]?.message).toMatch(/VIEWER/);
    expect(await written()).toEqual(before);
  });

  it('needs SITES_READ on an API key to model, SITES_WRITE to save', async () => {
    const orgOnly = { token: (await createApiKey(api, a, ['ORG_READ'])).secret };
    expect(errorCode(await api.gql(EBITDA, { input: {} }, orgOnly))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(SENSITIVITY, { input: {}, axes: [{ path: 'site.pue', values: [1.2] }] }, orgOnly))).toBe('FORBIDDEN');
    const reader = { token: (await createApiKey(api, a, ['SITES_READ'])).secret };
    expect((await api.gql(EBITDA, { input: {} }, reader)).errors).toBeUndefined();
    expect(errorCode(await api.gql(SAVE, { input: { name: 'key', siteId: siteA, inputs: {} } }, reader))).toBe('FORBIDDEN');
    const writer = { token: (await createApiKey(api, a, ['SITES_WRITE'])).secret };
    expect((await save('by key', siteA, {}, writer)).name).toBe('by key');
    const row = await api.db.prisma.revenueScenario.findFirstOrThrow({ where: { orgId: a.orgId, name: 'by key' } });
    expect(row.createdById).toBeNull();
  });

  it('refuses anonymous callers', async () => {
    expect(errorCode(await api.gql(EBITDA, { input: {} }))).toBe('UNAUTHENTICATED');
  });
});
