// @gridshare/billing: the only package that talks to Stripe.
export { createBilling, describeStripeError, stripeErrorCode, type Billing, type BillingConfig } from './client';
export { idempotencyKey, linkWindow } from './idempotency';
export * from './operations';
export { ensureConnectAccount, ensureCustomer } from './customers';
export { hostPayoutCents, miningShareForPeriod, platformFeeCents, type PayoutInputs } from './payout-amount';
export { reportPendingUsage, type ReportUsageOptions, type ReportUsageResult } from './usage';
export { WEBHOOK_TOLERANCE_SECONDS, verifyWebhook } from './webhook';
export type { default as Stripe } from 'stripe';
export { MAX_PAYOUT_ATTEMPTS, executePayout, retryPayouts, type PayoutOutcome, type RetryPayoutsOptions } from './payouts';
