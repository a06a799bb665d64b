// `npm run soak`: the real API (its own process, demo data, PostgreSQL on DATABASE_URL's server, a private
// Redis) under a mix of queries for SOAK_DURATION_S (default 60) at SOAK_CONNECTIONS (default 100), then two
// faults: PostgreSQL backends killed during writes, and Redis stopped and started again. Loopback only,
// bounded in time; prints figures and a pass/fail line per check, and exits 1 when a check fails.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { DEMO_API_KEY_SECRET } from '@gridshare/db';
import autocannon from 'autocannon';
import Redis from 'ioredis';
import pg from 'pg';
import { siteInput } from '../src/testing/fixtures';
import { signInHeaders, withDemoApi } from './harness';

const DURATION_S = Number(process.env.SOAK_DURATION_S ?? 60);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 100);
const FAULT_WRITES = Number(process.env.SOAK_FAULT_WRITES ?? 300);
const KILL_EVERY_MS = Number(process.env.SOAK_KILL_EVERY_MS ?? 500);

const checks: { name: string; ok: boolean; detail: string }[] = [];
function check(name: string, ok: boolean, detail: string) {
  checks.push({ name, ok, detail });
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}: ${detail}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address !== 'object') throw new Error('no free port');
  return address.port;
}

/** A Redis of our own on a spare loopback port: the machine's shared Redis is never stopped. */
async function privateRedis() {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  probe.on('error', () => {});
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    // Even if the soak dies on an uncaught error, its private Redis does not outlive it.
    const owned = child;
    process.once('exit', () => owned.kill('SIGTERM'));
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        if (probe.status !== 'ready') await probe.connect();
        await probe.ping();
        return;
      } catch {
        probe.disconnect();
        await sleep(50);
      }
    }
    throw new Error(`redis-server did not start on port ${port}`);
  };
  const stop = async () => {
    probe.disconnect();
    if (!child || child.exitCode !== null) return;
    child.kill('SIGTERM');
    await once(child, 'exit');
  };
  return { url, port, start, stop, client: probe };
}

function memoryOf(server: ChildProcess): Promise<NodeJS.MemoryUsage> {
  server.send('memory');
  return once(server, 'message').then(([message]) => (message as { memory: NodeJS.MemoryUsage }).memory);
}

async function gql(apiUrl: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(`${apiUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
  return { status: response.status, ...body };
}

interface Mix {
  label: string;
  query: string;
  headers: Record<string, string>;
}

async function queryMix(apiUrl: string): Promise<Mix[]> {
  const partner = { authorization: `Bearer ${DEMO_API_KEY_SECRET}` };
  const tenant = await signInHeaders(apiUrl, 'tenant@demo.gridshare.dev');
  const miner = await signInHeaders(apiUrl, 'miner@demo.gridshare.dev');
  return [
    { label: 'partner searchCapacity', headers: partner, query: '{ searchCapacity(first: 20, filter: { countries: ["US"] }) { totalCount edges { node { id mw priceUsdPerKwMonth site { region readinessScore } } } } }' },
    { label: 'partner me', headers: partner, query: '{ me { organization { name } scopes } }' },
    { label: 'miner sites + readiness', headers: miner, query: '{ sites(first: 20) { totalCount edges { node { id name energizedMw readiness { score tier } } } } }' },
    { label: 'miner capacityBlocks', headers: miner, query: '{ capacityBlocks(first: 20) { totalCount edges { node { id mw status priceUsdPerKwMonth } } } }' },
    { label: 'miner hostMatches', headers: miner, query: '{ hostMatches(first: 10) { edges { node { requestId score mwAllocated } } } }' },
    { label: 'tenant colocationRequests', headers: tenant, query: '{ colocationRequests(first: 10) { totalCount edges { node { id title status totalMw } } } }' },
    { label: 'tenant deals', headers: tenant, query: '{ deals(first: 10) { totalCount edges { node { id status mw priceUsdPerKwMonth } } } }' },
    { label: 'anonymous apiVersion', headers: {}, query: '{ apiVersion }' },
  ];
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : Number.NaN;
}

/** autocannon over the mix (each connection cycles through it); counts GraphQL errors in 200 answers too. */
async function hammer(apiUrl: string, mix: Mix[], durationS: number, connections: number) {
  const samples: number[] = [];
  let graphqlErrors = 0;
  const requests = mix.map((entry) => ({
    method: 'POST' as const,
    path: '/graphql',
    headers: { 'content-type': 'application/json', ...entry.headers },
    body: JSON.stringify({ query: entry.query }),
    onResponse: (_status: number, body: string) => {
      if (body.includes('"errors"')) graphqlErrors += 1;
    },
  }));
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: apiUrl, connections, duration: durationS, requests }, (error: unknown, output) => (error ? reject(error) : resolve(output)));
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) samples.push(responseTime);
    });
  });
  samples.sort((a, b) => a - b);
  return { result, graphqlErrors, p95: percentile(samples, 95) };
}

async function soakLoad(apiUrl: string, server: ChildProcess, mix: Mix[]) {
  for (const entry of mix) {
    const answer = await gql(apiUrl, entry.query, {}, entry.headers);
    if (answer.errors) throw new Error(`${entry.label} fails before any load: ${JSON.stringify(answer.errors)}`);
  }
  const before = await memoryOf(server);
  console.log(`\nload: ${mix.length} queries in rotation, ${CONNECTIONS} connections, ${DURATION_S} s`);
  const { result, graphqlErrors, p95 } = await hammer(apiUrl, mix, DURATION_S, CONNECTIONS);
  const after = await memoryOf(server);
  console.log(`  requests       ${result.requests.total} (${Math.round(result.requests.average)} req/s average)`);
  console.log(`  latency        p50 ${result.latency.p50} ms, p95 ${p95} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
  console.log(`  status codes   ${JSON.stringify(result.statusCodeStats ?? {})}; errors ${result.errors}, timeouts ${result.timeouts}`);
  console.log(`  API memory     (after GC) RSS ${mb(before.rss)} -> ${mb(after.rss)}, heap used ${mb(before.heapUsed)} -> ${mb(after.heapUsed)}`);
  check('no 5xx under load', result['5xx'] === 0, `${result['5xx']} of ${result.requests.total}`);
  check('no connection errors or timeouts', result.errors === 0 && result.timeouts === 0, `${result.errors} errors, ${result.timeouts} timeouts`);
  check('no GraphQL errors under load', graphqlErrors === 0, `${graphqlErrors} answers carried errors`);
}

/** Writes while PostgreSQL backends are killed: each write is whole or absent, and the API recovers alone. */
async function pgKillDuringWrites(apiUrl: string, databaseUrl: string) {
  console.log(`\nfault: ${FAULT_WRITES} createSite writes (10 at a time) while every API backend is killed each ${KILL_EVERY_MS} ms`);
  const miner = await signInHeaders(apiUrl, 'miner@demo.gridshare.dev');
  const admin = new pg.Client({ connectionString: databaseUrl });
  admin.on('error', () => {});
  await admin.connect();
  const prefix = `Soak fault ${randomBytes(3).toString('hex')}`;
  let next = 0;
  let done = false;
  const succeeded: string[] = [];
  const failures = new Map<string, number>();
  const writer = async () => {
    while (next < FAULT_WRITES) {
      const name = `${prefix} ${next++}`;
      const answer = await gql(apiUrl, 'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }', { input: siteInput({ name }) }, miner).catch(
        (error: unknown) => ({ status: 0, data: undefined, errors: [{ message: String(error), extensions: { code: `no answer: ${(error as Error).message}` } }] }),
      );
      const error = answer.errors?.[0];
      if (error || answer.status >= 500) {
        // A write whose connection died answers a bare INTERNAL_SERVER_ERROR: HTTP 200 when it died inside the
        // resolver, 500 when it died while resolving the caller's credentials (the client should retry).
        const key = `${answer.status} ${error?.extensions?.code}: ${error?.message}`;
        failures.set(key, (failures.get(key) ?? 0) + 1);
      } else succeeded.push((answer.data?.createSite as { id: string }).id);
    }
  };
  let kills = 0;
  const killer = (async () => {
    while (!done) {
      await sleep(KILL_EVERY_MS);
      const killed = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
      kills += killed.rowCount ?? 0;
    }
  })();
  try {
    await Promise.all(Array.from({ length: 10 }, writer));
  } finally {
    done = true;
    await killer;
  }

  const rows = await admin.query<{ sites: string; unaudited: string; unassessed: string; missing: string }>(
    `SELECT count(*) AS sites,
            count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM "AuditLog" a WHERE a."entityId"::text = s.id::text)) AS unaudited,
            count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM "ReadinessAssessment" r WHERE r."siteId"::text = s.id::text)) AS unassessed,
            (SELECT count(*) FROM unnest($2::text[]) AS answered(id) WHERE NOT EXISTS (SELECT 1 FROM "Site" WHERE "Site".id::text = answered.id)) AS missing
       FROM "Site" s WHERE s.name LIKE $1`,
    [`${prefix} %`, succeeded],
  );
  const row = rows.rows[0]!;
  console.log(`  ${kills} backends killed; ${succeeded.length} writes answered OK`);
  const failed = [...failures.values()].reduce((a, b) => a + b, 0);
  check('the kills hit writes in flight (else the checks below prove nothing)', failed > 0, `${failed} writes interrupted`);
  check('no partial rows after killed backends', Number(row.unaudited) === 0 && Number(row.unassessed) === 0, `${row.unaudited} sites without audit row, ${row.unassessed} without assessment`);
  check('every answered write is stored, no unanswered one is', Number(row.sites) === succeeded.length && Number(row.missing) === 0, `${row.sites} stored, ${succeeded.length} answered OK, ${row.missing} answered but missing`);
  check(
    'failed writes answer a bare INTERNAL_SERVER_ERROR (no SQL, no stack)',
    [...failures.keys()].every((key) => /^(200|500) INTERNAL_SERVER_ERROR: Internal server error$/.test(key)),
    JSON.stringify(Object.fromEntries(failures)),
  );

  const started = Date.now();
  let streak = 0;
  while (streak < 20 && Date.now() - started < 10_000) {
    const answer = await gql(apiUrl, '{ sites(first: 5) { totalCount } }', {}, miner);
    streak = answer.errors ? 0 : streak + 1;
  }
  const ready = await fetch(`${apiUrl}/readyz`);
  check('API recovers by itself', streak === 20 && ready.status === 200, `20 clean answers in a row after ${Date.now() - started} ms; /readyz ${ready.status}`);
  await admin.end();
}

/** Failed sign-ins for one fresh email until RATE_LIMITED; how many attempts it took. */
async function signInsUntilLimited(apiUrl: string, email: string): Promise<number> {
  for (let attempt = 1; attempt <= 10; attempt++) {
    const answer = await gql(apiUrl, 'mutation ($input: SignInInput!) { signIn(input: $input) { token } }', { input: { email, password: 'wrong-password-123' } });
    if (answer.errors?.[0]?.extensions?.code === 'RATE_LIMITED') return attempt;
  }
  return Number.POSITIVE_INFINITY;
}

async function redisOutage(apiUrl: string, redis: Awaited<ReturnType<typeof privateRedis>>, mix: Mix[]) {
  console.log('\nfault: the private Redis stopped, then started again');
  const keys = await redis.client.keys('rl:*');
  check('rate limits live in Redis while it is up', keys.length > 0, `${keys.length} rate-limit keys in Redis`);
  await redis.stop();

  const { result, graphqlErrors } = await hammer(apiUrl, mix, 5, 10);
  check('API keeps answering without Redis', result['5xx'] === 0 && result.errors === 0 && graphqlErrors === 0 && result.requests.total > 0, `${result.requests.total} requests in 5 s, ${result['5xx']} 5xx, ${graphqlErrors} with errors`);
  const limitedAt = await signInsUntilLimited(apiUrl, `soak-${randomBytes(4).toString('hex')}@example.test`);
  check('rate limiting falls back to memory', limitedAt === 6, `sign-in refused at attempt ${limitedAt} (limit 5)`);

  await redis.start();
  const started = Date.now();
  let back = false;
  while (!back && Date.now() - started < 15_000) {
    const email = `soak-${randomBytes(4).toString('hex')}@example.test`;
    await gql(apiUrl, 'mutation ($input: SignInInput!) { signIn(input: $input) { token } }', { input: { email, password: 'wrong-password-123' } });
    back = (await redis.client.keys(`rl:signin:${email}*`)).length > 0;
    if (!back) await sleep(250);
  }
  check('rate limits return to Redis when it is back', back, back ? `after ${Date.now() - started} ms` : 'not within 15 s');
}

async function main() {
  const redis = await privateRedis();
  await redis.start();
  try {
    const skipped = await withDemoApi(
      async (apiUrl, databaseUrl, server) => {
        const crashed = (code: number | null, signal: string | null) => check('API process stays up', false, `exited with ${code ?? signal}`);
        server.on('exit', crashed);
        try {
          const mix = await queryMix(apiUrl);
          await soakLoad(apiUrl, server, mix);
          await pgKillDuringWrites(apiUrl, databaseUrl);
          await redisOutage(apiUrl, redis, mix);
        } finally {
          server.off('exit', crashed);
        }
      },
      { env: { REDIS_URL: redis.url }, ipc: true },
    );
    if (skipped) check('PostgreSQL reachable', false, skipped);
  } finally {
    await redis.stop();
  }
  const failed = checks.filter((entry) => !entry.ok);
  console.log(`\n${checks.length - failed.length} of ${checks.length} checks passed`);
  process.exit(failed.length ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
