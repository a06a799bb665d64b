// Accounts against enumeration and guessing (issue 14, items 3 and 9): sign-up answers the same whether or
// not the address has an account, sign-ups are limited per address and per IP, passwords are hashed with
// scrypt at OWASP's cost and re-hashed on the next sign-in, and rate-limit keys in Redis hold no address.
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { hashPassword } from '@gridshare/db';
import { PASSWORD, signUpOrg, unique } from '../../testing/fixtures';
import { type TestApi, startTestApi } from '../../testing/test-api';
import { errorCode } from '../../testing/expect-code';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) { message } }`;
const SIGN_IN = `mutation ($email: String!, $password: String!) { signIn(input: { email: $email, password: $password }) { token } }`;

const signUpInput = (email: string, password = PASSWORD) => ({
  input: { email, password, name: 'Ada Example', organizationName: unique('Org'), organizationKind: 'TENANT' },
});


describe('sign-up does not tell whether an address has an account', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('answers a taken address exactly as a new one, and changes nothing about the existing account', async () => {
    const existing = await signUpOrg(api, 'MINER', 'taken');
    const fresh = `${unique('fresh')}@example.test`;
    const taken = await api.post(JSON.stringify({ query: SIGN_UP, variables: signUpInput(existing.email, 'another-password-1') }));
    const created = await api.post(JSON.stringify({ query: SIGN_UP, variables: signUpInput(fresh) }));
    expect(taken.status).toBe(created.status);
    const [takenBody, createdBody] = [await taken.text(), await created.text()];
    expect(takenBody).toBe(createdBody);
    expect(JSON.parse(takenBody)).toEqual({ data: { signUp: { message: expect.stringMatching(/sign in/i) } } });

    // The existing account keeps its password and its one organisation; the new one signs in with its own.
    expect(errorCode(await api.gql(SIGN_IN, { email: existing.email, password: 'another-password-1' }))).toBe('UNAUTHENTICATED');
    expect((await api.gql(SIGN_IN, { email: existing.email, password: PASSWORD })).data).toBeTruthy();
    const memberships = await api.db.prisma.membership.count({ where: { user: { email: existing.email } } });
    expect(memberships).toBe(1);
    expect((await api.gql(SIGN_IN, { email: fresh, password: PASSWORD })).data).toBeTruthy();
  });
});

describe('sign-up limits', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ env: { SIGN_UP_PER_IP_PER_HOUR: '3', SIGN_UP_PER_EMAIL_PER_HOUR: '2' } });
  });
  afterAll(() => api.close());

  it('refuses a fourth account from one IP within the hour with 429, and creates nothing', async () => {
    for (let i = 0; i < 3; i++) {
      expect(errorCode(await api.gql(SIGN_UP, signUpInput(`${unique('burst')}@example.test`)))).toBeUndefined();
    }
    const users = await api.db.prisma.user.count();
    const fourth = await api.post(JSON.stringify({ query: SIGN_UP, variables: signUpInput(`${unique('burst')}@example.test`) }));
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(errorCode((await fourth.json()) as { errors?: { extensions?: { code?: string } }[] })).toBe('RATE_LIMITED');
    expect(await api.db.prisma.user.count()).toBe(users);
  });
});

describe('sign-up limits per address', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ env: { SIGN_UP_PER_EMAIL_PER_HOUR: '2' } });
  });
  afterAll(() => api.close());

  it('refuses a third sign-up with one address within the hour, whether or not it has an account', async () => {
    const address = `${unique('again')}@example.test`;
    expect(errorCode(await api.gql(SIGN_UP, signUpInput(address)))).toBeUndefined();
    expect(errorCode(await api.gql(SIGN_UP, signUpInput(address)))).toBeUndefined();
    expect(errorCode(await api.gql(SIGN_UP, signUpInput(address)))).toBe('RATE_LIMITED');
    expect(errorCode(await api.gql(SIGN_UP, signUpInput(`${unique('other')}@example.test`)))).toBeUndefined();
  });
});

describe('password hashes at production cost', () => {
  let api: TestApi;
  beforeAll(async () => {
    // No test-only cost: this API hashes as production does.
    api = await startTestApi({ env: { TEST_ONLY_SCRYPT_LOG2_N: '' } });
  });
  afterAll(() => api.close());

  const storedHash = async (email: string) => (await api.db.prisma.user.findUniqueOrThrow({ where: { email } })).passwordHash;

  it('stores scrypt with N = 2^17, r = 8, p = 1 and its parameters', async () => {
    const email = `${unique('cost')}@example.test`;
    await api.gql(SIGN_UP, signUpInput(email));
    expect(await storedHash(email)).toMatch(/^scrypt\$131072\$8\$1\$[\w-]+\$[\w-]+$/);
  });

  it('re-hashes a password stored at the old cost on the next successful sign-in, and only then', async () => {
    const email = `${unique('old-cost')}@example.test`;
    const old = await hashPassword(PASSWORD, { N: 2 ** 15, r: 8, p: 1 });
    expect(old).toMatch(/^scrypt\$32768\$/);
    await api.db.prisma.user.create({ data: { email, name: 'Old Timer', passwordHash: old } });

    expect(errorCode(await api.gql(SIGN_IN, { email, password: 'not-the-password' }))).toBe('UNAUTHENTICATED');
    expect(await storedHash(email)).toBe(old);

    expect(errorCode(await api.gql(SIGN_IN, { email, password: PASSWORD }))).toBeUndefined();
    const upgraded = await storedHash(email);
    expect(upgraded).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(errorCode(await api.gql(SIGN_IN, { email, password: PASSWORD }))).toBeUndefined();
    expect(await storedHash(email)).toBe(upgraded);
  });
});

describe('rate-limit keys in Redis', () => {
  const prefix = `keys-test-${randomBytes(4).toString('hex')}`;
  let api: TestApi;
  let redis: Redis;
  beforeAll(async () => {
    api = await startTestApi({ env: { REDIS_URL, QUEUE_PREFIX: prefix } });
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await api.close();
  });

  it('hold no email address and live under QUEUE_PREFIX', async () => {
    const local = unique('keyed');
    const email = `${local}@example.test`;
    const ours = async () => (await redis.keys(`${prefix}:*`)).join('\n');
    // Until the API's Redis connection is up, its limits count in memory: fail until one lands in Redis.
    for (let i = 0; i < 50 && !(await ours()).includes('signin'); i++) {
      await api.gql(SIGN_IN, { email, password: 'wrong-password-1' });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await api.gql(SIGN_UP, signUpInput(email));
    expect(await ours()).toMatch(/signin/);
    expect(await ours()).toMatch(/signup/);
    const everywhere = await redis.keys('*');
    expect(everywhere.filter((key) => key.includes(local))).toEqual([]);
  });
});
