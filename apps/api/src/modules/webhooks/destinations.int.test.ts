// Where webhooks may go (issue 14, item 4). Registration refuses loopback, private, reserved and
// translated (NAT64, 6to4) addresses by a maintained range table, and plain http outside development;
// a delivery resolves the name once, checks every address and connects to the one it checked (no second
// lookup a DNS server could answer differently); the receiver's answer never comes back to the partner.
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LookupAddress } from 'node:dns';
import { type OrgFixture, signUpOrg } from '../../testing/fixtures';
import { type TestApi, startTestApi } from '../../testing/test-api';
import { parseNetworks, postWebhook } from './url-policy';

const CREATE = `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id url } secret } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(id: $id, input: $input) { url } }`;

describe('registration', () => {
  let api: TestApi;
  let partner: OrgFixture;
  beforeAll(async () => {
    api = await startTestApi();
    partner = await signUpOrg(api, 'PARTNER', 'ssrf');
  });
  afterAll(() => api.close());

  it.each([
    ['loopback', 'https://127.0.0.1/hook'],
    ['loopback by name', 'https://localhost/hook'],
    ['loopback, IPv4-mapped IPv6', 'https://[::ffff:127.0.0.1]/hook'],
    ['private', 'https://10.1.2.3/hook'],
    ['link-local (cloud metadata)', 'https://169.254.169.254/latest/meta-data'],
    ['benchmarking 198.18.0.0/15', 'https://198.18.0.1/hook'],
    ['reserved 240.0.0.0/4', 'https://240.0.0.1/hook'],
    ['limited broadcast', 'https://255.255.255.255/hook'],
    ['IETF protocol assignments 192.0.0.0/24', 'https://192.0.0.170/hook'],
    ['NAT64 of loopback (64:ff9b::/96)', 'https://[64:ff9b::7f00:1]/hook'],
    ['6to4 of loopback (2002::/16)', 'https://[2002:7f00:1::]/hook'],
    ['IPv6 unique local', 'https://[fd00::1]/hook'],
    ['unspecified', 'https://0.0.0.0/hook'],
  ])('refuses %s (%s) naming input.url, and stores nothing', async (_label, url) => {
    const before = await api.db.prisma.webhookEndpoint.count();
    const result = await api.gql(CREATE, { input: { url, eventTypes: ['DEAL_SIGNED'] } }, partner);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
    expect(result.errors?.[0]?.message).toMatch(/not allowed/);
    expect(await api.db.prisma.webhookEndpoint.count()).toBe(before);
  });

  it('refuses plain http outside development', async () => {
    const result = await api.gql(CREATE, { input: { url: 'http://93.184.216.34/hook', eventTypes: ['DEAL_SIGNED'] } }, partner);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
    expect(result.errors?.[0]?.message).toMatch(/https/);
  });

  it('checks a changed URL as it checks a new one', async () => {
    const created = await api.gql<{ createWebhookEndpoint: { endpoint: { id: string } } }>(CREATE, { input: { url: 'https://93.184.216.34/hook', eventTypes: ['DEAL_SIGNED'] } }, partner);
    const id = created.data!.createWebhookEndpoint.endpoint.id;
    const moved = await api.gql(UPDATE, { id, input: { url: 'https://[64:ff9b::a9fe:a9fe]/latest' } }, partner);
    expect(moved.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
    expect((await api.db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id } })).url).toBe('https://93.184.216.34/hook');
  });
});

describe('registration with private networks allowed on purpose', () => {
  let api: TestApi;
  let partner: OrgFixture;
  beforeAll(async () => {
    api = await startTestApi({ env: { WEBHOOK_UNSAFE_PRIVATE_NETWORKS: '127.0.0.0/8' } });
    partner = await signUpOrg(api, 'PARTNER', 'ssrf-allowed');
  });
  afterAll(() => api.close());

  it('accepts the named network only (over http, as a local receiver speaks)', async () => {
    expect((await api.gql(CREATE, { input: { url: 'http://127.0.0.1:9/hook', eventTypes: ['DEAL_SIGNED'] } }, partner)).errors).toBeUndefined();
    const other = await api.gql(CREATE, { input: { url: 'https://10.0.0.1/hook', eventTypes: ['DEAL_SIGNED'] } }, partner);
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
  });
});

/** An HTTP server on `host`, answering `status` with a body nobody outside should ever read. */
async function listen(host: string, status: number, port = 0): Promise<{ server: Server; port: number; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    hits.push(`${host} ${request.headers.host}`);
    request.resume();
    request.on('end', () => response.writeHead(status, { location: 'http://10.0.0.1/' }).end('internal-secret: db-password=hunter2'));
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
  return { server, port: (server.address() as AddressInfo).port, hits };
}

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

describe('a delivery', () => {
  const headers = { 'content-type': 'application/json' };

  it('connects to the address it checked, even when the name would resolve elsewhere next time (DNS rebinding)', async () => {
    const checked = await listen('127.0.0.2', 204);
    const internal = await listen('127.0.0.1', 200, checked.port);
    let lookups = 0;
    // First answer: an address the policy allows; every later one: loopback, which it refuses.
    const rebinding = (_host: string) => {
      lookups += 1;
      return Promise.resolve<LookupAddress[]>([{ address: lookups === 1 ? '127.0.0.2' : '127.0.0.1', family: 4 }]);
    };
    try {
      const sent = await postWebhook(`http://rebind.example.test:${checked.port}/hook`, headers, '{}', {
        timeoutMs: 2_000,
        allowedPrivate: parseNetworks('127.0.0.2/32'),
        requireHttps: false,
        resolve: rebinding,
      });
      expect(sent).toMatchObject({ ok: true, statusCode: 204 });
      expect(lookups).toBe(1);
      expect(checked.hits).toEqual([`127.0.0.2 rebind.example.test:${checked.port}`]);
      expect(internal.hits).toEqual([]);
    } finally {
      await Promise.all([close(checked.server), close(internal.server)]);
    }
  });

  it('is refused, without connecting, when any address of the name is not allowed', async () => {
    const internal = await listen('127.0.0.1', 200);
    try {
      const sent = await postWebhook(`http://mixed.example.test:${internal.port}/hook`, headers, '{}', {
        timeoutMs: 2_000,
        allowedPrivate: [],
        requireHttps: false,
        resolve: () => Promise.resolve([{ address: '93.184.216.34', family: 4 }, { address: '127.0.0.1', family: 4 }]),
      });
      expect(sent).toMatchObject({ ok: false, statusCode: null, error: expect.stringMatching(/not allowed/) });
      expect(internal.hits).toEqual([]);
    } finally {
      await close(internal.server);
    }
  });

  it.each([
    [500, /^HTTP 500 \(server error\)$/],
    [404, /^HTTP 404 \(client error\)$/],
    [302, /^HTTP 302 \(redirect, not followed\)$/],
  ])('answered %i records the status and a classification, never the receiver’s body or headers', async (status, expected) => {
    const receiver = await listen('127.0.0.1', status);
    try {
      const sent = await postWebhook(`http://127.0.0.1:${receiver.port}/hook`, headers, '{}', {
        timeoutMs: 2_000,
        allowedPrivate: parseNetworks('127.0.0.0/8'),
        requireHttps: false,
      });
      expect(sent).toMatchObject({ ok: false, statusCode: status });
      expect(sent.error).toMatch(expected);
      expect(sent.error).not.toMatch(/hunter2|internal-secret|10\.0\.0\.1/);
    } finally {
      await close(receiver.server);
    }
  });
});
