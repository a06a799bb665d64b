// The environment, validated once at boot: a bad variable stops the start with a message that names it.
import { type ScryptCost, PASSWORD_COST } from '@gridshare/db';
import { z } from 'zod';
import { type Network, parseNetworks } from './network';

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
  // Which proxies in front of the API to believe about the client's address (X-Forwarded-For): a number
  // of hops, or their addresses and CIDRs (comma-separated). Unset: none, and the header is ignored.
  TRUST_PROXY: optional(
    z.string().refine((value) => /^\d+$/.test(value.trim()) ? Number(value) >= 1 : networksOrUndefined(value) !== undefined, 'use a number of hops (1, 2, …) or proxy addresses and CIDRs, comma-separated'),
  ),
  // Invitations to join an organisation stop working after this long.
  INVITATION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(24 * 7),
  // Rate limits live in Redis when REDIS_URL is set (shared by every API process), in memory otherwise.
  REDIS_URL: optionalText(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL'),
  // Requests per minute per caller (API key, person, or IP when anonymous), by the organisation's plan.
  RATE_LIMIT_FREE_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_PRO_PER_MINUTE: z.coerce.number().int().min(1).default(3000),
  RATE_LIMIT_API_PER_MINUTE: z.coerce.number().int().min(1).default(12000),
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  // Failed sign-ins per email and IP per 15 minutes.
  SIGN_IN_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  // Failed sign-ins per account from all addresses per 15 minutes before the account's backoff starts:
  // 1 s after the next failure, doubling, at most SIGN_IN_BACKOFF_MAX_SECONDS (addresses the account
  // signed in from before are not held).
  SIGN_IN_ACCOUNT_ATTEMPTS: z.coerce.number().int().min(1).default(10),
  SIGN_IN_BACKOFF_MAX_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  // New accounts per client address, and sign-ups with one email address, per hour.
  SIGN_UP_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(10),
  SIGN_UP_PER_EMAIL_PER_HOUR: z.coerce.number().int().min(1).default(3),
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
  // Capacity search, hosting search and hosting matching: `memory` answers from each process's copy of the
  // public listing and of the listed hosting offers, checked against the database before every read
  // (modules/search/listing-sync.ts, ~60 MB per 200,000 listings; modules/hosting/offer-sync.ts); `sql` runs
  // their queries on every request instead.
  SEARCH_INDEX: z.enum(['memory', 'sql']).default('memory'),
  // Who may send an operation's text rather than a registered document's id (trusted documents:
  // graphql/trusted-documents.ts). `api-keys`: portal sessions and anonymous callers may run only the
  // portal's and the SDK's registered operations, API keys any document. Default: `api-keys` in
  // production, `everyone` elsewhere (tests and local tools send text).
  FREE_TEXT_OPERATIONS: z.enum(['everyone', 'api-keys']).optional(),
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
  // Private networks (CIDRs, comma-separated) webhooks may reach, http included: unsafe, since any partner
  // could then make the worker call these machines. Unset: only public unicast addresses, over https.
  WEBHOOK_UNSAFE_PRIVATE_NETWORKS: optional(z.string().refine((value) => networksOrUndefined(value) !== undefined, 'use CIDRs, comma-separated (e.g. 10.1.2.0/24)')),
  // Tests only (refused unless NODE_ENV=test): a cheaper scrypt cost (2^n) and a fixed "today" for the
  // date rules, so the suite runs fast and its fixed dates never fall into the past.
  TEST_ONLY_SCRYPT_LOG2_N: optional(z.string().regex(/^(1[0-7])$/, 'use 10-17')),
  TEST_ONLY_TODAY: optionalText(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD'),
}).superRefine((env, context) => {
  // Half a Stripe configuration would start and then fail on the first webhook or the first call.
  if (Boolean(env.STRIPE_SECRET_KEY) !== Boolean(env.STRIPE_WEBHOOK_SECRET)) {
    const missing = env.STRIPE_SECRET_KEY ? 'STRIPE_WEBHOOK_SECRET' : 'STRIPE_SECRET_KEY';
    context.addIssue({ code: 'custom', path: [missing], message: 'set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET together (or neither, for the local Stripe server)' });
  }
  for (const name of ['TEST_ONLY_SCRYPT_LOG2_N', 'TEST_ONLY_TODAY'] as const) {
    if (env[name] !== undefined && env.NODE_ENV !== 'test') context.addIssue({ code: 'custom', path: [name], message: 'only for the test suite (NODE_ENV=test)' });
  }
});

function networksOrUndefined(value: string): Network[] | undefined {
  try {
    return parseNetworks(value);
  } catch {
    return undefined;
  }
}

export type TConfig = z.infer<typeof ZConfig> & {
  seedDemo: boolean;
  webhookEncryptionKey: Buffer;
  /** Private networks webhooks may reach (WEBHOOK_UNSAFE_PRIVATE_NETWORKS); empty by default. */
  webhookPrivateNetworks: Network[];
  /** Fastify's trustProxy: false, a hop count, or the proxies' addresses. */
  trustProxy: false | number | string[];
  passwordCost: ScryptCost;
  freeTextOperations: 'everyone' | 'api-keys';
};

// Outside production only, so that `npm start` needs no setup; production refuses to start without a key.
const DEVELOPMENT_WEBHOOK_KEY = Buffer.alloc(32, 'gridshare-development-only');

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function trustProxyOf(value: string | undefined): TConfig['trustProxy'] {
  if (!value) return false;
  if (/^\d+$/.test(value.trim())) return Number(value);
  return value.split(',').map((part) => part.trim()).filter(Boolean);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): TConfig {
  if (env.WEBHOOK_ALLOW_PRIVATE_URLS !== undefined) {
    throw new ConfigError(['WEBHOOK_ALLOW_PRIVATE_URLS: replaced by WEBHOOK_UNSAFE_PRIVATE_NETWORKS (the CIDRs webhooks may reach; see docs/webhooks.md)']);
  }
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
    webhookPrivateNetworks: parsed.data.WEBHOOK_UNSAFE_PRIVATE_NETWORKS ? parseNetworks(parsed.data.WEBHOOK_UNSAFE_PRIVATE_NETWORKS) : [],
    trustProxy: trustProxyOf(parsed.data.TRUST_PROXY),
    freeTextOperations: parsed.data.FREE_TEXT_OPERATIONS ?? (production ? 'api-keys' : 'everyone'),
    passwordCost: parsed.data.TEST_ONLY_SCRYPT_LOG2_N ? { ...PASSWORD_COST, N: 2 ** Number(parsed.data.TEST_ONLY_SCRYPT_LOG2_N) } : PASSWORD_COST,
  };
}
