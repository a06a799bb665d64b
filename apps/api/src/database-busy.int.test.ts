// Every pooled connection held past a request's wait for one (5 s): the API answers 503 with Retry-After and
// SERVICE_UNAVAILABLE, logs a warning (not an internal error), writes nothing, and answers the same request
// once a connection is free; /readyz stays ready (its probe has a connection of its own). PostgreSQL only:
// PGlite has one connection and no pool to exhaust.
import { onPostgres } from '@gridshare/db/testing';
import { type OrgFixture, createSite, signUpOrg, siteInput } from './testing/fixtures';
import { LEVEL, captureLogs } from './testing/log-capture';
import { type TestApi, startTestApi } from './testing/test-api';

const POOL = 2;
const SITES = `{ sites(first: 10) { edges { node { id name } } } }`;
const CREATE_SITE = `mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }`;
type Sites = { sites: { edges: { node: { id: string; name: string } }[] } };

const logs = captureLogs();
let api: TestApi;
let a: OrgFixture;
let b: OrgFixture;
const written = siteInput({ name: 'Written while busy' });

/** Holds every connection of the API's pool in open transactions until the returned function is called. */
async function holdPool(): Promise<() => Promise<void>> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const holders = Array.from({ length: POOL }, () => {
    let holding = () => {};
    const held = new Promise<void>((resolve) => (holding = resolve));
    const done = api.db.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT 1`;
        holding();
        await released;
      },
      { timeout: 120_000 },
    );
    return { held, done };
  });
  await Promise.all(holders.map((holder) => holder.held));
  return async () => {
    release();
    await Promise.all(holders.map((holder) => holder.done));
  };
}

function expectBusy(result: { status: number; errors?: { message: string; extensions?: Record<string, unknown> }[] }, retryAfter: string | null) {
  expect(result.status).toBe(503);
  expect(retryAfter).toBe('2');
  expect(result.errors).toEqual([expect.objectContaining({ message: 'The database is busy; retry in 2 s.', extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 2 } })]);
}

async function send(query: string, variables: Record<string, unknown>, caller: OrgFixture) {
  const response = await api.post(JSON.stringify({ query, variables }), { authorization: `Bearer ${caller.token}`, 'x-org-id': caller.orgId });
  return { retryAfter: response.headers.get('retry-after'), result: { status: response.status, ...((await response.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] }) } };
}

(onPostgres ? describe : describe.skip)('a busy database', () => {
  beforeAll(async () => {
    // Sessions remembered for the whole file, so a request whose caller is known reaches its resolvers.
    api = await startTestApi({ poolMax: POOL, env: { LOG_LEVEL: 'warn', RESPONSE_CACHE_TTL_MS: '600000' }, logStream: logs.stream });
    a = await signUpOrg(api, 'MINER', 'busy-a');
    b = await signUpOrg(api, 'MINER', 'busy-b');
    await createSite(api, a, { name: 'Before the burst' });
  });
  afterAll(() => api.close());

  it('answers 503 + Retry-After + SERVICE_UNAVAILABLE to queries and mutations, writes nothing, then serves them', async () => {
    // a's session is remembered now (its resolvers wait for a transaction); b's is not (its lookup waits).
    expect((await send(SITES, {}, a)).result.status).toBe(200);
    logs.clear();
    const release = await holdPool();
    try {
      const query = await send(SITES, {}, a);
      expectBusy(query.result, query.retryAfter);
      const mutation = await send(CREATE_SITE, { input: written }, a);
      expectBusy(mutation.result, mutation.retryAfter);
      const lookup = await send(SITES, {}, b);
      expectBusy(lookup.result, lookup.retryAfter);

      const ready = await fetch(`${api.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', database: true });
    } finally {
      await release();
    }

    const lines = logs.lines();
    expect(lines.filter((line) => line.level >= LEVEL.error)).toEqual([]);
    expect(lines.filter((line) => line.level === LEVEL.warn && line.msg === 'database busy: no connection in time; answered 503')).toHaveLength(2);
    expect(logs.text()).not.toMatch(/password|postgres:\/\//i);

    const after = await send(SITES, {}, a);
    expect(after.result.status).toBe(200);
    expect((after.result.data as Sites).sites.edges.map((edge) => edge.node.name)).toEqual(['Before the burst']);
    expect((await send(SITES, {}, b)).result.status).toBe(200);
    const created = await send(CREATE_SITE, { input: written }, a);
    expect(created.result).toMatchObject({ status: 200, data: { createSite: { id: expect.any(String) } } });
  });
});
