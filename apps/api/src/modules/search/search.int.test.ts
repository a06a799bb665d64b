// Each filter alone and combined returns exactly the blocks it should; sorts and pages are stable;
// unverified sites, drafts and suspended hosts never show; nothing reveals a site's name or location.
import { type OrgFixture, createBlock, createSite, signUpOrg } from '../../testing/fixtures';
import { type TestApi, startTestApi } from '../../testing/test-api';

let api: TestApi;
let tenant: OrgFixture;
const label = new Map<string, string>(); // block id → label
const siteNames: string[] = [];

const SITES = {
  S1: { region: 'Texas', gridOperator: 'ERCOT', country: 'US', coolingType: 'DIRECT_TO_CHIP', redundancy: 'TWO_N', maxRackDensityKw: 132, latencyToHubMs: 5, renewableSharePct: 30, latitude: 31.0423, longitude: -100.0871, energizedMw: 300 },
  S2: { region: 'Ohio', gridOperator: 'PJM', country: 'US', coolingType: 'AIR', redundancy: 'N', maxRackDensityKw: 20, latencyToHubMs: 12, renewableSharePct: 10, latitude: 40.0192, longitude: -82.9381, energizedMw: 100 },
  S3: { region: 'Québec', gridOperator: 'HYDRO_QUEBEC', country: 'CA', coolingType: 'IMMERSION', redundancy: 'N_PLUS_1', maxRackDensityKw: 60, latencyToHubMs: 8, renewableSharePct: 100, latitude: 46.8139, longitude: -71.2082, energizedMw: 150 },
} as const;

const BLOCKS = [
  ['B1', 'S1', { mw: 100, firmMw: 100, priceUsdPerKwMonth: 180, availableFrom: '2026-03-01', kind: 'COLOCATION' }],
  ['B2', 'S1', { mw: 150, firmMw: 120, priceUsdPerKwMonth: 160, availableFrom: '2027-01-01', kind: 'POWERED_SHELL' }],
  ['B3', 'S2', { mw: 40, firmMw: 40, priceUsdPerKwMonth: 120, availableFrom: '2026-01-15', kind: 'MINING_HOSTING' }],
  ['B4', 'S3', { mw: 50, firmMw: 50, priceUsdPerKwMonth: 140, availableFrom: '2026-06-01', kind: 'COLOCATION' }],
  ['B5', 'S3', { mw: 60, firmMw: 40, priceUsdPerKwMonth: 150, availableFrom: '2026-09-01', kind: 'BUILD_TO_SUIT' }],
] as const;

async function publish(caller: OrgFixture, siteId: string, overrides: Record<string, unknown>) {
  const block = await createBlock(api, caller, siteId, overrides);
  await api.gql(`mutation ($id: ID!) { publishCapacityBlock(id: $id) { id } }`, { id: block.id }, caller);
  return block.id;
}

beforeAll(async () => {
  api = await startTestApi();
  tenant = await signUpOrg(api, 'TENANT', 'searcher');
  const host = await signUpOrg(api, 'MINER', 'host');
  const siteIds: Record<string, string> = {};
  for (const [key, attrs] of Object.entries(SITES)) {
    const site = await createSite(api, host, { ...attrs, liveDate: '2025-01-01', miningMw: 0 });
    siteIds[key] = site.id;
    siteNames.push(site.name);
  }
  for (const [name, site, attrs] of BLOCKS) label.set(await publish(host, siteIds[site]!, attrs), name);
  await createBlock(api, host, siteIds.S2!, { mw: 20, firmMw: 20 }); // a draft: never listed
  await api.db.prisma.site.updateMany({ where: { id: { in: Object.values(siteIds) } }, data: { verification: 'VERIFIED' } });
  await api.db.prisma.site.update({ where: { id: siteIds.S1! }, data: { readinessScore: 90 } });
  await api.db.prisma.site.update({ where: { id: siteIds.S2! }, data: { readinessScore: null } });
  await api.db.prisma.site.update({ where: { id: siteIds.S3! }, data: { readinessScore: 70 } });

  // Would match every filter, but its site is unverified…
  const unverified = await createSite(api, host, { ...SITES.S1, liveDate: '2025-01-01', miningMw: 0 });
  await publish(host, unverified.id, BLOCKS[0][2]);
  // …and this host is suspended.
  const suspended = await signUpOrg(api, 'MINER', 'suspended');
  const theirSite = await createSite(api, suspended, { ...SITES.S1, liveDate: '2025-01-01', miningMw: 0 });
  await publish(suspended, theirSite.id, BLOCKS[0][2]);
  await api.db.prisma.site.update({ where: { id: theirSite.id }, data: { verification: 'VERIFIED' } });
  await api.db.prisma.organization.update({ where: { id: suspended.orgId }, data: { status: 'SUSPENDED' } });
});
afterAll(() => api.close());

const SEARCH = `query ($filter: CapacitySearchFilter, $sort: CapacitySort, $first: Int, $after: String) {
  searchCapacity(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id kind mw firmMw interruptibleMw availableFrom priceUsdPerKwMonth minTermMonths
      site { id country region gridOperator energizedMw coolingType redundancy maxRackDensityKw latencyToHubMs renewableSharePct readinessScore } } } } }`;

type Page = { searchCapacity: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string } }[] } };

async function search(variables: Record<string, unknown>) {
  const result = await api.gql<Page>(SEARCH, { first: 100, ...variables }, tenant);
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.searchCapacity;
}

const labels = (page: Page['searchCapacity']) => page.edges.map((e) => label.get(e.node.id) ?? `?${e.node.id}`);

describe('filters', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['no filter', {}, ['B1', 'B2', 'B3', 'B4', 'B5']],
    ['minBlockMw', { minBlockMw: 60 }, ['B1', 'B2', 'B5']],
    ['minContiguousMw', { minContiguousMw: 200 }, ['B1', 'B2']],
    ['minContiguousMw by a date', { minContiguousMw: 200, availableBy: '2026-12-31' }, []],
    ['availableBy', { availableBy: '2026-06-01' }, ['B1', 'B3', 'B4']],
    ['countries', { countries: ['ca'] }, ['B4', 'B5']],
    ['regions', { regions: ['Texas'] }, ['B1', 'B2']],
    ['gridOperators (any case)', { gridOperators: ['pjm'] }, ['B3']],
    ['maxPriceUsdPerKwMonth', { maxPriceUsdPerKwMonth: 150 }, ['B3', 'B4', 'B5']],
    ['minRackDensityKw', { minRackDensityKw: 60 }, ['B1', 'B2', 'B4', 'B5']],
    ['liquidCoolingRequired', { liquidCoolingRequired: true }, ['B1', 'B2']],
    ['coolingTypes', { coolingTypes: ['AIR', 'IMMERSION'] }, ['B3', 'B4', 'B5']],
    ['minRedundancy', { minRedundancy: 'N_PLUS_1' }, ['B1', 'B2', 'B4', 'B5']],
    ['maxLatencyMs', { maxLatencyMs: 8 }, ['B1', 'B2', 'B4', 'B5']],
    ['minRenewableSharePct', { minRenewableSharePct: 50 }, ['B4', 'B5']],
    ['kinds', { kinds: ['COLOCATION'] }, ['B1', 'B4']],
    ['near Dallas, 500 km', { near: { latitude: 32.78, longitude: -96.8, radiusKm: 500 } }, ['B1', 'B2']],
    ['near Dallas, 300 km', { near: { latitude: 32.78, longitude: -96.8, radiusKm: 300 } }, []],
    ['combined', { countries: ['US'], maxPriceUsdPerKwMonth: 170, minRedundancy: 'N' }, ['B2', 'B3']],
    ['combined, liquid + price', { liquidCoolingRequired: true, maxPriceUsdPerKwMonth: 170, minContiguousMw: 100 }, ['B2']],
  ])('%s', async (_name, filter, expected) => {
    const page = await search({ filter, sort: 'PRICE_ASC' });
    expect(labels(page).sort()).toEqual([...expected].sort());
    expect(page.totalCount).toBe(expected.length);
  });

  it('refuses bad filters naming the field', async () => {
    for (const [filter, field] of [
      [{ near: { latitude: 95, longitude: 0, radiusKm: 10 } }, 'filter.near.latitude'],
      [{ minRenewableSharePct: 101 }, 'filter.minRenewableSharePct'],
      [{ countries: ['USA'] }, 'filter.countries.0'],
      [{ maxPriceUsdPerKwMonth: -1 }, 'filter.maxPriceUsdPerKwMonth'],
    ] as const) {
      const result = await api.gql(SEARCH, { filter }, tenant);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});

describe('sorting and pages', () => {
  it.each([
    ['PRICE_ASC', ['B3', 'B4', 'B5', 'B2', 'B1']],
    ['MW_DESC', ['B2', 'B1', 'B5', 'B4', 'B3']],
    ['AVAILABLE_FROM_ASC', ['B3', 'B1', 'B4', 'B5', 'B2']],
  ])('%s, read two at a time, gives every listing once in order', async (sort, expected) => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Page['searchCapacity'] = await search({ sort, first: 2, after });
      seen.push(...labels(page));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(expected);
  });

  it('READINESS_DESC puts unassessed sites last', async () => {
    const order = labels(await search({ sort: 'READINESS_DESC' }));
    expect(order.slice(0, 2).sort()).toEqual(['B1', 'B2']);
    expect(order.slice(2, 4).sort()).toEqual(['B4', 'B5']);
    expect(order[4]).toBe('B3');
  });

  it('refuses a cursor made for another sort', async () => {
    const first = await search({ sort: 'PRICE_ASC', first: 1 });
    const result = await api.gql(SEARCH, { sort: 'MW_DESC', first: 1, after: first.pageInfo.endCursor }, tenant);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('privacy', () => {
  it('has no field for a site’s name, coordinates or host', async () => {
    for (const field of ['name', 'latitude', 'longitude', 'organization']) {
      const result = await api.gql(`{ searchCapacity { edges { node { site { ${field} } } } } }`, {}, tenant);
      expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('never puts a site name or an exact coordinate in a response', async () => {
    const response = await api.post(JSON.stringify({ query: SEARCH, variables: { first: 100 } }), { authorization: `Bearer ${tenant.token}` });
    const text = await response.text();
    for (const name of siteNames) expect(text).not.toContain(name);
    for (const site of Object.values(SITES)) {
      expect(text).not.toContain(String(site.latitude));
      expect(text).not.toContain(String(site.longitude));
    }
  });
});
