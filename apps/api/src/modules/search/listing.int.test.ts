// What a tenant reads to act on listings: the regions and grid operators with capacity (for suggestions) and the lease-term filter.
import { type OrgFixture, createApiKey, createListedBlock, signUpOrg } from '../../testing/fixtures';
import { errorCode } from '../../testing/expect-code';
import { CACHE_STATUS_HEADER } from '../../graphql/response-cache';
import { type TestApi, startTestApi } from '../../testing/test-api';

let api: TestApi;
let tenant: OrgFixture;
let long: { blockId: string };
let short: { blockId: string };

beforeAll(async () => {
  api = await startTestApi();
  tenant = await signUpOrg(api, 'TENANT', 'regions-tenant');
  const host = await signUpOrg(api, 'MINER', 'regions-host');
  long = await createListedBlock(api, host, { minTermMonths: 144 }, { region: 'Nordland', country: 'NO', gridOperator: 'NORDPOOL' });
  short = await createListedBlock(api, host, { minTermMonths: 36 }, { region: 'Nordland', country: 'NO', gridOperator: 'NORDPOOL' });
});
afterAll(() => api.close());

it('lists the regions with listed capacity and how many sites each has', async () => {
  const result = await api.gql<{ listedRegions: { country: string; region: string; sites: number }[] }>(`{ listedRegions { country region sites } }`, {}, tenant);
  expect(result.data?.listedRegions).toContainEqual({ country: 'NO', region: 'Nordland', sites: 2 });
});

it('lists the grid operators with listed capacity and how many sites each has; a key without capacity:read gets none', async () => {
  const result = await api.gql<{ listedGridOperators: { gridOperator: string; sites: number }[] }>(`{ listedGridOperators { gridOperator sites } }`, {}, tenant);
  expect(result.data?.listedGridOperators.find((g) => g.gridOperator === 'NORDPOOL')?.sites).toBeGreaterThanOrEqual(2);
  const orgOnly = await createApiKey(api, tenant, ['ORG_READ']);
  expect(errorCode(await api.gql(`{ listedGridOperators { gridOperator } }`, {}, { token: orgOnly.secret }))).toBe('FORBIDDEN');
});

it('replays the lists (they are the same for every reader) until a listing changes', async () => {
  const LISTS = `{ listedRegions { country region sites } listedGridOperators { gridOperator sites } }`;
  const lists = async () => {
    const response = await api.post(JSON.stringify({ query: LISTS }), { authorization: `Bearer ${tenant.token}` });
    const body = (await response.json()) as { data: { listedRegions: { region: string }[] } };
    return { cache: response.headers.get(CACHE_STATUS_HEADER), regions: body.data.listedRegions.map((r) => r.region) };
  };
  await lists();
  expect(await lists()).toMatchObject({ cache: 'hit' });
  const host = await signUpOrg(api, 'MINER', 'regions-new-host');
  await createListedBlock(api, host, {}, { region: 'Troms', country: 'NO', gridOperator: 'NORDPOOL' });
  const fresh = await lists();
  expect(fresh.cache).toBe('miss');
  expect(fresh.regions).toContain('Troms');
});

it('filters by the lease term wanted: only blocks whose minimum term it meets', async () => {
  const search = (termMonths: number) =>
    api.gql<{ searchCapacity: { edges: { node: { id: string } }[] } }>(
      `query ($f: CapacitySearchFilter) { searchCapacity(first: 50, filter: $f) { edges { node { id } } } }`,
      { f: { regions: ['Nordland'], termMonths } },
      tenant,
    );
  const ids = async (termMonths: number) => (await search(termMonths)).data?.searchCapacity.edges.map((e) => e.node.id).sort();
  expect(await ids(120)).toEqual([short.blockId]);
  expect(await ids(144)).toEqual([long.blockId, short.blockId].sort());
  const bad = await search(0);
  expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.termMonths' });
});
