// GraphQL Armor's limits, each hit exactly at the limit (accepted) and one past it (refused before
// execution: a refused response carries no `data` at all, so no resolver ran).
import { AUTHENTICATED_BODY_LIMIT_BYTES } from '../body-limits';
import { BODY_LIMIT_BYTES, LIMITS } from '../server';
import { type OrgFixture, signUpOrg, siteInput } from '../testing/fixtures';
import { type TestApi, startTestApi } from '../testing/test-api';

let api: TestApi;
let prod: TestApi;
let miner: OrgFixture;

beforeAll(async () => {
  api = await startTestApi();
  prod = await startTestApi({ env: { NODE_ENV: 'production', FREE_TEXT_OPERATIONS: 'everyone', SEED_DEMO: 'false', WEBHOOK_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64') } });
  miner = await signUpOrg(api, 'MINER', 'limits');
});
afterAll(async () => {
  await api.close();
  await prod.close();
});

const repeat = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i)).join(' ');

function expectRefused(result: { data?: unknown; errors?: { message: string }[] }, message: RegExp) {
  expect(result).not.toHaveProperty('data');
  expect(result.errors?.[0]?.message).toMatch(message);
}

describe('query limits', () => {
  const depth = (n: number) => `{ __type(name: "Site") { fields { type ${'{ ofType '.repeat(n - 4)}{ name }${' }'.repeat(n - 4)} } } }`;
  it(`depth ${LIMITS.maxDepth} passes, ${LIMITS.maxDepth + 1} is refused`, async () => {
    expect((await api.gql(depth(LIMITS.maxDepth), {}, miner)).errors).toBeUndefined();
    expectRefused(await api.gql(depth(LIMITS.maxDepth + 1), {}, miner), /depth limit of 6 exceeded, found 7/);
  });

  it('depth counts the fields a fragment adds where it is spread, not the spread itself', async () => {
    const viaFragment = (n: number) => `{ __type(name: "Site") { fields { ...F } } } fragment F on __Field { type ${'{ ofType '.repeat(n - 4)}{ name }${' }'.repeat(n - 4)} }`;
    expect((await api.gql(viaFragment(LIMITS.maxDepth), {}, miner)).errors).toBeUndefined();
    expectRefused(await api.gql(viaFragment(LIMITS.maxDepth + 1), {}, miner), /depth limit of 6 exceeded, found 7/);
  });

  it(`${LIMITS.maxAliases} aliases pass, ${LIMITS.maxAliases + 1} are refused and no site is written`, async () => {
    const mutation = (n: number) =>
      `mutation ($input: CreateSiteInput!) { ${repeat(n, (i) => `s${i}: createSite(input: $input) { id }`)} }`;
    const ok = await api.gql<Record<string, unknown>>(mutation(LIMITS.maxAliases), { input: siteInput() }, miner);
    expect(Object.keys(ok.data ?? {})).toHaveLength(LIMITS.maxAliases);
    const before = await api.db.prisma.site.count();
    expectRefused(await api.gql(mutation(LIMITS.maxAliases + 1), { input: siteInput() }, miner), /Aliases limit of 15 exceeded, found 16/);
    expect(await api.db.prisma.site.count()).toBe(before);
  });

  it(`${LIMITS.maxDirectives} directives pass, ${LIMITS.maxDirectives + 1} are refused`, async () => {
    const query = (n: number) => `{ ${repeat(n, () => '__typename @skip(if: false)')} }`;
    expect((await api.gql(query(LIMITS.maxDirectives))).errors).toBeUndefined();
    expectRefused(await api.gql(query(LIMITS.maxDirectives + 1)), /Directives limit of 50 exceeded, found 51/);
  });

  it(`${LIMITS.maxTokens} tokens pass, ${LIMITS.maxTokens + 1} are refused with a 400`, async () => {
    // graphql-js aborts validation of ~1,000 identical sibling fields (its own overlap budget), so the
    // tokens come from 110 fragments: `{ …F0 … k×apiVersion }` is 2 + 2×110 + k tokens and each
    // `fragment Fi on Query { apiVersion }` is 7.
    const fragments = 110;
    const query = (tokens: number) =>
      `{ ${repeat(fragments, (i) => `...F${i}`)} ${repeat(tokens - 2 - 9 * fragments, () => 'apiVersion')} } ` +
      repeat(fragments, (i) => `fragment F${i} on Query { apiVersion }`);
    expect((await api.gql(query(LIMITS.maxTokens))).errors).toBeUndefined();
    const refused = await api.gql(query(LIMITS.maxTokens + 1));
    expectRefused(refused, /Document contains more that 1000 tokens/);
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it(`cost ${LIMITS.costLimit} passes, ${LIMITS.costLimit + 1} is refused`, async () => {
    // sites(first: 100) { totalCount } costs (2 + 1.5 × 1) × 100 = 350; each root scalar costs 1.
    const query = (cost: number) =>
      `{ ${repeat(14, (i) => `s${i}: sites(first: 100) { totalCount }`)} ${repeat(cost - 14 * 350, () => 'apiVersion')} }`;
    expect((await api.gql(query(LIMITS.costLimit), {}, miner)).errors).toBeUndefined();
    expectRefused(await api.gql(query(LIMITS.costLimit + 1), {}, miner), /Cost limit of 5000 exceeded, found 5001/);
  });

  it(`refuses a body over ${BODY_LIMIT_BYTES / 1024} KB with 413 from a caller without valid credentials`, async () => {
    const body = JSON.stringify({ query: '{ apiVersion }', variables: { pad: 'x'.repeat(BODY_LIMIT_BYTES) } });
    expect((await api.post(body)).status).toBe(413);
    expect((await api.post(body, { authorization: 'Bearer gss_not-a-session' })).status).toBe(413);
    // Sent without a length, it is cut off once it passes the limit.
    const chunks = [body.slice(0, 60_000), body.slice(60_000)];
    const stream = new ReadableStream({ pull: (controller) => (chunks.length ? controller.enqueue(new TextEncoder().encode(chunks.shift())) : controller.close()) });
    const chunked = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it(`takes variables up to ${AUTHENTICATED_BODY_LIMIT_BYTES / 1024 / 1024} MB from a signed-in caller, never a document over ${BODY_LIMIT_BYTES / 1024} KB`, async () => {
    const auth = { authorization: `Bearer ${miner.token}` };
    const withPad = (bytes: number) => JSON.stringify({ query: 'query ($pad: String!) { __type(name: $pad) { name } }', variables: { pad: 'x'.repeat(bytes) } });
    const big = await api.post(withPad(AUTHENTICATED_BODY_LIMIT_BYTES - 1000), auth);
    expect(await big.json()).toEqual({ data: { __type: null } });
    expect((await api.post(withPad(AUTHENTICATED_BODY_LIMIT_BYTES), auth)).status).toBe(413);
    const longDocument = JSON.stringify({ query: `{ apiVersion ${' '.repeat(BODY_LIMIT_BYTES)}}` });
    expect((await api.post(longDocument, auth)).status).toBe(413);
  });

  it('refuses batched requests', async () => {
    const response = await api.post(JSON.stringify([{ query: '{ apiVersion }' }, { query: '{ apiVersion }' }]));
    expect(response.status).toBe(400);
  });
});

describe('CSRF prevention', () => {
  it('refuses a GET without a preflight-forcing header', async () => {
    const response = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ apiVersion }')}`);
    expect(response.status).toBe(400);
  });

  it('refuses a text/plain POST', async () => {
    const response = await api.post(JSON.stringify({ query: '{ apiVersion }' }), { 'content-type': 'text/plain' });
    expect(response.status).toBe(400);
  });
});

describe('production mode', () => {
  const INTROSPECT = `{ __schema { queryType { name } } }`;

  it('refuses introspection to anonymous callers and allows it with credentials', async () => {
    const anonymous = await prod.gql(INTROSPECT);
    expect(anonymous.status).toBe(403);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const partner = await signUpOrg(prod, 'PARTNER', 'prod');
    const signedIn = await prod.gql<{ __schema: { queryType: { name: string } } }>(INTROSPECT, {}, partner);
    expect(signedIn.data?.__schema.queryType.name).toBe('Query');
  });

  it('gives no "Did you mean" hints and no stack traces', async () => {
    const result = await prod.gql(`{ sitez { totalCount } }`);
    expect(result.errors?.[0]?.message).not.toMatch(/Did you mean/);
    expect(JSON.stringify(result)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
    const dev = await api.gql(`{ sitez { totalCount } }`);
    expect(dev.errors?.[0]?.message).toMatch(/Did you mean .*"sites"/);
  });
});
