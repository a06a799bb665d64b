import { hashPassword, isWellFormedApiKey, issueApiKey, issueSessionToken, needsRehash, sha256, verifyPassword } from './credentials';

// The cheap cost keeps these fast; the production cost is proven over HTTP (accounts.int.test.ts).
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

describe('passwords', () => {
  it('verifies the right password and refuses others', async () => {
    const hash = await hashPassword('correct horse battery', CHEAP);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(hash).not.toContain('correct');
    await expect(verifyPassword('correct horse battery', hash)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterY', hash)).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same', CHEAP)).not.toBe(await hashPassword('same', CHEAP));
  });

  it('asks for a re-hash when a hash was made with other parameters', async () => {
    const old = await hashPassword('pw', CHEAP);
    expect(needsRehash(old, CHEAP)).toBe(false);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash('plaintext')).toBe(true);
  });

  it('refuses a stored hash with absurd parameters rather than running it', async () => {
    await expect(verifyPassword('x', 'scrypt$1073741824$8$1$c2FsdA$aGFzaA')).resolves.toBe(false);
    await expect(verifyPassword('x', 'scrypt$1000$8$1$c2FsdA$aGFzaA')).resolves.toBe(false);
  });

  it('refuses a stored value that is not a scrypt hash', async () => {
    await expect(verifyPassword('x', 'plaintext')).resolves.toBe(false);
  });
});

describe('API keys', () => {
  it('issues well-formed keys whose hash and prefix are all that is kept', () => {
    const key = issueApiKey();
    expect(key.secret).toMatch(/^gsk_[0-9A-Za-z]{43}_[0-9A-Za-z]{6}$/);
    expect(key.prefix).toBe(key.secret.slice(0, 12));
    expect(key.hash).toBe(sha256(key.secret));
    expect(isWellFormedApiKey(key.secret)).toBe(true);
  });

  it('tells a typo from a key by its checksum', () => {
    const { secret } = issueApiKey();
    const body = secret.slice(4, 47);
    const flipped = body[0] === 'A' ? `B${body.slice(1)}` : `A${body.slice(1)}`;
    expect(isWellFormedApiKey(`gsk_${flipped}${secret.slice(47)}`)).toBe(false);
    expect(isWellFormedApiKey(secret.slice(0, -1))).toBe(false);
  });

  it('is deterministic for given random bytes (the demo key) and distinct otherwise', () => {
    const bytes = Buffer.alloc(32, 7);
    expect(issueApiKey(bytes).secret).toBe(issueApiKey(bytes).secret);
    expect(issueApiKey().secret).not.toBe(issueApiKey().secret);
  });
});

it('issues session tokens that differ and are stored only as hashes', () => {
  const a = issueSessionToken();
  const b = issueSessionToken();
  expect(a.token).toMatch(/^gss_[\w-]{43}$/);
  expect(a.token).not.toBe(b.token);
  expect(a.hash).toBe(sha256(a.token));
});
