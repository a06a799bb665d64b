// Webhooks end to end: the API records deliveries, BullMQ on the real Redis carries the jobs (a queue
// prefix of this file's own), the worker POSTs them to a real HTTP receiver on an ephemeral port.
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MODEL_VERSION, createLogger, encryptSecret, loadConfig } from '@gridshare/api/background';
import {
  type OrgFixture,
  type TestApi,
  buildServer,
  createProposedDeal,
  createPublishedBlock,
  createSite,
  mutate,
  signUpOrg,
  startTestApi,
} from '@gridshare/api/testing';
import { Queue } from 'bullmq';
import { MAINTENANCE_QUEUE } from './jobs';
import { waitFor } from './wait-for';
import { type RunningWorker, startWorker } from './worker';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const env = {
  REDIS_URL,
  QUEUE_PREFIX: `test-worker-${randomBytes(4).toString('hex')}`,
  WEBHOOK_MAX_ATTEMPTS: '3',
  WEBHOOK_BACKOFF_BASE_MS: '150',
  WEBHOOK_TIMEOUT_MS: '2000',
  WEBHOOK_SWEEP_EVERY_MS: '250',
  // Long enough that a delivery arriving sooner was queued by the API, not found by the sweep.
  WEBHOOK_SWEEP_GRACE_MS: '3000',
  // The receiver listens on loopback, over http: allowed here on purpose, and nowhere by default.
  WEBHOOK_UNSAFE_PRIVATE_NETWORKS: '127.0.0.0/8',
};

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** A partner's receiver: answers each path with its scripted statuses in turn (the last one repeats). */
class Receiver {
  readonly received: Received[] = [];
  readonly scripts = new Map<string, number[]>();
  /** Paths that answer only after this many ms. */
  readonly delays = new Map<string, number>();
  private server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const path = request.url ?? '/';
      this.received.push({ path, headers: request.headers, body, at: Date.now() });
      const script = this.scripts.get(path) ?? [200];
      const status = script.length > 1 ? script.shift()! : script[0]!;
      setTimeout(() => {
        if (status >= 300 && status < 400) response.writeHead(status, { location: `${path}/moved` }).end();
        else response.writeHead(status).end(status >= 400 ? `boom ${'x'.repeat(5000)}` : 'ok');
      }, this.delays.get(path) ?? 0);
    });
  });
  base = '';
  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  at = (path: string) => this.received.filter((r) => r.path === path);
  close = () =>
    new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
}

let api: TestApi;
let worker: RunningWorker;
const receiver = new Receiver();
let host: OrgFixture;
let other: OrgFixture;

beforeAll(async () => {
  await receiver.start();
  api = await startTestApi({ env });
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
  worker = await startWorker({ config: { ...config, REDIS_URL }, db: api.db, logger: createLogger('silent') });
  host = await signUpOrg(api, 'MINER', 'hook-host');
  other = await signUpOrg(api, 'MINER', 'hook-other');
});
afterAll(async () => {
  await worker.close();
  await api.close();
  await receiver.close();
});

const CREATE = `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } secret } }`;
const DELIVERIES = `query ($filter: WebhookDeliveryFilter) { webhookDeliveries(filter: $filter) {
  edges { node { id eventId eventType status attempts maxAttempts lastStatusCode lastError nextAttemptAt deliveredAt replayOfId } } } }`;

interface DeliveryNode {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  maxAttempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  replayOfId: string | null;
}

async function register(org: OrgFixture, path: string, eventTypes = ['CAPACITY_PUBLISHED']) {
  return mutate<{ endpoint: { id: string }; secret: string }>(api, org, 'createWebhookEndpoint', CREATE, { input: { url: `${receiver.base}${path}`, eventTypes } });
}

async function deliveries(org: OrgFixture, endpointId: string): Promise<DeliveryNode[]> {
  const result = await api.gql<{ webhookDeliveries: { edges: { node: DeliveryNode }[] } }>(DELIVERIES, { filter: { endpointId } }, org);
  return result.data?.webhookDeliveries.edges.map((edge) => edge.node) ?? [];
}

const settled = (org: OrgFixture, endpointId: string, status: string) =>
  waitFor(`a ${status} delivery`, async () => (await deliveries(org, endpointId)).find((d) => d.status === status));

async function publishBlock(org: OrgFixture) {
  const site = await createSite(api, org);
  return createPublishedBlock(api, org, site.id);
}

/** What a partner writes (docs/webhooks.md), independent of our signing code. */
function partnerVerifies(secret: string, header: string, body: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=')));
  if (Math.abs(Date.now() / 1000 - Number(parts.t)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe('webhook delivery', () => {
  it('delivers a signed event the partner can verify, and only to the organisation it is about', async () => {
    const mine = await register(host, '/signed');
    const theirs = await register(other, '/other');
    const publishedAt = Date.now();
    const blockId = await publishBlock(host);
    const delivered = await settled(host, mine.endpoint.id, 'DELIVERED');
    // The API queued it after commit (the sweep would only have found it 3 s past due).
    expect(receiver.at('/signed')[0]!.at - publishedAt).toBeLessThan(2500);
    expect(delivered).toMatchObject({ eventType: 'CAPACITY_PUBLISHED', attempts: 1, lastStatusCode: 200, lastError: null, nextAttemptAt: null });

    const [request] = receiver.at('/signed');
    expect(request).toBeDefined();
    const signature = String(request!.headers['gridshare-signature']);
    expect(partnerVerifies(mine.secret, signature, request!.body)).toBe(true);
    expect(partnerVerifies(theirs.secret, signature, request!.body)).toBe(false);
    expect(partnerVerifies(mine.secret, signature, request!.body.replace('}', ' }'))).toBe(false);
    expect(request!.headers['gridshare-event-id']).toBe(delivered.eventId);
    expect(request!.headers['gridshare-delivery-id']).toBe(delivered.id);
    const event = JSON.parse(request!.body);
    expect(event).toMatchObject({ id: delivered.eventId, type: 'capacity.published', data: { blockId, mw: 40 } });

    // The other organisation's endpoint heard nothing of it, and cannot see it.
    expect(receiver.at('/other')).toHaveLength(0);
    expect(await deliveries(other, mine.endpoint.id)).toEqual([]);
  });

  it('delivers a test event asked for from the API the same way, signed, to that endpoint only', async () => {
    const target = await register(host, '/test-event', ['DEAL_SIGNED']);
    const bystander = await register(host, '/test-bystander', ['DEAL_SIGNED']);
    const sent = await mutate<{ id: string }>(api, host, 'sendWebhookTestEvent', `mutation ($id: ID!) { sendWebhookTestEvent(endpointId: $id) { id } }`, { id: target.endpoint.id });
    const delivered = await settled(host, target.endpoint.id, 'DELIVERED');
    expect(delivered).toMatchObject({ id: sent.id, eventType: 'WEBHOOK_TEST', attempts: 1, lastStatusCode: 200 });
    const [request] = receiver.at('/test-event');
    expect(partnerVerifies(target.secret, String(request!.headers['gridshare-signature']), request!.body)).toBe(true);
    expect(JSON.parse(request!.body)).toMatchObject({ type: 'webhook.test', data: { test: true, endpointId: target.endpoint.id } });
    expect(receiver.at('/test-bystander')).toHaveLength(0);
    expect(await deliveries(host, bystander.endpoint.id)).toEqual([]);
  });

  it('retries 500s with growing waits, then succeeds', async () => {
    receiver.scripts.set('/flaky', [500, 500, 200]);
    const endpoint = await register(host, '/flaky');
    await publishBlock(host);
    const delivered = await settled(host, endpoint.endpoint.id, 'DELIVERED');
    expect(delivered).toMatchObject({ attempts: 3, lastStatusCode: 200, lastError: null });
    const times = receiver.at('/flaky').map((r) => r.at);
    expect(times).toHaveLength(3);
    // 150 ms after the first failure, 300 ms after the second.
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(140);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(290);
  });

  it('gives up after the last attempt with the status visible (never the receiver’s answer), and a replay delivers it once fixed', async () => {
    receiver.scripts.set('/down', [503]);
    const endpoint = await register(host, '/down');
    await publishBlock(host);
    const failed = await settled(host, endpoint.endpoint.id, 'FAILED');
    expect(failed).toMatchObject({ attempts: 3, maxAttempts: 3, lastStatusCode: 503, nextAttemptAt: null });
    expect(failed.lastError).toBe('HTTP 503 (server error)');
    expect(receiver.at('/down')).toHaveLength(3);

    // Another organisation can neither replay it nor learn it exists.
    const foreign = await api.gql(`mutation ($id: ID!) { replayWebhookDelivery(id: $id) { id } }`, { id: failed.id }, other);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    receiver.scripts.set('/down', [200]);
    const replay = await mutate<{ id: string; replayOfId: string; eventId: string }>(
      api,
      host,
      'replayWebhookDelivery',
      `mutation ($id: ID!) { replayWebhookDelivery(id: $id) { id replayOfId eventId } }`,
      { id: failed.id },
    );
    expect(replay).toMatchObject({ replayOfId: failed.id, eventId: failed.eventId });
    const delivered = await waitFor('the replay', async () => (await deliveries(host, endpoint.endpoint.id)).find((d) => d.id === replay.id && d.status === 'DELIVERED'));
    expect(delivered.attempts).toBe(1);
    expect(receiver.at('/down').at(-1)!.headers['gridshare-event-id']).toBe(failed.eventId);
    // The original keeps its history.
    expect((await deliveries(host, endpoint.endpoint.id)).find((d) => d.id === failed.id)?.status).toBe('FAILED');
  });

  it('fails at once, without sending, when the signing secret cannot be decrypted', async () => {
    const endpoint = await register(host, '/rekeyed');
    // As if WEBHOOK_ENCRYPTION_KEY had changed since the endpoint was registered.
    await api.db.prisma.webhookEndpoint.update({ where: { id: endpoint.endpoint.id }, data: { secretCiphertext: encryptSecret(Buffer.alloc(32, 9), endpoint.secret) } });
    await publishBlock(host);
    const failed = await settled(host, endpoint.endpoint.id, 'FAILED');
    expect(failed).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/signing secret unreadable/) });
    expect(receiver.at('/rekeyed')).toHaveLength(0);
  });

  it('marks FAILED, without sending, a delivery whose last attempt was cut short (its worker died)', async () => {
    const endpoint = await register(host, '/orphan');
    // What a worker leaves when it dies during the third (last) attempt: PENDING, attempts 3, lease expired.
    const orphan = await api.db.prisma.webhookDelivery.create({
      data: {
        orgId: host.orgId,
        endpointId: endpoint.endpoint.id,
        eventId: randomUUID(),
        eventType: 'capacity.published',
        payload: {},
        attempts: 3,
        nextAttemptAt: new Date(Date.now() - 10_000),
      },
    });
    const failed = await settled(host, endpoint.endpoint.id, 'FAILED');
    expect(failed).toMatchObject({ id: orphan.id, attempts: 3 });
    expect(receiver.at('/orphan')).toHaveLength(0);
  });

  it('does not follow redirects', async () => {
    receiver.scripts.set('/moving', [302]);
    const endpoint = await register(host, '/moving');
    await publishBlock(host);
    const failed = await settled(host, endpoint.endpoint.id, 'FAILED');
    expect(failed.lastError).toBe('HTTP 302 (redirect, not followed)');
    expect(receiver.at('/moving/moved')).toHaveLength(0);
  });

  it('sends deal.accepted to both parties and nobody else', async () => {
    const tenant = await signUpOrg(api, 'TENANT', 'hook-tenant');
    const hostHook = await register(host, '/deal-host', ['DEAL_ACCEPTED']);
    const tenantHook = await register(tenant, '/deal-tenant', ['DEAL_ACCEPTED']);
    const bystander = await register(other, '/deal-other', ['DEAL_ACCEPTED']);
    const deal = await createProposedDeal(api, host, tenant);
    await mutate(api, tenant, 'acceptDeal', `mutation ($id: ID!) { acceptDeal(id: $id) { id } }`, { id: deal.dealId });
    const [toHost, toTenant] = await Promise.all([settled(host, hostHook.endpoint.id, 'DELIVERED'), settled(tenant, tenantHook.endpoint.id, 'DELIVERED')]);
    expect([toHost.eventType, toTenant.eventType]).toEqual(['DEAL_ACCEPTED', 'DEAL_ACCEPTED']);
    expect(JSON.parse(receiver.at('/deal-tenant')[0]!.body).data).toMatchObject({ dealId: deal.dealId, status: 'ACCEPTED' });
    expect(await deliveries(other, bystander.endpoint.id)).toEqual([]);
    expect(receiver.at('/deal-other')).toHaveLength(0);
  });

  it('delivers later, through the sweep, what was committed while Redis was down', async () => {
    const endpoint = await register(host, '/late');
    // A second API process on the same database whose Redis is unreachable: the mutation commits, the
    // enqueue fails, the request still succeeds.
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env, REDIS_URL: 'redis://127.0.0.1:1' });
    const { app } = await buildServer({ config, db: api.db, logger: createLogger('silent') });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const site = await createSite(api, host);
      const block = await mutate<{ id: string }>(api, host, 'createCapacityBlock', `mutation ($input: CreateCapacityBlockInput!) { createCapacityBlock(input: $input) { id } }`, {
        input: { siteId: site.id, kind: 'COLOCATION', mw: 10, firmMw: 10, availableFrom: '2026-06-01', priceUsdPerKwMonth: 150, minTermMonths: 60 },
      });
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
        body: JSON.stringify({ query: `mutation ($id: ID!) { publishCapacityBlock(id: $id) { status } }`, variables: { id: block.id } }),
      });
      expect(await response.json()).toEqual({ data: { publishCapacityBlock: { status: 'PUBLISHED' } } });
      const committedAt = Date.now();
      const delivered = await settled(host, endpoint.endpoint.id, 'DELIVERED');
      // Only the sweep could have queued it: not before the grace period had passed.
      expect(receiver.at('/late')[0]!.at - committedAt).toBeGreaterThanOrEqual(2900);
      expect(delivered.attempts).toBe(1);
    } finally {
      await app.close();
    }
  });
});

describe('webhook destinations at delivery', () => {
  it('refuses, without sending, an endpoint whose address this worker does not allow', async () => {
    // Registered while allowed (or the name resolved elsewhere then); this worker allows no private network.
    const own = { ...env, QUEUE_PREFIX: `${env.QUEUE_PREFIX}-private`, WEBHOOK_UNSAFE_PRIVATE_NETWORKS: '' };
    const ownApi = await startTestApi({ env: { ...own, WEBHOOK_UNSAFE_PRIVATE_NETWORKS: '127.0.0.0/8' } });
    const ownWorker = await startWorker({ config: { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...own }), REDIS_URL }, db: ownApi.db, logger: createLogger('silent') });
    try {
      const org = await signUpOrg(ownApi, 'MINER', 'hook-private');
      const { endpoint } = await mutate<{ endpoint: { id: string } }>(ownApi, org, 'createWebhookEndpoint', CREATE, {
        input: { url: `${receiver.base}/internal`, eventTypes: ['CAPACITY_PUBLISHED'] },
      });
      const site = await createSite(ownApi, org);
      await createPublishedBlock(ownApi, org, site.id);
      const row = await waitFor('the refusal', async () => {
        const found = await ownApi.db.prisma.webhookDelivery.findFirst({ where: { endpointId: endpoint.id, status: 'FAILED' } });
        return found ?? undefined;
      });
      expect(row).toMatchObject({ attempts: 1, lastStatusCode: null, lastError: expect.stringMatching(/not allowed/) });
      expect(receiver.at('/internal')).toHaveLength(0);
    } finally {
      await ownWorker.close();
      await ownApi.close();
    }
  });
});

describe('readiness after a model change', () => {
  it('reassesses sites whose assessments are from an older model, once', async () => {
    const site = await createSite(api, host);
    // As if the site had been assessed under the previous model version.
    await api.db.prisma.readinessAssessment.updateMany({ where: { siteId: site.id }, data: { modelVersion: 'readiness-previous' } });
    const queue = new Queue(MAINTENANCE_QUEUE, { connection: { url: REDIS_URL }, prefix: env.QUEUE_PREFIX });
    try {
      await queue.add('readiness-reassess', {}, { jobId: `reassess-test-${randomBytes(3).toString('hex')}` });
      const current = () => api.db.prisma.readinessAssessment.count({ where: { siteId: site.id, modelVersion: MODEL_VERSION } });
      await waitFor('a current-model assessment', async () => (await current()) > 0);
      await queue.add('readiness-reassess', {}, { jobId: `reassess-again-${randomBytes(3).toString('hex')}` });
      await waitFor('the second run', async () => {
        const counts = await queue.getJobCounts('waiting', 'active');
        return counts.waiting === 0 && counts.active === 0;
      });
      expect(await current()).toBe(1);
    } finally {
      await queue.close();
    }
  });
});

describe('meter reading partitions', () => {
  it('exist for this month and the next three once the worker has started', async () => {
    const now = new Date();
    const names = [0, 1, 2, 3].map((ahead) => {
      const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + ahead, 1));
      return `MeterReading_${month.getUTCFullYear()}_${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
    });
    const existing = async () =>
      (await api.db.prisma.$queryRaw<{ relname: string }[]>`SELECT relname::text FROM pg_class WHERE relname = ANY(${names}::text[]) ORDER BY relname`).map((row) => row.relname);
    expect(await waitFor('the coming months’ partitions', async () => ((await existing()).length === 4 ? existing() : undefined))).toEqual(names);
  });
});

describe('graceful shutdown', () => {
  it('finishes the delivery in flight before the worker closes', async () => {
    // A worker of its own (own queue prefix and database), so closing it touches no other test.
    const own = { ...env, QUEUE_PREFIX: `${env.QUEUE_PREFIX}-shutdown` };
    const ownApi = await startTestApi({ env: own });
    const ownWorker = await startWorker({ config: { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...own }), REDIS_URL }, db: ownApi.db, logger: createLogger('silent') });
    try {
      const org = await signUpOrg(ownApi, 'MINER', 'hook-shutdown');
      receiver.delays.set('/slow', 800);
      const { endpoint } = await mutate<{ endpoint: { id: string } }>(ownApi, org, 'createWebhookEndpoint', CREATE, {
        input: { url: `${receiver.base}/slow`, eventTypes: ['CAPACITY_PUBLISHED'] },
      });
      const site = await createSite(ownApi, org);
      await createPublishedBlock(ownApi, org, site.id);
      await waitFor('the attempt to start', async () => receiver.at('/slow').length > 0);
      await ownWorker.close();
      const row = await ownApi.db.prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
      expect(row).toMatchObject({ status: 'DELIVERED', attempts: 1, lastStatusCode: 200 });
    } finally {
      await ownWorker.close();
      await ownApi.close();
    }
  });
});
