// Client addresses behind a proxy and guessing across addresses (issue 14, item 6). Behind a load balancer
// every request comes from the balancer's address: TRUST_PROXY tells the API which hops to believe, so
// limits count real clients; a per-account limit across addresses slows a distributed guesser down without
// locking the account's owner out.
import { PASSWORD, signUpOrg } from './testing/fixtures';
import { type TestApi, startTestApi } from './testing/test-api';

const SIGN_IN = `mutation ($email: String!, $password: String!) { signIn(input: { email: $email, password: $password }) { token } }`;

interface Answer {
  status: number;
  code?: string;
  retryAfter: number;
}

async function send(api: TestApi, body: object, from?: string): Promise<Answer> {
  const response = await api.post(JSON.stringify(body), from ? { 'x-forwarded-for': from } : {});
  const json = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return { status: response.status, code: json.errors?.[0]?.extensions?.code, retryAfter: Number(response.headers.get('retry-after') ?? 0) };
}

const signIn = (api: TestApi, email: string, password: string, from?: string) => send(api, { query: SIGN_IN, variables: { email, password } }, from);
const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

describe('behind one trusted proxy hop', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({
      env: { TRUST_PROXY: '1', SIGN_IN_ATTEMPTS: '3', SIGN_IN_ACCOUNT_ATTEMPTS: '5' },
    });
  });
  afterAll(() => api.close());

  it('locks out the guessing address only: the owner behind the same proxy still signs in', async () => {
    const owner = await signUpOrg(api, 'MINER', 'proxy-owner');
    for (let i = 0; i < 3; i++) expect((await signIn(api, owner.email, 'wrong-password-1', '198.51.100.10')).code).toBe('UNAUTHENTICATED');
    expect(await signIn(api, owner.email, PASSWORD, '198.51.100.10')).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(await signIn(api, owner.email, PASSWORD, '198.51.100.20')).toMatchObject({ status: 200, code: undefined });
  });

  it('holds guesses at one account from many addresses to a growing wait, and lets the owner in after it', async () => {
    const owner = await signUpOrg(api, 'MINER', 'spread-owner');
    for (let i = 1; i <= 5; i++) expect((await signIn(api, owner.email, 'wrong-password-1', `192.0.2.${i}`)).code).toBe('UNAUTHENTICATED');
    // Past the free failures, nobody new gets an answer about this account until the wait is over.
    const held = await signIn(api, owner.email, PASSWORD, '192.0.2.50');
    expect(held).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(held.retryAfter).toBeGreaterThanOrEqual(1);
    await sleep(held.retryAfter);
    expect((await signIn(api, owner.email, 'wrong-password-1', '192.0.2.6')).code).toBe('UNAUTHENTICATED');
    const longer = await signIn(api, owner.email, PASSWORD, '192.0.2.51');
    expect(longer).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(longer.retryAfter).toBeGreaterThan(held.retryAfter);
    // A backoff, not a lockout.
    await sleep(longer.retryAfter);
    expect(await signIn(api, owner.email, PASSWORD, '192.0.2.52')).toMatchObject({ status: 200, code: undefined });
    // Another account is not held by this one's failures.
    const other = await signUpOrg(api, 'MINER', 'spread-other');
    expect(await signIn(api, other.email, PASSWORD, '192.0.2.1')).toMatchObject({ status: 200, code: undefined });
  });

  it('lets the owner in from an address it signed in from before, while strangers wait', async () => {
    const owner = await signUpOrg(api, 'MINER', 'known-owner');
    expect((await signIn(api, owner.email, PASSWORD, '198.51.100.77')).status).toBe(200);
    for (let i = 1; i <= 6; i++) await signIn(api, owner.email, 'wrong-password-1', `192.0.2.${100 + i}`);
    expect(await signIn(api, owner.email, PASSWORD, '192.0.2.150')).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(await signIn(api, owner.email, PASSWORD, '198.51.100.77')).toMatchObject({ status: 200, code: undefined });
  });
});

describe.each([
  ['one trusted hop', '1'],
  ['trusted proxies named by address', '127.0.0.0/8, ::1/128'],
])('anonymous limits with %s', (_label, trustProxy) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ env: { TRUST_PROXY: trustProxy, RATE_LIMIT_ANONYMOUS_PER_MINUTE: '2' } });
  });
  afterAll(() => api.close());

  it('count each client behind the proxy, not the proxy', async () => {
    const query = { query: '{ __typename }' };
    for (let i = 0; i < 2; i++) expect((await send(api, query, '203.0.113.9')).status).toBe(200);
    expect(await send(api, query, '203.0.113.9')).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect((await send(api, query, '203.0.113.10')).status).toBe(200);
  });
});

describe('without TRUST_PROXY', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ env: { SIGN_IN_ATTEMPTS: '3' } });
  });
  afterAll(() => api.close());

  it('ignores X-Forwarded-For: a client cannot choose a fresh address for each guess', async () => {
    const owner = await signUpOrg(api, 'MINER', 'spoof-owner');
    for (let i = 1; i <= 3; i++) expect((await signIn(api, owner.email, 'wrong-password-1', `203.0.113.${i}`)).code).toBe('UNAUTHENTICATED');
    expect(await signIn(api, owner.email, 'wrong-password-1', '203.0.113.4')).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
  });
});
