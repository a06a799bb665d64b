// Per-caller request limits and sign-in attempt limits (rate-limiter-flexible). In Redis when REDIS_URL is
// set, so every API process shares one budget, with an in-memory limiter as insurance: if Redis goes
// away, limits still hold per process and the API keeps answering.
import { GraphQLError } from 'graphql';
import Redis from 'ioredis';
import type { Logger } from 'pino';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Plan, Principal } from './auth/principal';
import type { TConfig } from './config';


export interface RateLimits {
  /** Counts one request of this caller; throws RATE_LIMITED (429, Retry-After) past the plan's limit. */
  consumeRequest(principal: Principal | null, ip: string): Promise<void>;
  /** Throws RATE_LIMITED once this email has failed too often from this IP. */
  assertSignInAllowed(email: string, ip: string): Promise<void>;
  recordSignInFailure(email: string, ip: string): Promise<void>;
  close(): Promise<void>;
}

function rateLimited(error: unknown): GraphQLError {
  if (!(error instanceof RateLimiterRes)) throw error;
  const retryAfter = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
  return new GraphQLError(`Too many requests; retry in ${retryAfter} s.`, {
    extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter, http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) } },
  });
}

export function createRateLimits(config: TConfig, logger: Logger): RateLimits {
  const redis = config.REDIS_URL
    ? new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false })
    : undefined;
  redis?.on('error', (error: Error) => logger.warn({ err: error.message }, 'redis unavailable: rate limits fall back to memory'));

  const limiter = (keyPrefix: string, points: number, duration: number): RateLimiterAbstract => {
    const memory = new RateLimiterMemory({ keyPrefix, points, duration });
    return redis ? new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration, insuranceLimiter: memory, rejectIfRedisNotReady: true }) : memory;
  };
  const perPlan: Record<Plan, RateLimiterAbstract> = {
    FREE: limiter('rl:free', config.RATE_LIMIT_FREE_PER_MINUTE, 60),
    PRO: limiter('rl:pro', config.RATE_LIMIT_PRO_PER_MINUTE, 60),
    API: limiter('rl:api', config.RATE_LIMIT_API_PER_MINUTE, 60),
  };
  const anonymous = limiter('rl:anon', config.RATE_LIMIT_ANONYMOUS_PER_MINUTE, 60);
  const signIns = limiter('rl:signin', config.SIGN_IN_ATTEMPTS, 15 * 60);
  const signInKey = (email: string, ip: string) => `${email.trim().toLowerCase()}|${ip}`;

  return {
    async consumeRequest(principal, ip) {
      const [bucket, key] = !principal
        ? [anonymous, `ip:${ip}`]
        : principal.kind === 'apiKey'
          ? [perPlan[principal.plan], `key:${principal.apiKeyId}`]
          : [perPlan[principal.plan], `user:${principal.userId}`];
      await bucket.consume(key).catch((error: unknown) => {
        throw rateLimited(error);
      });
    },
    async assertSignInAllowed(email, ip) {
      const state = await signIns.get(signInKey(email, ip));
      if (state && state.consumedPoints >= config.SIGN_IN_ATTEMPTS) throw rateLimited(state);
    },
    async recordSignInFailure(email, ip) {
      await signIns.consume(signInKey(email, ip)).catch(() => {});
    },
    async close() {
      redis?.disconnect();
    },
  };
}
