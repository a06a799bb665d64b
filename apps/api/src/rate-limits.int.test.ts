// Per-caller request limits and sign-in attempt limits, in memory and through Redis, and what happens
// when Redis is not there.
import { type OrgFixture, PASSWORD, createApiKey, signUpOrg } from './testing/fixtures';
import { type TestApi, startTestApi } from './testing/test-api';

const SIGN_IN = `mutation ($email: String!, $password: String!) { signIn(input: { email: $email, password: $password }) { token } }`;

async function expectLimitedAfter(api: TestApi, allowed: number, send: () => Promise<Response>) {
  for (let i = 0; i < allowed; i++) expect((await send()).status).toBe(200);
  const refused = await send();
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  const body = (await refused.json()) as { errors: { extensions: { code: string } }[] };
  expect(body.errors[0]?.extensions.code).toBe('RATE_LIMITED');
}

describe.each([
  ['in memory', {}],
  ['in Redis', { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' }],
  ['with Redis down (memory insurance)', { REDIS_URL: 'redis://127.0.0.1:1' }],
])('rate limits %s', (_label, env) => {
  let api: TestApi;
  let owner: OrgFixture;

  beforeAll(async () => {
    // Unique limits per run, so Redis keys of earlier runs do not count.
    api = await startTestApi({ env: { ...env, RATE_LIMIT_FREE_PER_MINUTE: '1000', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000', SIGN_IN_ATTEMPTS: '3' } });
    owner = await signUpOrg(api, 'PARTNER', 'limits');
  });
  afterAll(() => api.close());

  it('refuses a key past its plan’s requests per minute with 429 and Retry-After, other keys unaffected', async () => {
    const key = await createApiKey(api, owner, ['ORG_READ']);
    const other = await createApiKey(api, owner, ['ORG_READ']);
    const send = (secret: string) => api.post(JSON.stringify({ query: '{ organization { id } }' }), { authorization: `Bearer ${secret}` });
    await expectLimitedAfter(api, 1000, () => send(key.secret));
    expect((await send(other.secret)).status).toBe(200);
  });

  it('locks an email out after 3 failed sign-ins from one address, even with the right password', async () => {
    const signIn = (password: string) => api.post(JSON.stringify({ query: SIGN_IN, variables: { email: owner.email, password } }));
    for (let i = 0; i < 3; i++) {
      const wrong = (await (await signIn('wrong-password-x')).json()) as { errors: { extensions: { code: string } }[] };
      expect(wrong.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
    }
    const locked = await signIn(PASSWORD);
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('RATE_LIMITED');
  });
});
