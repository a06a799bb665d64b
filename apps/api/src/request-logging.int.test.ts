// Every log line a request causes carries its request id (taken from a well-formed x-request-id, made
// otherwise, and returned in the response); slow queries are logged without their parameters; internal
// errors are logged with the request id while the response says only "Internal server error".
import { randomUUID } from 'node:crypto';
import { type OrgFixture, PASSWORD, createApiKey, createSite, signUpOrg } from './testing/fixtures';
import { LEVEL, type LogLine, captureLogs } from './testing/log-capture';
import { type TestApi, startTestApi } from './testing/test-api';

const logs = captureLogs();
let api: TestApi;
let miner: OrgFixture;

beforeAll(async () => {
  // SLOW_QUERY_MS=0 logs every statement, so the slow-query lines are deterministic.
  api = await startTestApi({ env: { LOG_LEVEL: 'debug', SLOW_QUERY_MS: '0' }, logStream: logs.stream });
  miner = await signUpOrg(api, 'MINER', 'logging');
});
afterAll(() => api.close());
beforeEach(() => logs.clear());

async function post(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await api.post(JSON.stringify({ query, variables }), headers);
  return { response, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

/** Log lines are written after the response; wait for the one that closes the request. */
async function linesOf(requestId: string): Promise<LogLine[]> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const lines = logs.lines().filter((line) => line.requestId === requestId);
    if (lines.some((line) => line.msg === 'request completed' || line.msg === 'request failed')) return lines;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no closing log line for request ${requestId}`);
}

describe('request ids', () => {
  it('keeps a well-formed incoming x-request-id, returns it, and puts it on every line the request causes', async () => {
    const incoming = `partner-trace-${randomUUID()}`;
    const { response } = await post('{ sites(first: 5) { totalCount } }', {}, { authorization: `Bearer ${miner.token}`, 'x-request-id': incoming });
    expect(response.headers.get('x-request-id')).toBe(incoming);
    const lines = await linesOf(incoming);
    expect(lines.filter((line) => line.msg === 'slow query').length).toBeGreaterThan(0);
    // Nothing this request logged lacks its id: every line in the capture belongs to it.
    expect(logs.lines().filter((line) => line.requestId !== incoming)).toEqual([]);
  });

  it('replaces a malformed or missing x-request-id with a fresh UUID', async () => {
    const ids: string[] = [];
    for (const header of ['has spaces in it', 'x'.repeat(129), 'short', 'new\\nline-injected', undefined]) {
      const { response } = await post('{ apiVersion }', {}, header === undefined ? {} : { 'x-request-id': header });
      const id = response.headers.get('x-request-id') ?? '';
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      ids.push(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect((await linesOf(ids[0]!)).map((line) => line.msg)).toContain('request completed');
  });

  it('answers /healthz and /readyz with a request id too', async () => {
    const response = await fetch(`${api.url}/readyz`, { headers: { 'x-request-id': 'probe-000001' } });
    expect(response.headers.get('x-request-id')).toBe('probe-000001');
  });
});

describe('what is never logged', () => {
  it('logs slow queries as SQL text without parameter values, and no credentials anywhere', async () => {
    const key = await createApiKey(api, miner, ['SITES_READ']);
    const site = await createSite(api, miner, { name: 'Secretive Ridge 7731' });
    logs.clear();
    const requestId = randomUUID();
    await post(`mutation ($input: SignInInput!) { signIn(input: $input) { token } }`, { input: { email: miner.email, password: PASSWORD } }, { 'x-request-id': requestId });
    await post('{ site(id: "' + site.id + '") { name } }', {}, { authorization: `Bearer ${key.secret}`, cookie: `next-auth.session-token=${miner.token}`, 'x-request-id': `${requestId}-2` });
    await linesOf(requestId);
    await linesOf(`${requestId}-2`);

    const slow = logs.lines().filter((line) => line.msg === 'slow query');
    expect(slow.length).toBeGreaterThan(2);
    for (const line of slow) expect(line).toMatchObject({ level: LEVEL.warn, durationMs: expect.any(Number), sql: expect.any(String) });
    const output = logs.text();
    for (const secret of [PASSWORD, key.secret, miner.token, miner.email, site.id, 'Secretive Ridge 7731']) {
      expect([secret, output.includes(secret)]).toEqual([secret, false]);
    }
  });
});

describe('error logs', () => {
  it('logs an internal error with the request id and its cause, and answers with a bare INTERNAL_SERVER_ERROR', async () => {
    await api.db.prisma.$executeRawUnsafe('ALTER TABLE "Site" RENAME COLUMN "name" TO "name_moved"');
    try {
      const requestId = randomUUID();
      const { response, body } = await post('{ sites(first: 5) { edges { node { name } } } }', {}, { authorization: `Bearer ${miner.token}`, 'x-request-id': requestId });
      expect(body.errors).toEqual([{ message: 'Internal server error', path: ['sites'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
      expect(JSON.stringify(body)).not.toMatch(/name_moved|column|prisma|stack|\bat /i);
      expect(response.headers.get('x-request-id')).toBe(requestId);
      const errors = (await linesOf(requestId)).filter((line) => line.level === LEVEL.error);
      expect(errors).toEqual([expect.objectContaining({ msg: 'internal error in a GraphQL request', err: expect.objectContaining({ stack: expect.any(String) }) })]);
    } finally {
      await api.db.prisma.$executeRawUnsafe('ALTER TABLE "Site" RENAME COLUMN "name_moved" TO "name"');
    }
  });

  it('logs a 5xx response as "request failed" with the request id', async () => {
    // Credentials are resolved before the operation runs: a broken key table fails the whole request.
    const { secret: key } = await createApiKey(api, miner, ['SITES_READ']);
    await api.db.prisma.$executeRawUnsafe('ALTER TABLE "ApiKey" RENAME TO "ApiKeyMoved"');
    try {
      const requestId = randomUUID();
      const { response, body } = await post('{ apiVersion }', {}, { authorization: `Bearer ${key}`, 'x-request-id': requestId });
      expect(response.status).toBeGreaterThanOrEqual(500);
      expect(body.errors?.every((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR' && !JSON.stringify(error).includes('ApiKeyMoved'))).toBe(true);
      const lines = await linesOf(requestId);
      expect(lines.find((line) => line.msg === 'request failed')).toMatchObject({ level: LEVEL.error, statusCode: response.status, requestId });
    } finally {
      await api.db.prisma.$executeRawUnsafe('ALTER TABLE "ApiKeyMoved" RENAME TO "ApiKey"');
    }
  });
});
