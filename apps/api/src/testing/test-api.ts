// A real API over real HTTP on a fresh database, for integration tests.
import { CONNECTION_WAIT_MS } from '@gridshare/db';
import { type TestDatabase, createTestDatabase } from '@gridshare/db/testing';
import type { Billing } from '@gridshare/billing';
import type { LocalStripe } from '@gridshare/billing/testing';
import { openBilling } from '../billing-runtime';
import { loadConfig } from '../config';
import type { DestinationStream } from 'pino';
import { createLogger } from '../logger';
import { slowQueryLogger } from '../request-logging';
import { buildServer } from '../server';

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; field?: string; [key: string]: unknown } }[];
}

export interface Caller {
  token?: string;
  orgId?: string;
}

export interface TestApi {
  url: string;
  db: TestDatabase;
  /** The local Stripe-shaped server this API bills through; it delivers signed webhooks to this API. */
  stripe: LocalStripe;
  /** The API's own Stripe client (for calling packages/billing functions the way a worker would). */
  billing: Billing;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<GqlResult<T>>;
  post(body: string, headers?: Record<string, string>, method?: string): Promise<Response>;
  close(): Promise<void>;
}

export interface TestApiOptions {
  env?: Record<string, string>;
  poolMax?: number;
  onQuery?: (sql: string, durationMs: number) => void;
  /** Where log lines go (JSON, one per line); set LOG_LEVEL in `env` to see them. */
  logStream?: DestinationStream;
}

/**
 * What every test API runs with unless a test says otherwise: a cheap password hash (the suite signs in
 * thousands of times; accounts.int.test.ts proves production's cost), a fixed "today" so the fixed dates of
 * the fixtures never fall into the past (hostile-input.int.test.ts checks the real clock), and sign-ups
 * unlimited from the one address every test calls from.
 */
export const TEST_ENV = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  TEST_ONLY_SCRYPT_LOG2_N: '12',
  TEST_ONLY_TODAY: '2026-01-01',
  SIGN_UP_PER_IP_PER_HOUR: '1000000',
} as const;

export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const env: Record<string, string> = { ...TEST_ENV, ...options.env };
  // An API started as production (limits.int.test.ts) hashes and dates as production does: the config
  // refuses the TEST_ONLY_ settings outside NODE_ENV=test.
  if (env.NODE_ENV !== 'test') for (const name of ['TEST_ONLY_SCRYPT_LOG2_N', 'TEST_ONLY_TODAY']) delete env[name];
  const config = loadConfig(env);
  const logger = createLogger(config.LOG_LEVEL, options.logStream);
  const slowQueries = slowQueryLogger(logger, config.SLOW_QUERY_MS);
  const db = await createTestDatabase({
    poolMax: options.poolMax,
    // As main.ts.
    connectionTimeoutMs: CONNECTION_WAIT_MS,
    onQuery: (sql, durationMs) => {
      options.onQuery?.(sql, durationMs);
      slowQueries(sql, durationMs);
    },
  });
  const billing = await openBilling(config, logger);
  const { app } = await buildServer({ config, db, logger, billing });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  billing.attach(url);
  if (!billing.local) throw new Error('startTestApi bills through the local Stripe server; do not pass STRIPE_SECRET_KEY');
  const stripe = billing.local;

  const post = (body: string, headers: Record<string, string> = {}, method = 'POST') =>
    fetch(`${url}/graphql`, { method, headers: { 'content-type': 'application/json', ...headers }, body: method === 'GET' ? undefined : body });

  return {
    url,
    db,
    stripe,
    billing: billing.billing,
    post,
    async gql(query, variables, caller = {}) {
      const headers: Record<string, string> = {};
      if (caller.token) headers.authorization = `Bearer ${caller.token}`;
      if (caller.orgId) headers['x-org-id'] = caller.orgId;
      const response = await post(JSON.stringify({ query, variables }), headers);
      return { status: response.status, ...((await response.json()) as object) };
    },
    async close() {
      await app.close();
      await billing.close();
      await db.close();
    },
  };
}
