// totalCount stops counting at COUNT_CAP and says so.
import { createListedBlock, signUpOrg } from '../../testing/fixtures';
import { type TestApi, startTestApi } from '../../testing/test-api';
import { COUNT_CAP } from './search.service';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

it(`counts exactly up to ${COUNT_CAP} listings and reports a lower bound beyond`, async () => {
  const host = await signUpOrg(api, 'MINER', 'many-blocks');
  const tenant = await signUpOrg(api, 'TENANT', 'counter');
  const { siteId, blockId } = await createListedBlock(api, host, { mw: 1, firmMw: 1 }, { energizedMw: 5000, miningMw: 0, liveDate: '2025-01-01' });
  const template = await api.db.prisma.capacityBlock.findUniqueOrThrow({ where: { id: blockId } });
  const { id: _id, createdAt: _c, updatedAt: _u, ...copy } = template;
  // One statement: the listing trigger refreshes the site once.
  await api.db.prisma.capacityBlock.createMany({ data: Array.from({ length: COUNT_CAP }, (_, i) => ({ ...copy, priceCentsPerKwMonth: 10_000 + i })) });

  const SEARCH = `query ($filter: CapacitySearchFilter) { searchCapacity(first: 1, filter: $filter) { totalCount totalCountIsExact edges { node { site { id } } } } }`;
  type Result = { searchCapacity: { totalCount: number; totalCountIsExact: boolean; edges: { node: { site: { id: string } } }[] } };
  const all = await api.gql<Result>(SEARCH, {}, tenant);
  expect(all.data?.searchCapacity).toMatchObject({ totalCount: COUNT_CAP, totalCountIsExact: false });
  expect(all.data?.searchCapacity.edges[0]?.node.site.id).toBe(siteId);
  const some = await api.gql<Result>(SEARCH, { filter: { maxPriceUsdPerKwMonth: 100.04 } }, tenant);
  expect(some.data?.searchCapacity).toMatchObject({ totalCount: 5, totalCountIsExact: true });
});
