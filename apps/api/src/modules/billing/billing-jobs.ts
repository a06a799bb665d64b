// The scheduled billing jobs, one implementation for `npm run billing:*` (scripts/billing-job.ts) and the
// worker (apps/worker). Each returns how many items failed; the next run retries them (both are idempotent:
// per statement, per deal and invoice).
import { type Billing, retryPayouts } from '@gridshare/billing';
import type { AppPrisma } from '@gridshare/db';
import type { Logger } from 'pino';
import { invoiceAgreedStatements } from './statement-kinds';

export type BillingJob = (prisma: AppPrisma, billing: Billing, logger: Logger) => Promise<number>;

export const BILLING_JOBS = {
  'invoice-statements': async (prisma, billing, logger) => {
    const result = await invoiceAgreedStatements(prisma, billing);
    logger.info({ invoiced: result.done, failed: result.failed.length }, 'agreed statements invoiced');
    for (const failure of result.failed) logger.error(failure, 'statement not invoiced; the next run retries it');
    return result.failed.length;
  },
  'retry-payouts': async (prisma, billing, logger) => {
    const outcomes = await retryPayouts(prisma, billing.stripe);
    const failed = outcomes.filter((outcome) => outcome.status === 'FAILED');
    logger.info({ paid: outcomes.filter((outcome) => outcome.status === 'PAID').length, failed: failed.length }, 'payouts retried');
    return failed.length;
  },
} satisfies Record<string, BillingJob>;

export type BillingJobName = keyof typeof BILLING_JOBS;
