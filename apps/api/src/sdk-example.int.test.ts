// The SDK's partner example (packages/sdk/examples/partner-flow.ts), the code `npm run example -w @gridshare/sdk`
// runs against the demo, run against the test API; and the client's pagination and typed errors.
import { CreateColocationRequestDocument, GridshareClient, GridshareError, MeDocument, SearchCapacityDocument } from '@gridshare/sdk';
import { runPartnerExample } from '@gridshare/sdk/examples';
import { type OrgFixture, PASSWORD, createListedBlock, requestInput, signUpOrg } from './testing/fixtures';
import { type TestApi, startTestApi } from './testing/test-api';

let api: TestApi;
let tenant: OrgFixture;
const blockIds: string[] = [];

beforeAll(async () => {
  api = await startTestApi();
  tenant = await signUpOrg(api, 'TENANT', 'sdk-tenant');
  const host = await signUpOrg(api, 'MINER', 'sdk-host');
  for (const priceUsdPerKwMonth of [140, 150, 160]) {
    const listed = await createListedBlock(api, host, { mw: 40, firmMw: 40, availableFrom: '2027-01-01', priceUsdPerKwMonth, minTermMonths: 60 }, { latitude: 30 + priceUsdPerKwMonth / 100 });
    blockIds.push(listed.blockId);
  }
});
afterAll(() => api.close());

const graphqlUrl = () => `${api.url}/graphql`;

it('runs the partner example: lists capacity, creates a request, matches it and reads the matches', async () => {
  const lines: string[] = [];
  const result = await runPartnerExample({ url: graphqlUrl(), email: tenant.email, password: PASSWORD, log: (line) => lines.push(line) });
  expect(result.listings).toBe(3);
  expect(result.matches.length).toBeGreaterThan(0);
  // The cheapest block that holds the 40 MW ranks first.
  expect(result.matches[0]!.sites[0]!.blockIds).toEqual([blockIds[0]]);
  expect(lines.join('\n')).toMatch(/3 capacity listings in all/);
  const stored = await api.db.prisma.colocationRequest.findUnique({ where: { id: result.requestId } });
  expect(stored?.orgId).toBe(tenant.orgId);
  // The example revokes the key it made.
  expect(await api.db.prisma.apiKey.count({ where: { orgId: tenant.orgId, revokedAt: null } })).toBe(0);
});

it('pages through a list with the cursor helper, one listing per request', async () => {
  const client = new GridshareClient({ url: graphqlUrl(), apiKey: tenant.token });
  const seen: string[] = [];
  for await (const listing of client.paginate(SearchCapacityDocument, { first: 1, sort: 'PRICE_ASC' }, (data) => data.searchCapacity)) seen.push(listing.id);
  expect(seen).toEqual(blockIds);
});

it('throws typed errors carrying extensions.code, the field at fault and the request id', async () => {
  const client = new GridshareClient({ url: graphqlUrl(), apiKey: tenant.token });
  const bad = client.request(CreateColocationRequestDocument, { input: { ...requestInput(), totalMw: -5 } as never });
  await expect(bad).rejects.toMatchObject({ name: 'GridshareError', code: 'BAD_USER_INPUT', field: expect.stringContaining('totalMw'), status: 200, requestId: expect.any(String) });

  const anonymous = new GridshareClient({ url: graphqlUrl(), apiKey: 'gsk_not_a_real_key' });
  await expect(anonymous.request(MeDocument)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

  const nowhere = new GridshareClient({ url: 'http://127.0.0.1:9/graphql' });
  const refused = await nowhere.request(MeDocument).catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(GridshareError);
  expect(refused).toMatchObject({ code: 'NETWORK_ERROR' });
});
