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

  it('needs a 32-byte webhook encryption key in production, and refuses private webhook addresses there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/WEBHOOK_ENCRYPTION_KEY: required in production/);
    expect(() => loadConfig({ WEBHOOK_ENCRYPTION_KEY: 'c2hvcnQ=' })).toThrow(/WEBHOOK_ENCRYPTION_KEY: must be 32 bytes/);
    const production = loadConfig(PRODUCTION);
    expect(production.webhookEncryptionKey).toEqual(Buffer.alloc(32, 7));
    expect(production.allowPrivateWebhookUrls).toBe(false);
    expect(loadConfig({}).allowPrivateWebhookUrls).toBe(true);
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
