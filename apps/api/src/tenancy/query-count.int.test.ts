// Lists never issue one query per item: 100 sites with their organisation cost a fixed handful of queries.
import { toSiteCreateData } from '../modules/sites/sites.mappers';
import { ZCreateSiteInput } from '../modules/sites/sites.schemas';
import { type OrgFixture, signUpOrg, siteInput } from '../testing/fixtures';
import { type TestApi, startTestApi } from '../testing/test-api';

const statements: string[] = [];
let api: TestApi;
let miner: OrgFixture;

beforeAll(async () => {
  api = await startTestApi({ onQuery: (sql) => statements.push(sql) });
  miner = await signUpOrg(api, 'MINER', 'count');
  // 100 sites straight into the database: this test is about reading them.
  const site = toSiteCreateData(ZCreateSiteInput.parse(siteInput()), miner.orgId);
  await api.db.prisma.site.createMany({ data: Array.from({ length: 100 }, (_, i) => ({ ...site, name: `Count ${i}` })) });
});
afterAll(() => api.close());

/** Statements that read or write tables: not BEGIN/COMMIT, not the scope's set_config. */
function dataQueries(sql: string[]): string[] {
  return sql.filter((s) => /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i.test(s) && !/set_config\(/i.test(s));
}

it('lists 100 sites with their organisation and total in at most 4 SQL queries', async () => {
  statements.length = 0;
  const result = await api.gql<{ sites: { totalCount: number; edges: { node: { organization: { id: string } } }[] } }>(
    `{ sites(first: 100) { totalCount edges { node { id name energizedMw organization { id name kind } } } } }`,
    {},
    miner,
  );
  expect(result.errors).toBeUndefined();
  expect(result.data?.sites.edges).toHaveLength(100);
  expect(result.data?.sites.totalCount).toBe(100);
  expect(result.data?.sites.edges.every((e) => e.node.organization.id === miner.orgId)).toBe(true);
  const queries = dataQueries(statements);
  // Session lookup, sites page, count, organisations (one DataLoader batch).
  expect(queries.length).toBeLessThanOrEqual(4);
  expect(queries.filter((q) => /FROM "public"\."Organization"/.test(q))).toHaveLength(1);
});
