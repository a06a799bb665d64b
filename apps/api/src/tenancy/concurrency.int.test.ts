// The org setting is transaction-local: with 2 pooled connections serving 200 interleaved requests from
// two organisations, no response carries a row of the other organisation.
import { type OrgFixture, createSite, signUpOrg } from '../testing/fixtures';
import { type TestApi, startTestApi } from '../testing/test-api';

let api: TestApi;
let a: OrgFixture;
let b: OrgFixture;
const own = new Map<string, Set<string>>();

beforeAll(async () => {
  api = await startTestApi({ poolMax: 2 });
  a = await signUpOrg(api, 'MINER', 'conc-a');
  b = await signUpOrg(api, 'MINER', 'conc-b');
  for (const org of [a, b]) {
    const ids = new Set<string>();
    for (let i = 0; i < 3; i++) ids.add((await createSite(api, org)).id);
    own.set(org.orgId, ids);
  }
});
afterAll(() => api.close());

// 20 in flight at a time: each connection serves a queue of interleaved organisations. On a loaded machine
// a request can still wait past the 5 s for a connection (each transaction's round trips wait for an event
// loop busy with the other 19): it is then refused with a typed 503 that carries no rows, and a client
// retries it after Retry-After, as this one does.
const IN_FLIGHT = 20;
type Sites = { sites: { edges: { node: { id: string; organization: { id: string } } }[] } };
const SITES = `{ sites(first: 100) { edges { node { id organization { id } } } } }`;

async function sitesOf(caller: OrgFixture): Promise<Awaited<ReturnType<typeof api.gql<Sites>>>> {
  for (let attempt = 1; ; attempt++) {
    const result = await api.gql<Sites>(SITES, {}, caller);
    if (result.status !== 503 || attempt === 3) return result;
    // Refused as busy, with no rows (`data` is null: the refusal came from the sites resolver).
    expect([result.errors?.[0]?.extensions?.code, result.data ?? null]).toEqual(['SERVICE_UNAVAILABLE', null]);
    await new Promise((resolve) => setTimeout(resolve, Number(result.errors?.[0]?.extensions?.retryAfterSeconds ?? 2) * 1000));
  }
}

it('200 requests alternating organisations, 20 at a time on 2 connections, return zero foreign rows', async () => {
  const callers = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? a : b));
  const results: Awaited<ReturnType<typeof api.gql<Sites>>>[] = [];
  for (let start = 0; start < callers.length; start += IN_FLIGHT) {
    const wave = callers.slice(start, start + IN_FLIGHT);
    results.push(...(await Promise.all(wave.map(sitesOf))));
  }
  let foreign = 0;
  results.forEach((result, i) => {
    const caller = callers[i]!;
    expect(result.errors).toBeUndefined();
    const ids = result.data!.sites.edges.map((e) => e.node.id);
    expect(ids).toHaveLength(3);
    foreign += ids.filter((id) => !own.get(caller.orgId)!.has(id)).length;
    foreign += result.data!.sites.edges.filter((e) => e.node.organization.id !== caller.orgId).length;
  });
  expect(foreign).toBe(0);
});
