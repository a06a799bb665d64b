// What each platform plan allows. The plan is the organisation's (kept in step with Stripe by webhooks)
// and travels on the principal; the figures are configuration (config.ts), read here.
import type { Plan } from './auth/principal';
import type { TConfig } from './config';

/** Capacity blocks an organisation may have PUBLISHED at once; null: no limit. */
export function publishedBlockLimit(config: TConfig, plan: Plan): number | null {
  return { FREE: config.PUBLISHED_BLOCK_LIMIT_FREE, PRO: config.PUBLISHED_BLOCK_LIMIT_PRO, API: null }[plan];
}

export function rateLimitPerMinute(config: TConfig, plan: Plan): number {
  return { FREE: config.RATE_LIMIT_FREE_PER_MINUTE, PRO: config.RATE_LIMIT_PRO_PER_MINUTE, API: config.RATE_LIMIT_API_PER_MINUTE }[plan];
}
