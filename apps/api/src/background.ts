// What the worker (apps/worker) runs, from the modules that own it: one implementation, two processes.
export { type TConfig, ConfigError, loadConfig } from './config';
export { createLogger } from './logger';
export { reassessOutdatedSites } from './modules/readiness/readiness.service';
export { ensureComingMeterPartitions } from './modules/metering/meter-partitions';
export { MODEL_VERSION } from '@gridshare/readiness';
export { attemptDelivery, deliverySettings, sweepLostDeliveries } from './modules/webhooks/delivery';
export { encryptSecret } from './modules/webhooks/secret-box';
export { WEBHOOK_QUEUE, type DeliveryJob, type WebhookQueue, createWebhookQueue, redisConnection } from './modules/webhooks/queue';
export { BILLING_JOBS, type BillingJobName } from './modules/billing/billing-jobs';
export { configuredBilling } from './billing-runtime';
export {
  DISPUTE_WINDOW_ACTOR,
  SETTLEMENT_QUEUE,
  type SettlementQueue,
  type StatementJob,
  autoAgreeDue,
  createSettlementQueue,
  monthToSettle,
  queueMonthlyRun,
  queueStaleDrafts,
  runStatementJob,
  statementJobId,
} from './modules/settlement/settlement-jobs';
export { computeDraft } from './modules/settlement/statement-drafts';
export { HOSTING_DISPUTE_WINDOW_DAYS, autoAgreeDueHostingStatements } from './modules/hosting/statements.service';
export { loadSettlementDeal } from './modules/settlement/statement-inputs';
export { type CacheInvalidations, createCacheInvalidations } from './cache-invalidation';
export type { Billing } from '@gridshare/billing';
