// The environment, validated once at boot: a bad variable stops the start with a message that names it.
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { message: 'use true or false' })
  .transform((value) => value === 'true' || value === '1');

/** Unset or empty (`FOO=` in an env file) both mean "not configured". */
const optional = <S extends z.ZodType<string>>(schema: S) => schema.optional().or(z.literal('').transform(() => undefined));
const optionalText = (pattern: RegExp, message: string) => optional(z.string().regex(pattern, message));

export const ZConfig = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535).default(4000),
  DATABASE_URL: optionalText(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL'),
  PGLITE_DATA_DIR: z.string().min(1).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  SEED_DEMO: booleanFlag.optional(),
  // Apply pending migrations when the API starts. Turn off where a migration job runs them once
  // (Kubernetes, docs/deployment.md): replicas starting together would otherwise race.
  MIGRATE_ON_START: booleanFlag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // SQL statements slower than this are logged (warn, with the request id, without parameters); 0 turns it off.
  SLOW_QUERY_MS: z.coerce.number().int().min(0).default(200),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 30),
  // Rate limits live in Redis when REDIS_URL is set (shared by every API process), in memory otherwise.
  REDIS_URL: optionalText(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL'),
  // Requests per minute per caller (API key, person, or IP when anonymous), by the organisation's plan.
  RATE_LIMIT_FREE_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_PRO_PER_MINUTE: z.coerce.number().int().min(1).default(3000),
  RATE_LIMIT_API_PER_MINUTE: z.coerce.number().int().min(1).default(12000),
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  // Failed sign-ins per email and IP per 15 minutes.
  SIGN_IN_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  // Capacity blocks an organisation may have published at once, by plan (API: no limit).
  PUBLISHED_BLOCK_LIMIT_FREE: z.coerce.number().int().min(0).default(50),
  PUBLISHED_BLOCK_LIMIT_PRO: z.coerce.number().int().min(0).default(500),
  // Stripe. Unset: the API runs a local Stripe-shaped server in-process (offline demo; see docs/billing.md).
  STRIPE_SECRET_KEY: optionalText(/^(sk|rk)_(test|live)_\S+$/, 'must be a Stripe secret key (sk_test_…, sk_live_…)'),
  STRIPE_WEBHOOK_SECRET: optionalText(/^whsec_\S+$/, 'must be a webhook signing secret (whsec_…)'),
  // Another Stripe endpoint (a local Stripe-shaped server); unset means api.stripe.com.
  STRIPE_API_BASE: optionalText(/^https?:\/\/\S+$/, 'must be an http:// or https:// URL'),
  // Where Checkout, the customer portal and Connect onboarding send people back to (the portal's billing page).
  BILLING_RETURN_URL: z.string().url('must be a URL').default('http://127.0.0.1:3000/billing'),
  // How often the worker invoices agreed statements and retries failed host payouts.
  BILLING_JOBS_EVERY_MS: z.coerce.number().int().min(1000).default(60 * 60 * 1000),
  // How often the worker queues the last month's missing and stale statements and agrees those past their
  // dispute window; how many deal-months one worker computes at once.
  SETTLEMENT_JOBS_EVERY_MS: z.coerce.number().int().min(1000).default(60 * 60 * 1000),
  SETTLEMENT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  // Answers to public queries (capacity search) are replayed from memory for this long at most; a mutation
  // clears them at once in every API process (Redis pub/sub). 0 turns the cache off.
  RESPONSE_CACHE_TTL_MS: z.coerce.number().int().min(0).max(10 * 60 * 1000).default(10_000),
  RESPONSE_CACHE_MAX_MB: z.coerce.number().int().min(1).max(4096).default(64),
  // Background jobs (BullMQ on REDIS_URL) and the cache-invalidation channel: every Redis key and channel starts with this prefix.
  QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'use 1-64 letters, digits, dots, dashes or underscores').default('gridshare'),
  // Webhook signing secrets are stored encrypted with this key (32 bytes, base64); required in production.
  WEBHOOK_ENCRYPTION_KEY: optional(
    z.string().refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes, base64-encoded (openssl rand -base64 32)'),
  ),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(8),
  // Attempt n waits base × 2^(n-1) after attempt n-1 failed, at most WEBHOOK_BACKOFF_MAX_MS.
  WEBHOOK_BACKOFF_BASE_MS: z.coerce.number().int().min(1).default(30_000),
  WEBHOOK_BACKOFF_MAX_MS: z.coerce.number().int().min(1).default(6 * 60 * 60 * 1000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  // The sweep re-queues PENDING deliveries this long past due (their job was lost, e.g. Redis was down).
  WEBHOOK_SWEEP_EVERY_MS: z.coerce.number().int().min(100).default(60_000),
  WEBHOOK_SWEEP_GRACE_MS: z.coerce.number().int().min(0).default(60_000),
  // Deliveries to loopback and private addresses; off in production (server-side request forgery).
  WEBHOOK_ALLOW_PRIVATE_URLS: booleanFlag.optional(),
}).superRefine((env, context) => {
  // Half a Stripe configuration would start and then fail on the first webhook or the first call.
  if (Boolean(env.STRIPE_SECRET_KEY) !== Boolean(env.STRIPE_WEBHOOK_SECRET)) {
    const missing = env.STRIPE_SECRET_KEY ? 'STRIPE_WEBHOOK_SECRET' : 'STRIPE_SECRET_KEY';
    context.addIssue({ code: 'custom', path: [missing], message: 'set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET together (or neither, for the local Stripe server)' });
  }
});

export type TConfig = z.infer<typeof ZConfig> & { seedDemo: boolean; webhookEncryptionKey: Buffer; allowPrivateWebhookUrls: boolean };

// Outside production only, so that `npm start` needs no setup; production refuses to start without a key.
const DEVELOPMENT_WEBHOOK_KEY = Buffer.alloc(32, 'gridshare-development-only');

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): TConfig {
  const parsed = ZConfig.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const production = parsed.data.NODE_ENV === 'production';
  if (production && !parsed.data.WEBHOOK_ENCRYPTION_KEY) {
    throw new ConfigError(['WEBHOOK_ENCRYPTION_KEY: required in production (openssl rand -base64 32)']);
  }
  return {
    ...parsed.data,
    // Demo data by default everywhere but production, where it must be asked for.
    seedDemo: parsed.data.SEED_DEMO ?? !production,
    webhookEncryptionKey: parsed.data.WEBHOOK_ENCRYPTION_KEY ? Buffer.from(parsed.data.WEBHOOK_ENCRYPTION_KEY, 'base64') : DEVELOPMENT_WEBHOOK_KEY,
    allowPrivateWebhookUrls: parsed.data.WEBHOOK_ALLOW_PRIVATE_URLS ?? !production,
  };
}
