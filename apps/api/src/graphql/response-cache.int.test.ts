// Replayed public answers (response-cache.ts) over real HTTP on the real database: a repeated search runs
// no SQL, yet every caller is still authenticated, authorised and rate limited; a mutation in this or
// another API process makes the next search fresh; nothing tenant-specific is ever replayed.
import { createHash, randomBytes } from 'node:crypto';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { buildServer } from '../server';
import { type OrgFixture, createApiKey, createListedBlock, mutate, signUpOrg } from '../testing/fixtures';
import { type TestApi, startTestApi } from '../testing/test-api';
import { CACHE_STATUS_HEADER } from './response-cache';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SEARCH = `query ($region: String!) { searchCapacity(filter: { regions: [$region] }, first: 50) { totalCount edges { node { id mw priceUsdPerKwMonth } } } }`;
const UNPUBLISH = `mutation ($id: ID!) { unpublishCapacityBlock(id: $id) { id status } }`;

type SearchAnswer = { data?: { searchCapacity: { totalCount: number; edges: { node: { id: string } }[] } }; errors?: { extensions: { code: string } }[] };

/** One search over HTTP: the cache's header, the SQL statements it ran, and the answer. */
async function searchOn(url: string, region: string, headers: Record<string, string>, statements?: string[]) {
  const before = statements?.length ?? 0;
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: SEARCH, variables: { region } }),
  });
  const answer = (await response.json()) as SearchAnswer;
  return {
    status: response.status,
    cache: response.headers.get(CACHE_STATUS_HEADER),
    contentType: response.headers.get('content-type'),
    sql: (statements?.length ?? 0) - before,
    ids: answer.data?.searchCapacity.edges.map((edge) => edge.node.id),
    code: answer.errors?.[0]?.extensions.code,
  };
}

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

describe('replayed search answers', () => {
  let api: TestApi;
  let tenant: OrgFixture;
  let host: OrgFixture;
  const statements: string[] = [];
  const region = `Region ${randomBytes(3).toString('hex')}`;
  let blockId: string;

  beforeAll(async () => {
    api = await startTestApi({ onQuery: (sql) => statements.push(sql), env: { RATE_LIMIT_FREE_PER_MINUTE: '40' } });
    tenant = await signUpOrg(api, 'TENANT', 'cache-tenant');
    host = await signUpOrg(api, 'MINER', 'cache-host');
    ({ blockId } = await createListedBlock(api, host, {}, { region }));
  });
  afterAll(() => api.close());

  it('answers a repeated search from memory, with no SQL, and the same body', async () => {
    const first = await searchOn(api.url, region, bearer(tenant.token), statements);
    const second = await searchOn(api.url, region, bearer(tenant.token), statements);
    const third = await searchOn(api.url, region, bearer(tenant.token), statements);
    expect(first).toMatchObject({ status: 200, cache: 'miss', ids: [blockId] });
    expect(first.sql).toBeGreaterThan(2);
    // Who the token is was looked up by the first request and is remembered (auth/session-cache.ts).
    expect(second).toMatchObject({ status: 200, cache: 'hit', ids: [blockId], sql: 0 });
    expect(third).toMatchObject({ status: 200, cache: 'hit', ids: [blockId], sql: 0 });
    expect(third.contentType).toBe(first.contentType);
  });

  it('still authenticates and authorises every replay', async () => {
    // Keys first: creating one is a mutation, which clears the cache.
    const orgOnly = await createApiKey(api, tenant, ['ORG_READ']);
    const reader = await createApiKey(api, tenant, ['CAPACITY_READ']);
    expect(await searchOn(api.url, region, bearer(tenant.token))).toMatchObject({ cache: 'miss' });
    expect(await searchOn(api.url, region, {})).toMatchObject({ status: 200, cache: null, code: 'UNAUTHENTICATED', ids: undefined });
    expect(await searchOn(api.url, region, bearer('gss_not-a-session'))).toMatchObject({ cache: null, code: 'UNAUTHENTICATED', ids: undefined });
    expect(await searchOn(api.url, region, bearer(orgOnly.secret))).toMatchObject({ cache: null, code: 'FORBIDDEN', ids: undefined });
    expect(await searchOn(api.url, region, bearer(reader.secret))).toMatchObject({ cache: 'hit', ids: [blockId] });
  });

  it('ends a session at once: after signOut the token gets UNAUTHENTICATED, not the remembered answer', async () => {
    const person = await signUpOrg(api, 'TENANT', 'cache-signout');
    await searchOn(api.url, region, bearer(person.token));
    // A replay: who this token is is now remembered.
    expect(await searchOn(api.url, region, bearer(person.token))).toMatchObject({ cache: 'hit', ids: [blockId] });
    await mutate(api, person, 'signOut', 'mutation { signOut }', {});
    // Someone else puts the answer back in memory; the signed-out token must not get it.
    expect(await searchOn(api.url, region, bearer(tenant.token))).toMatchObject({ cache: 'miss', ids: [blockId] });
    expect(await searchOn(api.url, region, bearer(person.token))).toMatchObject({ cache: null, code: 'UNAUTHENTICATED' });
  });

  it('counts replays against the rate limit', async () => {
    const busy = await signUpOrg(api, 'TENANT', 'cache-busy');
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 41; i++) codes.push((await searchOn(api.url, region, bearer(busy.token))).code);
    expect(codes.slice(0, 40).every((code) => code === undefined)).toBe(true);
    expect(codes[40]).toBe('RATE_LIMITED');
  });

  it('lets one of many identical cold searches run and replays its answer to the others', async () => {
    const other = `Region ${randomBytes(3).toString('hex')}`;
    const { blockId: otherBlock } = await createListedBlock(api, host, {}, { region: other });
    const answers = await Promise.all(Array.from({ length: 12 }, () => searchOn(api.url, other, bearer(tenant.token))));
    expect(answers.every((answer) => answer.ids?.[0] === otherBlock)).toBe(true);
    expect(answers.filter((answer) => answer.cache === 'miss')).toHaveLength(1);
    expect(answers.filter((answer) => answer.cache === 'hit')).toHaveLength(11);
  });

  it('never replays a query that also reads tenant data, nor an answer with errors', async () => {
    const mixed = `{ searchCapacity(first: 1) { totalCount } organization { name } }`;
    const other = await signUpOrg(api, 'TENANT', 'cache-other');
    const names = [];
    for (const caller of [tenant, other, tenant]) {
      const response = await api.post(JSON.stringify({ query: mixed }), bearer(caller.token));
      expect(response.headers.get(CACHE_STATUS_HEADER)).toBeNull();
      names.push(((await response.json()) as { data: { organization: { name: string } } }).data.organization.name);
    }
    expect(names[0]).toBe(names[2]);
    expect(names[1]).not.toBe(names[0]);

    const bad = JSON.stringify({ query: `{ searchCapacity(filter: { near: { latitude: 0, longitude: 0, radiusKm: -1 } }) { totalCount } }` });
    for (let i = 0; i < 2; i++) {
      const response = await api.post(bad, bearer(tenant.token));
      expect(response.headers.get(CACHE_STATUS_HEADER)).toBeNull();
      expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('forgets every answer when a mutation commits, so the next search is fresh', async () => {
    const third = `Region ${randomBytes(3).toString('hex')}`;
    const { blockId: listed } = await createListedBlock(api, host, {}, { region: third });
    await searchOn(api.url, third, bearer(tenant.token));
    expect(await searchOn(api.url, third, bearer(tenant.token))).toMatchObject({ cache: 'hit', ids: [listed] });
    await mutate(api, host, 'unpublishCapacityBlock', UNPUBLISH, { id: listed });
    expect(await searchOn(api.url, third, bearer(tenant.token))).toMatchObject({ cache: 'miss', ids: [] });
  });
});

describe('mutations whatever else their body holds', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  // Apollo runs a body with extra members (`extensions`, a null operationName) like any other: the cache
  // must see the same operation Apollo runs, or the mutation clears nothing.
  const extraMembers: [string, Record<string, unknown>][] = [
    ['an empty extensions member', { extensions: {} }],
    ['an unknown member', { note: 'hello' }],
    ['operationName null and extensions', { operationName: null, extensions: { trace: true } }],
  ];

  it.each(extraMembers)('a mutation with %s clears remembered answers', async (_label, extra) => {
    const tenant = await signUpOrg(api, 'TENANT', 'extra-tenant');
    const host = await signUpOrg(api, 'MINER', 'extra-host');
    const region = `Region ${randomBytes(3).toString('hex')}`;
    const { blockId } = await createListedBlock(api, host, {}, { region });
    await searchOn(api.url, region, bearer(tenant.token));
    expect(await searchOn(api.url, region, bearer(tenant.token))).toMatchObject({ cache: 'hit', ids: [blockId] });
    const unpublished = await api.post(JSON.stringify({ query: UNPUBLISH, variables: { id: blockId }, ...extra }), bearer(host.token));
    expect(((await unpublished.json()) as { data: { unpublishCapacityBlock: { status: string } } }).data.unpublishCapacityBlock.status).toBe('DRAFT');
    expect(await searchOn(api.url, region, bearer(tenant.token))).toMatchObject({ cache: 'miss', ids: [] });
  });

  it('a signOut with an extensions member ends replays to that token at once', async () => {
    const host = await signUpOrg(api, 'MINER', 'extra-signout-host');
    const person = await signUpOrg(api, 'TENANT', 'extra-signout');
    const region = `Region ${randomBytes(3).toString('hex')}`;
    const { blockId } = await createListedBlock(api, host, {}, { region });
    await searchOn(api.url, region, bearer(person.token));
    expect(await searchOn(api.url, region, bearer(person.token))).toMatchObject({ cache: 'hit', ids: [blockId] });
    const signedOut = await api.post(JSON.stringify({ query: 'mutation { signOut }', extensions: {} }), bearer(person.token));
    expect(((await signedOut.json()) as { data: { signOut: boolean } }).data.signOut).toBe(true);
    expect(await searchOn(api.url, region, bearer(person.token))).toMatchObject({ cache: null, code: 'UNAUTHENTICATED' });
  });

  it('runs no unregistered id, and registers no text sent with one (the cache reads every text that runs)', async () => {
    const person = await signUpOrg(api, 'TENANT', 'extra-apq');
    const query = 'mutation { signOut }';
    const byHash = { extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } } };
    const code = async (body: object) =>
      ((await (await api.post(JSON.stringify(body), bearer(person.token))).json()) as { errors?: { extensions: { code: string } }[] }).errors?.[0]?.extensions.code;
    expect(await code(byHash)).toBe('PERSISTED_QUERY_NOT_FOUND');
    // Nothing ran: the session still works.
    expect((await api.gql<{ me: { user: { id: string } } }>('{ me { user { id } } }', {}, person)).data?.me.user.id).toBe(person.userId);
    // With its text, the text runs (an automatic persisted query's registration), and is not registered.
    expect(await code({ query, ...byHash })).toBeUndefined();
    expect(await code(byHash)).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});

describe('replayed answers with writes outside GraphQL', () => {
  it('shows a direct database write once the TTL has passed, and nothing is cached with the TTL at 0', async () => {
    const region = `Region ${randomBytes(3).toString('hex')}`;
    for (const ttl of ['300', '0']) {
      const api = await startTestApi({ env: { RESPONSE_CACHE_TTL_MS: ttl } });
      try {
        const tenant = await signUpOrg(api, 'TENANT', 'ttl-tenant');
        const host = await signUpOrg(api, 'MINER', 'ttl-host');
        const { siteId, blockId } = await createListedBlock(api, host, {}, { region });
        await searchOn(api.url, region, bearer(tenant.token));
        // A worker's write (no mutation in this process): the listing leaves with its site's verification.
        await api.db.prisma.site.update({ where: { id: siteId }, data: { verification: 'PENDING' } });
        const right = await searchOn(api.url, region, bearer(tenant.token));
        if (ttl === '0') {
          expect(right).toMatchObject({ cache: null, ids: [] });
          continue;
        }
        expect(right).toMatchObject({ cache: 'hit', ids: [blockId] });
        await new Promise((resolve) => setTimeout(resolve, 400));
        expect(await searchOn(api.url, region, bearer(tenant.token))).toMatchObject({ cache: 'miss', ids: [] });
      } finally {
        await api.close();
      }
    }
  });
});

describe('replayed answers across API processes (Redis pub/sub)', () => {
  it('a mutation on one API clears the answers another API remembers', async () => {
    const env = { REDIS_URL, QUEUE_PREFIX: `cache-test-${randomBytes(4).toString('hex')}` };
    const api = await startTestApi({ env });
    // A second API on the same database and Redis, with its own cache: another process, as far as the cache knows.
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
    const { app: second } = await buildServer({ config, db: api.db, logger: createLogger('silent') });
    try {
      const secondUrl = await second.listen({ host: '127.0.0.1', port: 0 });
      const tenant = await signUpOrg(api, 'TENANT', 'pubsub-tenant');
      const host = await signUpOrg(api, 'MINER', 'pubsub-host');
      const region = `Region ${randomBytes(3).toString('hex')}`;
      const { blockId } = await createListedBlock(api, host, {}, { region });
      await searchOn(secondUrl, region, bearer(tenant.token));
      expect(await searchOn(secondUrl, region, bearer(tenant.token))).toMatchObject({ cache: 'hit', ids: [blockId] });
      await mutate(api, host, 'unpublishCapacityBlock', UNPUBLISH, { id: blockId });
      expect(await searchOn(secondUrl, region, bearer(tenant.token))).toMatchObject({ cache: 'miss', ids: [] });
    } finally {
      await second.close();
      await api.close();
    }
  });
});
