import { type OrgFixture, SITE_FIELDS, createSite, signUpOrg, siteInput } from '../../testing/fixtures';
import { type TestApi, startTestApi } from '../../testing/test-api';

let api: TestApi;
let miner: OrgFixture;

beforeAll(async () => {
  api = await startTestApi();
  miner = await signUpOrg(api, 'MINER', 'sites');
});
afterAll(() => api.close());

const CREATE = `mutation ($input: CreateSiteInput!) { createSite(input: $input) { ${SITE_FIELDS} organization { id } } }`;

describe('sites', () => {
  it('creates a site in the caller organisation and converts units', async () => {
    const result = await api.gql<{ createSite: Record<string, unknown> & { organization: { id: string } } }>(
      CREATE,
      { input: siteInput({ name: 'Permian One', energyPriceUsdPerMwh: 41.37 }) },
      miner,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.createSite).toMatchObject({
      name: 'Permian One',
      energizedMw: 120,
      energyPriceUsdPerMwh: 41.37,
      status: 'ACTIVE',
      organization: { id: miner.orgId },
    });
  });

  it('updates only the given fields and archives', async () => {
    const site = await createSite(api, miner, { energizedMw: 200, miningMw: 150 });
    const updated = await api.gql<{ updateSite: { energizedMw: number; miningMw: number; name: string } }>(
      `mutation ($id: ID!, $input: UpdateSiteInput!) { updateSite(id: $id, input: $input) { name energizedMw miningMw } }`,
      { id: site.id, input: { energizedMw: 250 } },
      miner,
    );
    expect(updated.data?.updateSite).toEqual({ name: site.name, energizedMw: 250, miningMw: 150 });

    const archived = await api.gql<{ archiveSite: { status: string } }>(`mutation ($id: ID!) { archiveSite(id: $id) { status } }`, { id: site.id }, miner);
    expect(archived.data?.archiveSite.status).toBe('ARCHIVED');
    const again = await api.gql(`mutation ($id: ID!) { archiveSite(id: $id) { status } }`, { id: site.id }, miner);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('paginates with cursors, filters, and counts', async () => {
    const org = await signUpOrg(api, 'MINER', 'paging');
    for (const [i, region] of ['Texas', 'Texas', 'Ohio', 'Texas', 'Québec'].entries()) {
      await createSite(api, org, { name: `P${i}`, region, energizedMw: 50 + i * 100, miningMw: 10 });
    }
    const query = `query ($first: Int, $after: String, $filter: SiteFilter) {
      sites(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }`;
    type Page = { sites: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { name: string } }[] } };
    const first = await api.gql<Page>(query, { first: 2 }, org);
    expect(first.data?.sites.totalCount).toBe(5);
    expect(first.data?.sites.edges.map((e) => e.node.name)).toEqual(['P4', 'P3']);
    expect(first.data?.sites.pageInfo.hasNextPage).toBe(true);
    const second = await api.gql<Page>(query, { first: 2, after: first.data?.sites.pageInfo.endCursor }, org);
    expect(second.data?.sites.edges.map((e) => e.node.name)).toEqual(['P2', 'P1']);
    const third = await api.gql<Page>(query, { first: 2, after: second.data?.sites.pageInfo.endCursor }, org);
    expect(third.data?.sites.edges.map((e) => e.node.name)).toEqual(['P0']);
    expect(third.data?.sites.pageInfo.hasNextPage).toBe(false);

    const texasBig = await api.gql<Page>(query, { first: 10, filter: { regions: ['Texas'], minEnergizedMw: 100 } }, org);
    expect(texasBig.data?.sites.edges.map((e) => e.node.name)).toEqual(['P3', 'P1']);
    expect(texasBig.data?.sites.totalCount).toBe(2);
  });

  it('refuses a page larger than 100 and a forged cursor', async () => {
    const big = await api.gql(`{ sites(first: 101) { totalCount } }`, {}, miner);
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const forged = await api.gql(`{ sites(first: 5, after: "bm90LWEtY3Vyc29y") { totalCount } }`, {}, miner);
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
