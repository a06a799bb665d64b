// Endpoints and the outbox, without a queue: what is written, for whom, and what is refused.
import { withOrg } from '@gridshare/db';
import { loadConfig } from '../../config';
import { type OrgFixture, createApiKey, createListedBlock, createProposedDeal, createRequest, createSite, createPublishedBlock, joinOrg, mutate, signUpOrg } from '../../testing/fixtures';
import { type TestApi, startTestApi } from '../../testing/test-api';
import { decryptSecret } from './secret-box';
import { MAX_ENDPOINTS_PER_ORG } from './webhooks.service';
import { errorCode } from '../../testing/expect-code';

let api: TestApi;
let host: OrgFixture;
let tenant: OrgFixture;
let stranger: OrgFixture;
const key = loadConfig({ NODE_ENV: 'test' }).webhookEncryptionKey;

beforeAll(async () => {
  api = await startTestApi();
  host = await signUpOrg(api, 'MINER', 'wh-host');
  tenant = await signUpOrg(api, 'TENANT', 'wh-tenant');
  stranger = await signUpOrg(api, 'MINER', 'wh-stranger');
});
afterAll(() => api.close());

const CREATE = `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id url eventTypes enabled secretPrefix } secret } }`;

async function register(org: OrgFixture, eventTypes: string[], url = 'https://hooks.example.test/gridshare') {
  return mutate<{ endpoint: { id: string; secretPrefix: string }; secret: string }>(api, org, 'createWebhookEndpoint', CREATE, { input: { url, eventTypes } });
}

const deliveryRows = (endpointId: string) => api.db.prisma.webhookDelivery.findMany({ where: { endpointId } });

describe('webhook endpoints', () => {
  it('shows the secret once and stores it only encrypted; lists never carry it', async () => {
    const created = await register(host, ['DEAL_SIGNED', 'DEAL_SIGNED', 'MATCH_CREATED']);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(created.endpoint.secretPrefix).toBe(created.secret.slice(0, 12));
    const row = await api.db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: created.endpoint.id } });
    expect(JSON.stringify(row)).not.toContain(created.secret);
    expect(decryptSecret(key, row.secretCiphertext)).toBe(created.secret);
    expect(row.eventTypes).toEqual(['deal.signed', 'match.created']);

    const listed = await api.gql<{ webhookEndpoints: { totalCount: number; edges: { node: Record<string, unknown> }[] } }>(
      `{ webhookEndpoints { totalCount edges { node { id url eventTypes enabled secretPrefix } } } }`,
      {},
      host,
    );
    expect(listed.data?.webhookEndpoints.edges.map((e) => e.node)).toContainEqual({
      id: created.endpoint.id,
      url: 'https://hooks.example.test/gridshare',
      eventTypes: ['DEAL_SIGNED', 'MATCH_CREATED'],
      enabled: true,
      secretPrefix: created.endpoint.secretPrefix,
    });
    const audit = await api.db.prisma.auditLog.findMany({ where: { entityId: created.endpoint.id } });
    expect(audit.map((r) => r.action)).toEqual(['webhook_endpoint.created']);
    expect(JSON.stringify(audit)).not.toContain(created.secret);
  });

  it.each([
    ['a non-http scheme', { url: 'ftp://hooks.example.test/x', eventTypes: ['DEAL_SIGNED'] }, 'input.url', /http:\/\/ or https:\/\//],
    ['credentials in the URL', { url: 'https://user:pw@hooks.example.test/x', eventTypes: ['DEAL_SIGNED'] }, 'input.url', /user name or password/],
    ['not a URL', { url: 'hooks', eventTypes: ['DEAL_SIGNED'] }, 'input.url', /http/],
    ['a URL over 2048 characters', { url: `https://hooks.example.test/${'a'.repeat(2048)}`, eventTypes: ['DEAL_SIGNED'] }, 'input.url', /2048/],
    ['no event type', { url: 'https://hooks.example.test/x', eventTypes: [] }, 'input.eventTypes', /at least one/],
    ['a long description', { url: 'https://hooks.example.test/x', eventTypes: ['DEAL_SIGNED'], description: 'd'.repeat(201) }, 'input.description', /200/],
  ])('refuses %s, naming the field, and writes nothing', async (_label, input, field, message) => {
    const before = await api.db.prisma.webhookEndpoint.count();
    const result = await api.gql(CREATE, { input }, host);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.field).toBe(field);
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(await api.db.prisma.webhookEndpoint.count()).toBe(before);
  });

  it('updates and deletes only with a real change, and never across organisations', async () => {
    const created = await register(host, ['CAPACITY_PUBLISHED']);
    const id = created.endpoint.id;
    const update = `mutation ($id: ID!, $input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(id: $id, input: $input) { enabled eventTypes url } }`;
    const empty = await api.gql(update, { id, input: {} }, host);
    expect(errorCode(empty)).toBe('BAD_USER_INPUT');
    expect(empty.errors?.[0]?.extensions?.field).toBe('input');
    const badUrl = await api.gql(update, { id, input: { url: 'javascript:alert(1)' } }, host);
    expect(badUrl.errors?.[0]?.extensions?.field).toBe('input.url');

    for (const [query, variables] of [
      [update, { id, input: { enabled: false } }],
      [`mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) { id } }`, { id }],
    ] as const) {
      expect(errorCode(await api.gql(query, variables, stranger))).toBe('NOT_FOUND');
    }
    const strangerList = await api.gql<{ webhookEndpoints: { totalCount: number } }>(`{ webhookEndpoints { totalCount } }`, {}, stranger);
    expect(strangerList.data?.webhookEndpoints.totalCount).toBe(0);
    expect((await api.db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id } })).enabled).toBe(true);

    const updated = await api.gql<{ updateWebhookEndpoint: { enabled: boolean } }>(update, { id, input: { enabled: false, eventTypes: ['INVOICE_PAID'] } }, host);
    expect(updated.data?.updateWebhookEndpoint).toEqual({ enabled: false, eventTypes: ['INVOICE_PAID'], url: 'https://hooks.example.test/gridshare' });
    await mutate(api, host, 'deleteWebhookEndpoint', `mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) { id } }`, { id });
    expect(await api.db.prisma.webhookEndpoint.count({ where: { id } })).toBe(0);
  });

  it('caps endpoints per organisation with a CONFLICT', async () => {
    const capped = await signUpOrg(api, 'PARTNER', 'wh-capped');
    for (let i = 0; i < MAX_ENDPOINTS_PER_ORG; i++) await register(capped, ['DEAL_SIGNED']);
    const over = await api.gql(CREATE, { input: { url: 'https://hooks.example.test/one-more', eventTypes: ['DEAL_SIGNED'] } }, capped);
    expect(errorCode(over)).toBe('CONFLICT');
    expect(await api.db.prisma.webhookEndpoint.count({ where: { orgId: capped.orgId } })).toBe(MAX_ENDPOINTS_PER_ORG);
  });

  it('follows API key scopes: webhooks:read reads, only webhooks:write changes', async () => {
    const reader = await createApiKey(api, host, ['WEBHOOKS_READ']);
    expect(errorCode(await api.gql(`{ webhookDeliveries { totalCount } }`, {}, { token: reader.secret }))).toBeUndefined();
    const write = await api.gql(CREATE, { input: { url: 'https://hooks.example.test/k', eventTypes: ['DEAL_SIGNED'] } }, { token: reader.secret });
    expect(errorCode(write)).toBe('FORBIDDEN');
    expect(write.errors?.[0]?.message).toMatch(/webhooks:write/);
    const writer = await createApiKey(api, host, ['WEBHOOKS_WRITE']);
    expect(errorCode(await api.gql(CREATE, { input: { url: 'https://hooks.example.test/k', eventTypes: ['DEAL_SIGNED'] } }, { token: writer.secret }))).toBeUndefined();
  });
});

describe('the outbox', () => {
  it('queues an event for each subscribed, enabled endpoint of the organisation concerned', async () => {
    const subscribed = await register(host, ['CAPACITY_PUBLISHED']);
    const other = await register(host, ['DEAL_SIGNED']);
    const disabled = await register(host, ['CAPACITY_PUBLISHED']);
    await api.db.prisma.webhookEndpoint.update({ where: { id: disabled.endpoint.id }, data: { enabled: false } });
    const strangers = await register(stranger, ['CAPACITY_PUBLISHED']);
    const site = await createSite(api, host);
    const blockId = await createPublishedBlock(api, host, site.id);

    const [row] = await deliveryRows(subscribed.endpoint.id);
    expect(row).toMatchObject({ orgId: host.orgId, eventType: 'capacity.published', status: 'PENDING', attempts: 0 });
    expect(row!.payload).toMatchObject({ blockId, siteId: site.id, mw: 40, priceUsdPerKwMonth: 150 });
    for (const endpoint of [other, disabled, strangers]) expect(await deliveryRows(endpoint.endpoint.id)).toEqual([]);
  });

  it('tells the host of a matched site about the match, without the tenant', async () => {
    const hostHook = await register(host, ['MATCH_CREATED']);
    // A site and block that hold the fixture request (as in matching.int.test.ts).
    const listed = await createListedBlock(
      api,
      host,
      { mw: 40, firmMw: 40, availableFrom: '2027-01-01' },
      { coolingType: 'DIRECT_TO_CHIP', maxRackDensityKw: 132, latencyToHubMs: 6, liveDate: '2025-01-01', miningMw: 0 },
    );
    const request = await createRequest(api, tenant, { totalMw: 40, minContiguousMw: 40, phases: [{ mw: 40, neededBy: '2027-09-30' }], open: true });
    await mutate(api, tenant, 'runMatching', `mutation ($id: ID!) { runMatching(requestId: $id) { requestId } }`, { id: request.id });
    const rows = (await deliveryRows(hostHook.endpoint.id)).filter((r) => (r.payload as { siteId: string }).siteId === listed.siteId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.payload).toMatchObject({ requestId: request.id, siteId: listed.siteId, rank: expect.any(Number) });
    const text = JSON.stringify(rows[0]!.payload);
    expect(text).not.toContain(tenant.orgId);
    expect(text).not.toMatch(/Org wh-tenant|tenantOrg|orgId/);
  });

  it('writes deal.accepted for both parties only if the acceptance commits', async () => {
    const hostHook = await register(host, ['DEAL_ACCEPTED']);
    const tenantHook = await register(tenant, ['DEAL_ACCEPTED']);
    const doomed = await createProposedDeal(api, host, tenant);
    // Fault injection: the tenant's delivery insert fails after the host's succeeded.
    await api.db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION refuse_doomed_delivery() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."payload"->>'dealId' = '${doomed.dealId}' AND NEW."orgId" = '${tenant.orgId}' THEN RAISE EXCEPTION 'injected outbox failure'; END IF;
        RETURN NEW;
      END $$`);
    await api.db.prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_doomed_delivery BEFORE INSERT ON "WebhookDelivery" FOR EACH ROW EXECUTE FUNCTION refuse_doomed_delivery()`);
    try {
      const failed = await api.gql(`mutation ($id: ID!) { acceptDeal(id: $id) { status } }`, { id: doomed.dealId }, tenant);
      expect(errorCode(failed)).toBe('INTERNAL_SERVER_ERROR');
      expect((await api.db.prisma.deal.findUniqueOrThrow({ where: { id: doomed.dealId } })).status).toBe('PROPOSED');
      expect(await deliveryRows(hostHook.endpoint.id)).toEqual([]);
      expect(await deliveryRows(tenantHook.endpoint.id)).toEqual([]);
    } finally {
      await api.db.prisma.$executeRawUnsafe(`DROP TRIGGER refuse_doomed_delivery ON "WebhookDelivery"`);
      await api.db.prisma.$executeRawUnsafe(`DROP FUNCTION refuse_doomed_delivery()`);
    }

    const accepted = await createProposedDeal(api, host, tenant);
    await mutate(api, tenant, 'acceptDeal', `mutation ($id: ID!) { acceptDeal(id: $id) { status } }`, { id: accepted.dealId });
    for (const hook of [hostHook, tenantHook]) {
      const rows = await deliveryRows(hook.endpoint.id);
      expect(rows.map((r) => [r.eventType, (r.payload as { dealId: string }).dealId])).toEqual([['deal.accepted', accepted.dealId]]);
    }
  });

  it('sends deal.signed once, when the second party signs', async () => {
    const hostHook = await register(host, ['DEAL_SIGNED']);
    const deal = await createProposedDeal(api, host, tenant);
    await mutate(api, tenant, 'acceptDeal', `mutation ($id: ID!) { acceptDeal(id: $id) { status } }`, { id: deal.dealId });
    const sign = `mutation ($id: ID!) { signDeal(id: $id) { status } }`;
    await mutate(api, host, 'signDeal', sign, { id: deal.dealId });
    expect(await deliveryRows(hostHook.endpoint.id)).toEqual([]);
    await mutate(api, tenant, 'signDeal', sign, { id: deal.dealId });
    const rows = await deliveryRows(hostHook.endpoint.id);
    expect(rows.map((r) => (r.payload as { status: string }).status)).toEqual(['SIGNED']);
  });

  it('lets the database refuse an event addressed to an unrelated organisation', async () => {
    await register(stranger, ['DEAL_ACCEPTED']);
    const deal = await createProposedDeal(api, host, tenant);
    // As the host, about its own deal, but to a third organisation: row-level security's backstop.
    const attempt = withOrg(api.db.prisma, { orgId: host.orgId }, (tx) =>
      tx.$queryRaw`SELECT record_partner_event(${stranger.orgId}::uuid, 'deal.accepted', ${deal.dealId}::uuid, '{}'::jsonb)`,
    );
    await expect(attempt).rejects.toThrow(/may not record deal.accepted/);
    expect(await api.db.prisma.webhookDelivery.count({ where: { orgId: stranger.orgId } })).toBe(0);
  });

  it('keeps deliveries private: another organisation lists none and cannot replay them', async () => {
    const hook = await register(host, ['CAPACITY_PUBLISHED']);
    const site = await createSite(api, host);
    await createPublishedBlock(api, host, site.id);
    const [row] = await deliveryRows(hook.endpoint.id);
    const list = await api.gql<{ webhookDeliveries: { totalCount: number } }>(
      `query ($f: WebhookDeliveryFilter) { webhookDeliveries(filter: $f) { totalCount } }`,
      { f: { endpointId: hook.endpoint.id } },
      stranger,
    );
    expect(list.data?.webhookDeliveries.totalCount).toBe(0);
    const replay = `mutation ($id: ID!) { replayWebhookDelivery(id: $id) { id } }`;
    expect(errorCode(await api.gql(replay, { id: row!.id }, stranger))).toBe('NOT_FOUND');
    // The owner cannot replay it either while it is still being tried (no worker here: it stays PENDING).
    expect(errorCode(await api.gql(replay, { id: row!.id }, host))).toBe('CONFLICT');
    expect(await deliveryRows(hook.endpoint.id)).toHaveLength(1);
    // Raw SQL as the stranger's scope sees none of the host's rows.
    const seen = await withOrg(api.db.prisma, { orgId: stranger.orgId }, (tx) => tx.webhookDelivery.count({ where: { endpointId: hook.endpoint.id } }));
    expect(seen).toBe(0);
  });

  it('pages deliveries newest first with cursors', async () => {
    const hook = await register(host, ['CAPACITY_PUBLISHED']);
    const site = await createSite(api, host);
    for (let i = 0; i < 3; i++) await createPublishedBlock(api, host, site.id, { mw: 5, firmMw: 5 });
    const page = `query ($after: String, $f: WebhookDeliveryFilter) { webhookDeliveries(first: 2, after: $after, filter: $f) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
    type Page = { webhookDeliveries: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string } }[] } };
    const first = await api.gql<Page>(page, { f: { endpointId: hook.endpoint.id } }, host);
    expect(first.data?.webhookDeliveries).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const second = await api.gql<Page>(page, { f: { endpointId: hook.endpoint.id }, after: first.data!.webhookDeliveries.pageInfo.endCursor }, host);
    expect(second.data?.webhookDeliveries.edges).toHaveLength(1);
    const ids = [...first.data!.webhookDeliveries.edges, ...second.data!.webhookDeliveries.edges].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(3);
  });
});

describe('test events', () => {
  const SEND = `mutation ($id: ID!) { sendWebhookTestEvent(endpointId: $id) { id eventType status attempts payload } }`;

  it('queues a signed-path webhook.test delivery to one endpoint, whatever it subscribes to, and audits it', async () => {
    const hook = await register(host, ['DEAL_SIGNED']);
    const sent = await mutate<{ id: string; eventType: string; status: string; attempts: number; payload: Record<string, unknown> }>(api, host, 'sendWebhookTestEvent', SEND, { id: hook.endpoint.id });
    expect(sent).toMatchObject({ eventType: 'WEBHOOK_TEST', status: 'PENDING', attempts: 0, payload: { test: true, endpointId: hook.endpoint.id } });
    const rows = await deliveryRows(hook.endpoint.id);
    expect(rows.map((r) => [r.id, r.orgId, r.eventType])).toEqual([[sent.id, host.orgId, 'webhook.test']]);
    const audit = await api.db.prisma.auditLog.findMany({ where: { entityId: hook.endpoint.id, action: 'webhook_endpoint.test_sent' } });
    expect(audit.map((r) => r.changes)).toEqual([{ deliveryId: sent.id }]);
  });

  it("answers NOT_FOUND for another organisation's endpoint and writes nothing", async () => {
    const hook = await register(host, ['DEAL_SIGNED']);
    const result = await api.gql(SEND, { id: hook.endpoint.id }, stranger);
    expect(errorCode(result)).toBe('NOT_FOUND');
    expect(await deliveryRows(hook.endpoint.id)).toEqual([]);
    expect(await api.db.prisma.webhookDelivery.count({ where: { orgId: stranger.orgId } })).toBe(0);
  });

  it('refuses a malformed id by name, a disabled endpoint with a CONFLICT, a VIEWER and a read-only key', async () => {
    const bad = await api.gql(SEND, { id: 'not-an-id' }, host);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.field).toBe('endpointId');

    const hook = await register(host, ['DEAL_SIGNED']);
    await api.db.prisma.webhookEndpoint.update({ where: { id: hook.endpoint.id }, data: { enabled: false } });
    const disabled = await api.gql(SEND, { id: hook.endpoint.id }, host);
    expect(errorCode(disabled)).toBe('CONFLICT');
    expect(disabled.errors?.[0]?.message).toMatch(/disabled/);

    const enabled = await register(host, ['DEAL_SIGNED']);
    const person = await signUpOrg(api, 'MINER', 'wh-viewer');
    await joinOrg(api, host, person, 'VIEWER');
    expect(errorCode(await api.gql(SEND, { id: enabled.endpoint.id }, { token: person.token, orgId: host.orgId }))).toBe('FORBIDDEN');
    const reader = await createApiKey(api, host, ['WEBHOOKS_READ']);
    expect(errorCode(await api.gql(SEND, { id: enabled.endpoint.id }, { token: reader.secret }))).toBe('FORBIDDEN');
    for (const id of [hook.endpoint.id, enabled.endpoint.id]) expect(await deliveryRows(id)).toEqual([]);
  });

  it('cannot be subscribed to', async () => {
    const result = await api.gql(CREATE, { input: { url: 'https://hooks.example.test/t', eventTypes: ['WEBHOOK_TEST'] } }, host);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.field).toBe('input.eventTypes.0');
  });
});
