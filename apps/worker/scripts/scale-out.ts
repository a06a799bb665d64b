// `npm run scale-out`: proof that the API is stateless. Starts 2 API processes and 1 worker against one
// scratch PostgreSQL database (migrated and seeded here) and one Redis, spreads requests over both APIs,
// and checks that they behave as one system:
//   1. a session signed in on API 1 works on API 2, and signing out on API 2 ends it on API 1;
//   2. reads spread over both APIs (10 at a time) all succeed;
//   3. an API key's rate limit is one budget: requests alternating between the APIs get exactly the
//      limit's worth of answers before 429s;
//   4. a webhook endpoint registered and a block published through API 2 is delivered, signed, by the
//      worker to a local receiver;
//   5. a capacity search API 1 answers from memory is fresh again right after a host unpublishes one of
//      its blocks through API 2 (the mutation clears every API's cached answers through Redis).
// Prints a summary, exits 0 when all hold, 1 otherwise; bounded to 120 s; drops what it created.
import { createHmac, randomBytes } from 'node:crypto';
import { type IncomingHttpHeaders, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_PASSWORD, applyMigrations, createDatabase, seedDemo } from '@gridshare/db';
import { adminQuery, withDatabaseName } from '@gridshare/db/testing';
import { blockInput, siteInput } from '@gridshare/api/testing';
import { Queue } from 'bullmq';
import { Processes, freePort } from './processes';

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const RATE_LIMIT = 40;
const DEADLINE_MS = 120_000;
const tag = randomBytes(4).toString('hex');
const dbName = `gs_scaleout_${tag}`;
const dbUrl = withDatabaseName(ADMIN_URL, dbName);
const QUEUE_PREFIX = `scale-out-${tag}`;

// The webhook receiver below listens on loopback: allowed here on purpose (docs/webhooks.md).
const processes = new Processes({
  DATABASE_URL: dbUrl,
  REDIS_URL,
  QUEUE_PREFIX,
  NODE_ENV: 'development',
  SEED_DEMO: 'false',
  WEBHOOK_UNSAFE_PRIVATE_NETWORKS: '127.0.0.0/8',
});
const start = processes.start.bind(processes);
const results: { check: string; ok: boolean; detail: string }[] = [];
const record = (check: string, ok: boolean, detail: string) => results.push({ check, ok, detail });

async function gql<T>(base: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  // The response cache's verdict (hit, miss, or null when it was not involved).
  return { status: response.status, cache: response.headers.get('x-gridshare-cache'), ...body };
}

async function must<T>(base: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const result = await gql<T>(base, query, variables, token);
  if (!result.data || result.errors) throw new Error(`request failed on ${base}: ${JSON.stringify(result.errors)}`);
  return result.data;
}

async function signInAs(base: string, email: string) {
  const { signIn } = await must<{ signIn: { token: string } }>(
    base,
    `mutation ($input: SignInInput!) { signIn(input: $input) { token } }`,
    { input: { email, password: DEMO_PASSWORD } },
  );
  return signIn;
}

async function sessions(api1: string, api2: string) {
  const session = await signInAs(api1, 'miner@demo.gridshare.dev');
  const me = await gql<{ me: { organization: { name: string } } }>(api2, `{ me { organization { name } } }`, {}, session.token);
  record('session from API 1 works on API 2', me.data?.me.organization.name === 'Permian Hashworks', `me on API 2: ${me.data?.me.organization.name ?? JSON.stringify(me.errors)}`);
  return session.token;
}

async function spread(api1: string, api2: string, token: string) {
  const READS = 200;
  const tally = { api1: 0, api2: 0, failed: 0 };
  const latencies: number[] = [];
  for (let batch = 0; batch < READS / 10; batch++) {
    await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const [name, base] = i % 2 === 0 ? (['api1', api1] as const) : (['api2', api2] as const);
        const startedAt = performance.now();
        const result = await gql<{ sites: { totalCount: number } }>(base, `{ sites(first: 5) { totalCount edges { node { id name } } } }`, {}, token);
        latencies.push(performance.now() - startedAt);
        if (result.status === 200 && result.data?.sites.totalCount) tally[name]++;
        else tally.failed++;
      }),
    );
  }
  latencies.sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
  record('reads spread over both APIs', tally.failed === 0, `${READS} reads, 10 at a time: API 1 ${tally.api1} ok, API 2 ${tally.api2} ok, ${tally.failed} failed; p50 ${p(0.5)} ms, p99 ${p(0.99)} ms`);
}

async function rateLimit(api1: string, api2: string) {
  // The partner organisation is on the API plan, whose limit this run lowers; its key is new, so its
  // budget starts full.
  const partner = await signInAs(api2, 'partner@demo.gridshare.dev');
  const { createApiKey } = await must<{ createApiKey: { secret: string } }>(
    api1,
    `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`,
    { input: { name: `scale-out ${tag}`, scopes: ['SITES_READ'] } },
    partner.token,
  );
  const tally = { api1: { ok: 0, limited: 0 }, api2: { ok: 0, limited: 0 }, other: 0 };
  // One at a time, alternating: the order of counting is then exact.
  for (let i = 0; i < RATE_LIMIT + 10; i++) {
    const [name, base] = i % 2 === 0 ? (['api1', api1] as const) : (['api2', api2] as const);
    const result = await gql(base, `{ sites(first: 1) { totalCount } }`, {}, createApiKey.secret);
    if (result.status === 200 && !result.errors) tally[name].ok++;
    else if (result.status === 429) tally[name].limited++;
    else tally.other++;
  }
  const ok = tally.api1.ok + tally.api2.ok;
  const limited = tally.api1.limited + tally.api2.limited;
  record(
    'rate limit shared by both APIs',
    ok === RATE_LIMIT && limited === 10 && tally.api1.ok > 0 && tally.api2.ok > 0 && tally.other === 0,
    `${RATE_LIMIT + 10} requests alternating: API 1 ${tally.api1.ok} ok / ${tally.api1.limited} 429, API 2 ${tally.api2.ok} ok / ${tally.api2.limited} 429 (API plan limit ${RATE_LIMIT}/min)`,
  );
}

async function webhook(api2: string, token: string) {
  const received: { headers: IncomingHttpHeaders; body: string; at: number }[] = [];
  const receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ headers: request.headers, body, at: Date.now() });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const { createWebhookEndpoint } = await must<{ createWebhookEndpoint: { secret: string } }>(
      api2,
      `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }`,
      { input: { url, eventTypes: ['CAPACITY_PUBLISHED'] } },
      token,
    );
    const { createSite } = await must<{ createSite: { id: string } }>(api2, `mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }`, { input: siteInput() }, token);
    const { createCapacityBlock } = await must<{ createCapacityBlock: { id: string } }>(
      api2,
      `mutation ($input: CreateCapacityBlockInput!) { createCapacityBlock(input: $input) { id } }`,
      { input: blockInput(createSite.id) },
      token,
    );
    const publishedAt = Date.now();
    await must(api2, `mutation ($id: ID!) { publishCapacityBlock(id: $id) { id } }`, { id: createCapacityBlock.id }, token);
    const deadline = Date.now() + 15_000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    const [hit] = received;
    const [t, v1] = String(hit?.headers['gridshare-signature'] ?? '').split(',').map((part) => part.split('=')[1]);
    const valid = !!hit && createHmac('sha256', createWebhookEndpoint.secret).update(`${t}.${hit.body}`).digest('hex') === v1;
    const event = hit ? (JSON.parse(hit.body) as { type: string; data: { blockId: string } }) : null;
    record(
      'webhook queued by API 2, delivered by the worker',
      valid && event?.type === 'capacity.published' && event.data.blockId === createCapacityBlock.id,
      hit ? `capacity.published delivered ${hit.at - publishedAt} ms after the mutation; signature ${valid ? 'valid' : 'INVALID'}` : 'nothing delivered within 15 s',
    );
  } finally {
    receiver.close();
    receiver.closeAllConnections();
  }
}

/** Searches on `base`: the listing ids and what the response cache said (hit, miss). */
async function search(base: string, token: string) {
  const result = await gql<{ searchCapacity: { edges: { node: { id: string } }[] } }>(base, `{ searchCapacity(first: 100) { edges { node { id } } } }`, {}, token);
  return { ids: result.data?.searchCapacity.edges.map((edge) => edge.node.id) ?? [], cache: result.cache };
}

async function searchCache(api1: string, api2: string, minerToken: string) {
  const tenant = await signInAs(api1, 'tenant@demo.gridshare.dev');
  const { capacityBlocks } = await must<{ capacityBlocks: { edges: { node: { id: string } }[] } }>(
    api2,
    `{ capacityBlocks(first: 100) { edges { node { id } } } }`,
    {},
    minerToken,
  );
  await search(api1, tenant.token);
  const before = await search(api1, tenant.token);
  const listed = capacityBlocks.edges.map((edge) => edge.node.id).find((id) => before.ids.includes(id));
  if (!listed) return record('search answers fresh on API 1 after a write on API 2', false, 'none of the demo miner’s blocks is listed');
  await must(api2, `mutation ($id: ID!) { unpublishCapacityBlock(id: $id) { id } }`, { id: listed }, minerToken);
  const after = await search(api1, tenant.token);
  record(
    'search answers fresh on API 1 after a write on API 2',
    before.cache === 'hit' && after.cache === 'miss' && !after.ids.includes(listed) && after.ids.length === before.ids.length - 1,
    `before: ${before.ids.length} listings (${before.cache}); block unpublished on API 2; after, on API 1: ${after.ids.length} listings (${after.cache})`,
  );
}

async function signOut(api1: string, api2: string, token: string) {
  await must(api2, `mutation { signOut }`, {}, token);
  const after = await gql(api1, `{ me { id } }`, {}, token);
  record('sign-out on API 2 ends the session on API 1', after.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED', `API 1 answers ${after.errors?.[0]?.extensions?.code ?? 'data'}`);
}

async function cleanup() {
  await processes.stopAll();
  for (const name of ['webhook-deliveries', 'settlement', 'maintenance']) {
    const queue = new Queue(name, { connection: { url: REDIS_URL }, prefix: QUEUE_PREFIX });
    await queue.obliterate({ force: true }).catch(() => {});
    await queue.close();
  }
  await adminQuery(ADMIN_URL, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => {});
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  console.log(`scratch database ${dbName}, queue prefix ${QUEUE_PREFIX}`);
  await adminQuery(ADMIN_URL, `CREATE DATABASE "${dbName}"`);
  const db = createDatabase({ url: dbUrl, poolMax: 2 });
  await applyMigrations(db.migrationTarget());
  await seedDemo(db.prisma);
  await db.close();

  const limits = { RATE_LIMIT_API_PER_MINUTE: String(RATE_LIMIT) };
  const [port1, port2] = [await freePort(), await freePort()];
  const ready = /Gridshare API ready/;
  await Promise.all([
    start('API 1', 'apps/api/src/main.ts', { ...limits, PORT: String(port1), LOG_LEVEL: 'warn' }, ready),
    start('API 2', 'apps/api/src/main.ts', { ...limits, PORT: String(port2), LOG_LEVEL: 'warn' }, ready),
    start('worker', 'apps/worker/src/main.ts', { LOG_LEVEL: 'info' }, /worker started/),
  ]);
  const [api1, api2] = [`http://127.0.0.1:${port1}`, `http://127.0.0.1:${port2}`];
  console.log(`API 1 ${api1}, API 2 ${api2}, 1 worker: up after ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);

  const token = await sessions(api1, api2);
  await spread(api1, api2, token);
  await rateLimit(api1, api2);
  await webhook(api2, token);
  await searchCache(api1, api2, token);
  await signOut(api1, api2, token);

  console.log('\nscale-out summary');
  for (const result of results) console.log(`  ${result.ok ? 'PASS' : 'FAIL'}  ${result.check}: ${result.detail}`);
  console.log(`  total ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  if (results.some((result) => !result.ok)) for (const [name, output] of processes.outputs) console.log(`\n--- ${name} (last output)\n${output}`);
}

const timer = setTimeout(() => {
  console.error(`scale-out: gave up after ${DEADLINE_MS / 1000} s`);
  void cleanup().finally(() => process.exit(1));
}, DEADLINE_MS);

main()
  .catch((error: unknown) => {
    record('run', false, error instanceof Error ? error.message : String(error));
    console.error(error);
  })
  .finally(async () => {
    clearTimeout(timer);
    await cleanup();
    process.exit(results.length > 0 && results.every((result) => result.ok) ? 0 : 1);
  });
