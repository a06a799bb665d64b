// Property: whatever operation arrives over HTTP (valid or not, from anyone), the API answers without a 500,
// without a stack trace or an internal message, and every error carries extensions.code.
// Reproduce a failure with FC_SEED=<printed seed> (and FC_RUNS for a longer run).
import fc from 'fast-check';
import { generateOperation } from '../testing/operation-generator';
import { type OrgFixture, createApiKey, createListedBlock, createRequest, signUpOrg } from '../testing/fixtures';
import { type TestApi, startTestApi } from '../testing/test-api';
import { buildSchema } from './schema';

const SEED = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.FC_RUNS ?? 1000);
const LEAK = /stacktrace|\n\s+at |node_modules|\.(ts|js):\d|prisma|Invalid `|SELECT |INSERT |UPDATE "|violates|relation "|syntax error at/i;

let api: TestApi;
let callers: { label: string; headers: Record<string, string> }[];
let knownIds: string[];

beforeAll(async () => {
  const unlimited = '100000000';
  api = await startTestApi({
    env: { RATE_LIMIT_FREE_PER_MINUTE: unlimited, RATE_LIMIT_PRO_PER_MINUTE: unlimited, RATE_LIMIT_API_PER_MINUTE: unlimited, RATE_LIMIT_ANONYMOUS_PER_MINUTE: unlimited, SIGN_IN_ATTEMPTS: unlimited },
  });
  const miner: OrgFixture = await signUpOrg(api, 'MINER', 'fuzz-host');
  const tenant: OrgFixture = await signUpOrg(api, 'TENANT', 'fuzz-tenant');
  const listed = await createListedBlock(api, miner);
  const request = await createRequest(api, tenant, { open: true });
  const key = await createApiKey(api, tenant, ['CAPACITY_READ', 'REQUESTS_READ']);
  knownIds = [listed.siteId, listed.blockId, request.id, miner.orgId, tenant.orgId, key.id, miner.userId];
  callers = [
    { label: 'anonymous', headers: {} },
    { label: 'miner', headers: { authorization: `Bearer ${miner.token}` } },
    { label: 'tenant', headers: { authorization: `Bearer ${tenant.token}` } },
    { label: 'API key', headers: { authorization: `Bearer ${key.secret}` } },
    { label: 'bad token', headers: { authorization: 'Bearer gss_not-a-session' } },
  ];
  process.stdout.write(`generated-queries: fast-check seed ${SEED}, ${RUNS} runs (FC_SEED=${SEED} to reproduce)\n`);
});
afterAll(() => api.close());

it('never answers 500, never leaks internals, and always gives errors a code', async () => {
  const schema = buildSchema();
  const seen = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(fc.gen(), fc.nat({ max: 4 }), async (g, who) => {
      const operation = generateOperation(schema, g, { knownIds, excludedRootFields: ['signOut'] });
      const caller = callers[who]!;
      const response = await api.post(JSON.stringify(operation), caller.headers);
      const text = await response.text();
      const context = `${caller.label}: ${operation.query} ${JSON.stringify(operation.variables)} -> ${response.status} ${text.slice(0, 500)}`;
      if (response.status >= 500) throw new Error(`HTTP ${response.status} for ${context}`);
      const body = JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions?: { code?: unknown } }[] };
      for (const error of body.errors ?? []) {
        if (typeof error.extensions?.code !== 'string') throw new Error(`error without extensions.code for ${context}`);
        if (error.extensions.code === 'INTERNAL_SERVER_ERROR') throw new Error(`internal error for ${context}`);
      }
      if (body.errors && LEAK.test(JSON.stringify(body.errors))) throw new Error(`internal detail in errors for ${context}`);
      // Tally each answer by its first error's code.
      const code = body.errors ? String(body.errors[0]?.extensions?.code) : 'OK';
      seen.set(code, (seen.get(code) ?? 0) + 1);
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: true },
  );
  process.stdout.write(`generated-queries: answers by first error code ${JSON.stringify(Object.fromEntries(seen))}\n`);
  // The generator reaches past validation: some operations run cleanly, resolvers reject others.
  expect([...seen.keys()]).toEqual(expect.arrayContaining(['OK', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN']));
}, 120_000);
