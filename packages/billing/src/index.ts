// @gridshare/billing: the only package that talks to Stripe.
export { createBilling, describeStripeError, stripeErrorCode, type Billing, type BillingConfig } from './client';
export { idempotencyKey, linkWindow } from './idempotency';
export * from './operations';
export { ensureConnectAccount, ensureCustomer } from './customers';
export { statementPayoutCents, type StatementPayoutInputs } from './payout-amount';
export {
  chargeStatementInvoice,
  ensureStatementInvoice,
  type StatementInvoice,
  type StatementInvoiceLine,
  type StatementInvoiceRequest,
  type StatementInvoiceStatus,
} from './statement-invoices';
export { WEBHOOK_TOLERANCE_SECONDS, verifyWebhook } from './webhook';
export type { default as Stripe } from 'stripe';
export { MAX_PAYOUT_ATTEMPTS, executePayout, retryPayouts, type PayoutOutcome, type RetryPayoutsOptions } from './payouts';
