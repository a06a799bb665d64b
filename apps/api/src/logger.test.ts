// No secret reaches the log output: by key (redaction paths) or by shape (masking inside any string).
import { createLogger, scrubSecrets } from './logger';
import { captureLogs } from './testing/log-capture';

const API_KEY = `gsk_${'A1b2C3d4E5'.repeat(4)}xyz_Q1w2E3`;
const SESSION = `gss_${'s3ss10nT0k3n'.repeat(3)}`;
const STRIPE_KEY = `sk_live_${'51Hx9'.repeat(6)}`;
const STRIPE_WEBHOOK = `whsec_${'w3bh00k'.repeat(4)}`;
const PASSWORD = 'correct-horse-battery-staple';
const SECRETS = [API_KEY, SESSION, STRIPE_KEY, STRIPE_WEBHOOK, PASSWORD, 'pg-pass-word'];

function logEverything() {
  const logs = captureLogs();
  const logger = createLogger('debug', logs.stream);
  logger.info({ req: { headers: { authorization: `Bearer ${API_KEY}`, cookie: `session=${SESSION}`, 'x-api-key': API_KEY } } }, 'request in');
  logger.info({ headers: { authorization: `Bearer ${SESSION}`, 'set-cookie': `s=${SESSION}` } }, 'response out');
  logger.info({ input: { email: 'a@example.test', password: PASSWORD }, apiKey: API_KEY, token: SESSION }, 'sign-in attempt');
  logger.info({ config: { STRIPE_SECRET_KEY: STRIPE_KEY, STRIPE_WEBHOOK_SECRET: STRIPE_WEBHOOK, DATABASE_URL: 'postgres://app:pg-pass-word@db:5432/app' } }, 'config');
  logger.warn(`Stripe refused ${STRIPE_KEY}; retrying with Bearer ${SESSION}`);
  logger.warn({ detail: [`key ${API_KEY}`, { nested: { deeper: `secret ${STRIPE_WEBHOOK}` } }] }, 'nested strings');
  logger.error({ err: new Error('connect to postgres://app:pg-pass-word@db:5432/app failed') }, 'database down');
  logger.error({ err: new Error(`card declined for ${STRIPE_KEY}`) }, 'stripe error');
  return logs;
}

describe('logger', () => {
  it('never writes an Authorization header, cookie, API key, session token, password or Stripe key', () => {
    const output = logEverything().text();
    for (const secret of SECRETS) expect([secret, output.includes(secret)]).toEqual([secret, false]);
  });

  it('keeps what is not secret, so the lines stay useful', () => {
    const lines = logEverything().lines();
    expect(lines.map((line) => line.msg)).toEqual([
      'request in',
      'response out',
      'sign-in attempt',
      'config',
      'Stripe refused sk_live_[redacted]; retrying with Bearer gss_[redacted]',
      'nested strings',
      'database down',
      'stripe error',
    ]);
    expect(lines[2]).toMatchObject({ input: { email: 'a@example.test', password: '[redacted]' }, apiKey: '[redacted]' });
    expect(lines[6]).toMatchObject({ err: { type: 'Error', message: 'connect to postgres://app:[redacted]@db:5432/app failed' } });
    expect(String((lines[6]!.err as { stack: string }).stack)).not.toContain('pg-pass-word');
  });

  it('masks secret-shaped text and leaves other text alone', () => {
    expect(scrubSecrets(`use ${API_KEY} or ${SESSION}`)).toBe('use gsk_[redacted] or gss_[redacted]');
    expect(scrubSecrets(`rk_test_${'x'.repeat(20)} and pk_live_${'y'.repeat(20)}`)).toBe('rk_test_[redacted] and pk_live_[redacted]');
    expect(scrubSecrets('redis://:hunter2hunter2@cache:6379')).toBe('redis://:[redacted]@cache:6379');
    expect(scrubSecrets('site gsk_ short, price 150 USD, postgres://db:5432/app')).toBe('site gsk_ short, price 150 USD, postgres://db:5432/app');
  });
});
