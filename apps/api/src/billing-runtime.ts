// The API's Stripe: the configured account, or, when STRIPE_SECRET_KEY is unset (the offline demo), a
// local Stripe-shaped server in this process with throwaway keys, so every billing screen and mutation
// works without a network. Its Checkout links "pay" when visited and deliver the webhooks back to us.
import { randomBytes } from 'node:crypto';
import { type Billing, createBilling } from '@gridshare/billing';
import { type LocalStripe, startLocalStripe } from '@gridshare/billing/testing';
import type { Logger } from 'pino';
import type { TConfig } from './config';

export interface BillingRuntime {
  billing: Billing;
  /** Set when running against the in-process local server. */
  local?: LocalStripe;
  /** The API's own address, once it listens: the local server delivers its webhooks there. */
  attach(apiUrl: string): void;
  close(): Promise<void>;
}

/** The configured Stripe account, or null when STRIPE_SECRET_KEY is unset. */
export function configuredBilling(config: TConfig): Billing | null {
  const { STRIPE_SECRET_KEY: secretKey, STRIPE_WEBHOOK_SECRET: webhookSecret, STRIPE_API_BASE: apiBase } = config;
  return secretKey && webhookSecret ? createBilling({ secretKey, webhookSecret, apiBase }) : null;
}

export async function openBilling(config: TConfig, logger: Logger): Promise<BillingRuntime> {
  const configured = configuredBilling(config);
  if (configured) return { billing: configured, attach: () => {}, close: async () => {} };
  const secretKey = `sk_test_local_${randomBytes(16).toString('hex')}`;
  const webhookSecret = `whsec_local_${randomBytes(16).toString('hex')}`;
  const local = await startLocalStripe({ secretKey });
  logger.info({ stripeApiBase: local.url }, 'STRIPE_SECRET_KEY is unset: billing uses a local Stripe-shaped server (offline demo)');
  return {
    billing: createBilling({ secretKey, webhookSecret, apiBase: local.url }),
    local,
    attach: (apiUrl) => {
      local.webhook = { url: `${apiUrl}/webhooks/stripe`, secret: webhookSecret };
    },
    close: () => local.close(),
  };
}
