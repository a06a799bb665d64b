// The one Stripe client of the platform. Production talks to api.stripe.com; tests and the offline demo
// point the same code at a Stripe-shaped local server through stripe-node's host/port/protocol options.
import Stripe from 'stripe';

export interface BillingConfig {
  secretKey: string;
  webhookSecret: string;
  /** e.g. http://127.0.0.1:12111; unset means Stripe itself. */
  apiBase?: string;
}

export interface Billing {
  stripe: Stripe;
  webhookSecret: string;
}

export function createBilling(config: BillingConfig): Billing {
  const base = config.apiBase ? new URL(config.apiBase) : undefined;
  const stripe = new Stripe(config.secretKey, {
    ...(base
      ? {
          host: base.hostname,
          port: Number(base.port || (base.protocol === 'https:' ? 443 : 80)),
          protocol: base.protocol === 'https:' ? 'https' : 'http',
        }
      : {}),
    // Network retries resend the same idempotency key (ours), so a retried create is never a second one.
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: 'gridshare' },
  });
  return { stripe, webhookSecret: config.webhookSecret };
}

/** Stripe's error code (e.g. `resource_already_exists`), when the error came from Stripe. */
export function stripeErrorCode(error: unknown): string | undefined {
  return error instanceof Stripe.errors.StripeError ? error.code : undefined;
}

/** A short, secret-free description of a failed Stripe call for logs and Payout.lastError. */
export function describeStripeError(error: unknown): string {
  if (error instanceof Stripe.errors.StripeError) return `${error.type}${error.code ? ` (${error.code})` : ''}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
