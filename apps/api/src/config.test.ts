import { ConfigError, loadConfig } from './config';

describe('config', () => {
  it('has defaults that run the embedded demo', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 4000, HOST: '127.0.0.1', seedDemo: true });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  const PRODUCTION = { NODE_ENV: 'production', WEBHOOK_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') };

  it('does not seed demo data in production unless asked', () => {
    expect(loadConfig(PRODUCTION).seedDemo).toBe(false);
    expect(loadConfig({ ...PRODUCTION, SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('needs a 32-byte webhook encryption key in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/WEBHOOK_ENCRYPTION_KEY: required in production/);
    expect(() => loadConfig({ WEBHOOK_ENCRYPTION_KEY: 'c2hvcnQ=' })).toThrow(/WEBHOOK_ENCRYPTION_KEY: must be 32 bytes/);
    expect(loadConfig(PRODUCTION).webhookEncryptionKey).toEqual(Buffer.alloc(32, 7));
  });

  it('allows webhooks to no private network unless named on purpose, and refuses the old switch', () => {
    expect(loadConfig(PRODUCTION).webhookPrivateNetworks).toEqual([]);
    expect(loadConfig({}).webhookPrivateNetworks).toEqual([]);
    expect(loadConfig({ WEBHOOK_UNSAFE_PRIVATE_NETWORKS: '10.1.2.0/24, fd00::/8' }).webhookPrivateNetworks).toHaveLength(2);
    expect(() => loadConfig({ WEBHOOK_UNSAFE_PRIVATE_NETWORKS: 'everything' })).toThrow(/WEBHOOK_UNSAFE_PRIVATE_NETWORKS: use CIDRs/);
    expect(() => loadConfig({ WEBHOOK_ALLOW_PRIVATE_URLS: 'true' })).toThrow(/replaced by WEBHOOK_UNSAFE_PRIVATE_NETWORKS/);
  });

  it('accepts document text from sessions and anonymous callers outside production only, unless told', () => {
    expect(loadConfig(PRODUCTION).freeTextOperations).toBe('api-keys');
    expect(loadConfig({}).freeTextOperations).toBe('everyone');
    expect(loadConfig({ NODE_ENV: 'test' }).freeTextOperations).toBe('everyone');
    expect(loadConfig({ ...PRODUCTION, FREE_TEXT_OPERATIONS: 'everyone' }).freeTextOperations).toBe('everyone');
    expect(loadConfig({ FREE_TEXT_OPERATIONS: 'api-keys' }).freeTextOperations).toBe('api-keys');
    expect(() => loadConfig({ FREE_TEXT_OPERATIONS: 'none' })).toThrow(/FREE_TEXT_OPERATIONS/);
  });

  it('trusts no proxy unless told how many hops or which addresses', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7' }).trustProxy).toEqual(['10.0.0.0/8', '192.168.1.7']);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: use a number of hops/);
    expect(() => loadConfig({ TRUST_PROXY: '0' })).toThrow(/TRUST_PROXY/);
  });

  it('hashes passwords at OWASP’s scrypt cost; a cheaper one only in tests, by name', () => {
    expect(loadConfig(PRODUCTION).passwordCost).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect(loadConfig({ NODE_ENV: 'test', TEST_ONLY_SCRYPT_LOG2_N: '12' }).passwordCost).toEqual({ N: 2 ** 12, r: 8, p: 1 });
    expect(() => loadConfig({ ...PRODUCTION, TEST_ONLY_SCRYPT_LOG2_N: '12' })).toThrow(/TEST_ONLY_SCRYPT_LOG2_N: only for the test suite/);
    expect(() => loadConfig({ TEST_ONLY_TODAY: '2026-01-01' })).toThrow(/TEST_ONLY_TODAY: only for the test suite/);
  });

  it('names every bad variable in one error', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', NODE_ENV: 'staging' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).toMatch(/PORT: must be a port number/);
      expect(message).toMatch(/DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/);
      expect(message).toMatch(/NODE_ENV/);
    }
  });

  it('treats an empty DATABASE_URL as unset (embedded database)', () => {
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('takes Stripe keys only together, and checks their shape', () => {
    expect(loadConfig({ STRIPE_SECRET_KEY: 'sk_test_abc', STRIPE_WEBHOOK_SECRET: 'whsec_abc' }).STRIPE_SECRET_KEY).toBe('sk_test_abc');
    expect(loadConfig({}).STRIPE_SECRET_KEY).toBeUndefined();
    expect(() => loadConfig({ STRIPE_SECRET_KEY: 'sk_test_abc' })).toThrow(/STRIPE_WEBHOOK_SECRET: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET together/);
    expect(() => loadConfig({ STRIPE_WEBHOOK_SECRET: 'whsec_abc' })).toThrow(/STRIPE_SECRET_KEY: set STRIPE_SECRET_KEY/);
    expect(() => loadConfig({ STRIPE_SECRET_KEY: 'pk_test_abc', STRIPE_WEBHOOK_SECRET: 'whsec_abc' })).toThrow(/STRIPE_SECRET_KEY: must be a Stripe secret key/);
    expect(() => loadConfig({ STRIPE_API_BASE: 'localhost:12111' })).toThrow(/STRIPE_API_BASE: must be an http/);
  });

  it('never puts a Stripe secret in the error message', () => {
    const attempt = () => loadConfig({ STRIPE_SECRET_KEY: 'sk_live_very_secret_value' });
    expect(attempt).toThrow(ConfigError);
    expect(() => attempt()).not.toThrow(/very_secret/);
  });
});
