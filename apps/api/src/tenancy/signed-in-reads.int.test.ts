// A signed-in list read costs at most 4 SQL statements in all (one tenant transaction: BEGIN, set_config,
// the page, COMMIT), the session and the caller's organisation being remembered between requests; and
// that memory never outlives a write: signing out ends the session at the next request, on this API and on
// another one sharing the database and Redis.
import { randomBytes } from 'node:crypto';
import { sharedReadSlots } from '@gridshare/db';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { buildServer } from '../server';
import { type OrgFixture, createPlatformOrg, createSite, platformPerson, signUpOrg } from '../testing/fixtures';
import { type TestApi, startTestApi } from '../testing/test-api';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SITES = `{ sites(first: 20) { edges { node { id name region energizedMw organization { id name } } } } }`;
type Sites = { sites: { edges: { node: { organization: { id: string; name: string } } }[] } };

const statements: string[] = [];
let api: TestApi;
let miner: OrgFixture;

beforeAll(async () => {
  api = await startTestApi({ onQuery: (sql) => statements.push(sql) });
  miner = await signUpOrg(api, 'MINER', 'reads');
  for (let i = 0; i < 3; i++) await createSite(api, miner, { name: `Reads ${i}` });
});
afterAll(() => api.close());

/**
 * Prisma logs every statement but the BEGIN of a transaction: one more per COMMIT went over the wire.
 * PGlite's adapter commits by itself, logged as `-- Implicit "COMMIT" query via underlying driver`.
 */
const commits = (sql: string[]) => sql.filter((s) => /^\s*(COMMIT|ROLLBACK)\b|^-- Implicit "(COMMIT|ROLLBACK)"/i.test(s)).length;

async function sitesCost(caller: OrgFixture) {
  statements.length = 0;
  const result = await api.gql<Sites>(SITES, {}, caller);
  return { result, statements: [...statements], onTheWire: statements.length + commits(statements) };
}

it('reads sites(first: 20) with their organisation in at most 4 SQL statements, one transaction', async () => {
  const cold = await sitesCost(miner);
  expect(cold.result.data?.sites.edges).toHaveLength(3);
  const warm = await sitesCost(miner);
  expect(warm.result.errors).toBeUndefined();
  expect(warm.result.data?.sites.edges.map((edge) => edge.node.organization.id)).toEqual([miner.orgId, miner.orgId, miner.orgId]);
  // BEGIN, set_config, the page, COMMIT.
  expect(warm.onTheWire).toBeLessThanOrEqual(4);
  expect(commits(warm.statements)).toBe(1);
  // The first request of a session pays the lookups it then remembers (session, organisation), in one
  // transaction where reads are shared; not on PGlite's single connection (shared-reads.ts), where the
  // organisation's read runs in a transaction of its own.
  const transactions = sharedReadSlots(api.db.poolMax).max > 0 ? 1 : 2;
  expect(commits(cold.statements)).toBe(transactions);
  // The session, the page, the organisation, and BEGIN, set_config and COMMIT per transaction.
  expect(cold.onTheWire).toBeLessThanOrEqual(3 + 3 * transactions);
});

it("shows a change to the caller's organisation made by another organisation's mutation at the next read", async () => {
  const read = async () => (await api.gql<{ sites: { edges: { node: { organization: { verification: string } } }[] } }>(
    `{ sites(first: 1) { edges { node { organization { verification } } } } }`, {}, miner)).data?.sites.edges[0]?.node.organization.verification;
  expect(await read()).toBe('UNVERIFIED');
  expect(await read()).toBe('UNVERIFIED'); // remembered now
  const admin = await platformPerson(api, await createPlatformOrg(api), 'ADMIN');
  const verdict = await api.gql(`mutation ($id: ID!) { verifyOrganization(id: $id, decision: VERIFIED) { id } }`, { id: miner.orgId }, admin);
  expect(verdict.errors).toBeUndefined();
  expect(await read()).toBe('VERIFIED');
});

it('ends a remembered session at once when it signs out', async () => {
  const person = await signUpOrg(api, 'MINER', 'signs-out');
  expect((await sitesCost(person)).result.errors).toBeUndefined();
  expect((await sitesCost(person)).onTheWire).toBeLessThanOrEqual(4);
  const out = await api.gql<{ signOut: boolean }>(`mutation { signOut }`, {}, person);
  expect(out.data?.signOut).toBe(true);
  const after = await api.gql(SITES, {}, person);
  expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
});

it('ends it at once on another API process too (Redis)', async () => {
  const env = { REDIS_URL, QUEUE_PREFIX: `session-test-${randomBytes(4).toString('hex')}` };
  const first = await startTestApi({ env });
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
  const { app: second } = await buildServer({ config, db: first.db, logger: createLogger('silent') });
  try {
    const secondUrl = await second.listen({ host: '127.0.0.1', port: 0 });
    const person = await signUpOrg(first, 'MINER', 'two-processes');
    const read = async () => {
      const response = await fetch(`${secondUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${person.token}` },
        body: JSON.stringify({ query: SITES }),
      });
      return (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    };
    expect((await read()).errors).toBeUndefined();
    expect((await read()).errors).toBeUndefined(); // now remembered by the second process
    expect((await first.gql<{ signOut: boolean }>(`mutation { signOut }`, {}, person)).data?.signOut).toBe(true);
    // The invalidation is published before signOut's answer leaves; the subscriber hears it a moment later.
    let code: string | undefined;
    for (let attempt = 0; attempt < 50 && code === undefined; attempt++) {
      code = (await read()).errors?.[0]?.extensions?.code;
      if (code === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(code).toBe('UNAUTHENTICATED');
  } finally {
    await second.close();
    await first.close();
  }
});

it('never holds every pooled connection in shared transactions (a request may still need one for a system-path read)', async () => {
  // Two connections: one may be held by a request's shared transaction, the other stays for the listing
  // check that searchCapacity makes outside it. Without that limit, two such requests each hold one and wait
  // for the other's until the pool's wait times out.
  const small = await startTestApi({ poolMax: 2 });
  try {
    const person = await signUpOrg(small, 'MINER', 'small-pool');
    await createSite(small, person, { name: 'Small pool' });
    const both = `{ sites(first: 5) { edges { node { id organization { id } } } } searchCapacity(first: 1) { totalCount } }`;
    const answers = await Promise.all(Array.from({ length: 12 }, () => small.gql<{ sites: { edges: unknown[] } }>(both, {}, person)));
    expect(answers.map((answer) => answer.errors)).toEqual(answers.map(() => undefined));
    expect(answers.every((answer) => answer.data?.sites.edges.length === 1)).toBe(true);
  } finally {
    await small.close();
  }
}, 60_000);
