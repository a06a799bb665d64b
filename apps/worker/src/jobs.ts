// Every background job, in one list. A job runs on one of three queues: `webhook-deliveries` (many small
// jobs, concurrent), `settlement` (one job per deal-month statement, SETTLEMENT_CONCURRENCY at once per
// worker) or `maintenance` (periodic or one-off system work, one at a time). To add a job, append a
// JobDefinition to JOBS.
import type { AppPrisma } from '@gridshare/db';
import {
  BILLING_JOBS,
  type Billing,
  type BillingJobName,
  type CacheInvalidations,
  type DeliveryJob,
  MODEL_VERSION,
  SETTLEMENT_QUEUE,
  type SettlementQueue,
  type StatementJob,
  type TConfig,
  WEBHOOK_QUEUE,
  type WebhookQueue,
  attemptDelivery,
  autoAgreeDue,
  autoAgreeDueHostingStatements,
  deliverySettings,
  ensureComingMeterPartitions,
  monthToSettle,
  queueMonthlyRun,
  queueStaleDrafts,
  reassessOutdatedSites,
  runStatementJob,
  sweepLostDeliveries,
} from '@gridshare/api/background';
import type { Job } from 'bullmq';
import type { Logger } from 'pino';

export const MAINTENANCE_QUEUE = 'maintenance';

export interface JobDeps {
  config: TConfig;
  prisma: AppPrisma;
  logger: Logger;
  /** Where deliveries (retries, swept ones) are queued. */
  webhookQueue: WebhookQueue;
  /** Where the monthly run queues one job per deal-month. */
  settlementQueue: SettlementQueue;
  /** Stripe, when STRIPE_SECRET_KEY is set; billing jobs run only then. */
  billing: Billing | null;
  /** Tells the API processes that listings changed, so they drop replayed search answers. */
  cacheInvalidations: CacheInvalidations;
}

export interface JobDefinition {
  name: string;
  queue: typeof WEBHOOK_QUEUE | typeof SETTLEMENT_QUEUE | typeof MAINTENANCE_QUEUE;
  /** Repeat every so many ms (a BullMQ job scheduler: one schedule however many workers run). */
  everyMs?: (config: TConfig) => number;
  /**
   * Queue once when a worker starts, under this job id (workers starting together queue it once).
   * Not used for jobs that only run when something else queues them.
   */
  onStartJobId?: () => string;
  /** Whether this deployment runs the job at all (default: always). */
  enabled?: (config: TConfig) => boolean;
  run(job: Job, deps: JobDeps): Promise<unknown>;
}

/** A billing job on a schedule; without Stripe keys there is no account to bill through. */
function billingJob(name: BillingJobName): JobDefinition {
  return {
    name: `billing-${name}`,
    queue: MAINTENANCE_QUEUE,
    everyMs: (config) => config.BILLING_JOBS_EVERY_MS,
    enabled: (config) => Boolean(config.STRIPE_SECRET_KEY),
    run: async (_job, deps) => {
      if (!deps.billing) throw new Error(`billing-${name} needs STRIPE_SECRET_KEY`);
      const failed = await BILLING_JOBS[name](deps.prisma, deps.billing, deps.logger);
      // A failed item makes the job fail, so it shows in the queue's failed list until a run succeeds.
      if (failed > 0) throw new Error(`${failed} item(s) failed; the next run retries them`);
      return failed;
    },
  };
}

export const JOBS: JobDefinition[] = [
  {
    name: 'deliver',
    queue: WEBHOOK_QUEUE,
    run: (job, deps) => attemptDelivery(deps.prisma, deliverySettings(deps.config), deps.webhookQueue, job.data as DeliveryJob),
  },
  {
    name: 'webhook-sweep',
    queue: MAINTENANCE_QUEUE,
    everyMs: (config) => config.WEBHOOK_SWEEP_EVERY_MS,
    run: async (_job, deps) => {
      const swept = await sweepLostDeliveries(deps.prisma, deps.webhookQueue, deps.config.WEBHOOK_SWEEP_GRACE_MS);
      if (swept) deps.logger.info({ swept }, 'queued webhook deliveries that had lost their job');
      return swept;
    },
  },
  {
    // After a deploy that changes the readiness model, the first worker to start assesses every site
    // again under the new version (the API serves the previous assessments meanwhile).
    name: 'readiness-reassess',
    queue: MAINTENANCE_QUEUE,
    onStartJobId: () => `readiness-reassess-${MODEL_VERSION}`,
    run: async (_job, deps) => {
      const assessed = await reassessOutdatedSites(deps.prisma);
      // New scores are in the listings (search shows and sorts by them).
      if (assessed > 0) await deps.cacheInvalidations.publish();
      deps.logger.info({ assessed, modelVersion: MODEL_VERSION }, 'readiness reassessed under the current model');
      return assessed;
    },
  },
  {
    // Meter readings are partitioned by month: this month and the next three exist before any reading
    // needs them (the API creates older months on demand, for backfilled data).
    name: 'meter-partitions',
    queue: MAINTENANCE_QUEUE,
    everyMs: () => 24 * 60 * 60 * 1000,
    onStartJobId: () => `meter-partitions-${new Date().toISOString().slice(0, 10)}`,
    run: async (_job, deps) => {
      const created = await ensureComingMeterPartitions(deps.prisma);
      if (created.length > 0) deps.logger.info({ created }, 'meter reading partitions created');
      return created;
    },
  },
  {
    // After a month ends: one statement job per deal that ran in it and has no statement yet, and the
    // DRAFTs whose data changed. Deterministic job ids: every worker may run this; each job runs once.
    name: 'settlement-monthly-run',
    queue: MAINTENANCE_QUEUE,
    everyMs: (config) => config.SETTLEMENT_JOBS_EVERY_MS,
    run: async (_job, deps) => {
      const month = monthToSettle(new Date());
      const queued = await queueMonthlyRun(deps.prisma, deps.settlementQueue, month);
      const stale = await queueStaleDrafts(deps.prisma, deps.settlementQueue);
      deps.logger.info({ month, queued, stale }, 'settlement statements queued');
      return { month, queued, stale };
    },
  },
  {
    name: 'statement',
    queue: SETTLEMENT_QUEUE,
    run: (job, deps) => runStatementJob(deps.prisma, job.data as StatementJob),
  },
  {
    name: 'settlement-auto-agree',
    queue: MAINTENANCE_QUEUE,
    everyMs: (config) => config.SETTLEMENT_JOBS_EVERY_MS,
    run: async (_job, deps) => {
      const result = await autoAgreeDue(deps.prisma);
      if (result.stale.length > 0) deps.logger.warn({ stale: result.stale }, 'issued statements past their dispute window are stale: the host re-issues them');
      // Mining hosting statements have the same window (7 days, docs/hosting.md) and the same invoicing after.
      const hosting = await autoAgreeDueHostingStatements(deps.prisma);
      deps.logger.info({ agreed: result.agreed.length, hostingAgreed: hosting.length }, 'statements agreed at the end of their dispute window');
      return { ...result, hostingAgreed: hosting };
    },
  },
  billingJob('invoice-statements'),
  billingJob('retry-payouts'),
];
