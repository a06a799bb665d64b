// Per-caller request limits, sign-in and sign-up limits (rate-limiter-flexible). In Redis when REDIS_URL is
// set, so every API process shares one budget, with an in-memory limiter as insurance: if Redis goes
// away, limits still hold per process and the API keeps answering. Keys live under QUEUE_PREFIX, and any
// key about an email address holds its hash, never the address.
import { sha256 } from '@gridshare/db';
import Redis from 'ioredis';
import type { Logger } from 'pino';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Plan, Principal } from './auth/principal';
import type { TConfig } from './config';
import { transportError } from './graphql/errors';

export interface RateLimits {
  /** Counts one request of this caller; throws RATE_LIMITED (429, Retry-After) past the plan's limit. */
  consumeRequest(principal: Principal | null, ip: string): Promise<void>;
  /**
   * Throws RATE_LIMITED once this email has failed too often from this address, or while the account is
   * in backoff after failures from many addresses (unless this address signed in to it before).
   */
  assertSignInAllowed(email: string, ip: string): Promise<void>;
  recordSignInFailure(email: string, ip: string): Promise<void>;
  /** Clears the failures and remembers the address as one this account signs in from. */
  recordSignInSuccess(email: string, ip: string): Promise<void>;
  /** Counts a sign-up from this address with this email; throws RATE_LIMITED past either hourly limit. */
  consumeSignUp(email: string, ip: string): Promise<void>;
  close(): Promise<void>;
}

const FIFTEEN_MINUTES = 15 * 60;
const HOUR = 60 * 60;
/** How long an address an account signed in from stays exempt from the account's backoff (the memory limiter's timers cap it below 24.8 days). */
const KNOWN_ADDRESS_SECONDS = 14 * 24 * HOUR;

function rateLimited(state: RateLimiterRes) {
  const retryAfter = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  return transportError('RATE_LIMITED', `Too many requests; retry in ${retryAfter} s.`, {
    retryAfterSeconds: retryAfter,
    http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) },
  });
}

/** The limiter's state whether it allowed the point or refused it (rate-limiter-flexible rejects with it). */
const consumed = (limiter: RateLimiterAbstract, key: string) =>
  limiter.consume(key).catch((error: unknown) => {
    if (error instanceof RateLimiterRes) return error;
    throw error;
  });

async function consumeOrRefuse(limiter: RateLimiterAbstract, key: string): Promise<void> {
  await limiter.consume(key).catch((error: unknown) => {
    if (error instanceof RateLimiterRes) throw rateLimited(error);
    throw error;
  });
}

const emailKey = (email: string) => sha256(`email:${email.trim().toLowerCase()}`);
const emailAddressKey = (email: string, ip: string) => sha256(`email:${email.trim().toLowerCase()}|ip:${ip}`);

export function createRateLimits(config: TConfig, logger: Logger): RateLimits {
  const redis = config.REDIS_URL
    ? new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false })
    : undefined;
  redis?.on('error', (error: Error) => logger.warn({ err: error.message }, 'redis unavailable: rate limits fall back to memory'));

  const limiter = (name: string, points: number, duration: number): RateLimiterAbstract => {
    const keyPrefix = `${config.QUEUE_PREFIX}:rl:${name}`;
    const memory = new RateLimiterMemory({ keyPrefix, points, duration });
    return redis ? new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration, insuranceLimiter: memory, rejectIfRedisNotReady: true }) : memory;
  };
  const perPlan: Record<Plan, RateLimiterAbstract> = {
    FREE: limiter('free', config.RATE_LIMIT_FREE_PER_MINUTE, 60),
    PRO: limiter('pro', config.RATE_LIMIT_PRO_PER_MINUTE, 60),
    API: limiter('api', config.RATE_LIMIT_API_PER_MINUTE, 60),
  };
  const anonymous = limiter('anon', config.RATE_LIMIT_ANONYMOUS_PER_MINUTE, 60);
  const signInsFromAddress = limiter('signin', config.SIGN_IN_ATTEMPTS, FIFTEEN_MINUTES);
  // Counted past the free failures (never refused by itself); the backoff below does the holding.
  const accountFailures = limiter('signin-account', Number.MAX_SAFE_INTEGER, FIFTEEN_MINUTES);
  const accountBackoff = limiter('signin-backoff', 1, config.SIGN_IN_BACKOFF_MAX_SECONDS);
  const knownAddresses = limiter('signin-known', Number.MAX_SAFE_INTEGER, KNOWN_ADDRESS_SECONDS);
  const signUpsFromAddress = limiter('signup-ip', config.SIGN_UP_PER_IP_PER_HOUR, HOUR);
  const signUpsPerEmail = limiter('signup-email', config.SIGN_UP_PER_EMAIL_PER_HOUR, HOUR);

  return {
    async consumeRequest(principal, ip) {
      const [bucket, key] = !principal
        ? [anonymous, `ip:${ip}`]
        : principal.kind === 'apiKey'
          ? [perPlan[principal.plan], `key:${principal.apiKeyId}`]
          : [perPlan[principal.plan], `user:${principal.userId}`];
      await consumeOrRefuse(bucket, key);
    },
    async assertSignInAllowed(email, ip) {
      const fromAddress = await signInsFromAddress.get(emailAddressKey(email, ip));
      if (fromAddress && fromAddress.consumedPoints >= config.SIGN_IN_ATTEMPTS) throw rateLimited(fromAddress);
      const backoff = await accountBackoff.get(emailKey(email));
      if (backoff && backoff.consumedPoints > 1 && backoff.msBeforeNext > 0 && !(await knownAddresses.get(emailAddressKey(email, ip)))) {
        throw rateLimited(backoff);
      }
    },
    async recordSignInFailure(email, ip) {
      await signInsFromAddress.consume(emailAddressKey(email, ip)).catch(() => {});
      const failures = (await consumed(accountFailures, emailKey(email))).consumedPoints;
      const beyond = failures - config.SIGN_IN_ACCOUNT_ATTEMPTS;
      // 1 s at the last free failure, doubling with each one after it, capped.
      if (beyond >= 0) await accountBackoff.block(emailKey(email), Math.min(2 ** Math.min(beyond, 20), config.SIGN_IN_BACKOFF_MAX_SECONDS));
    },
    async recordSignInSuccess(email, ip) {
      await Promise.all([
        signInsFromAddress.delete(emailAddressKey(email, ip)),
        accountFailures.delete(emailKey(email)),
        accountBackoff.delete(emailKey(email)),
        knownAddresses.consume(emailAddressKey(email, ip)),
      ]);
    },
    async consumeSignUp(email, ip) {
      await consumeOrRefuse(signUpsFromAddress, `ip:${ip}`);
      await consumeOrRefuse(signUpsPerEmail, emailKey(email));
    },
    async close() {
      redis?.disconnect();
    },
  };
}
