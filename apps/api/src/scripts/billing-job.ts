// One billing job, run once: `npm run billing:invoice-statements` (every AGREED settlement statement to a
// Stripe invoice, or PAID when nothing is due) or `npm run billing:retry-payouts` (FAILED and interrupted
// host payouts). The scheduled worker calls the same functions; running both at once is safe (idempotent
// per statement, per deal and invoice). Exits 1 if anything failed; the next run retries it.
import { DEFAULT_DATA_DIR, createDatabase } from '@gridshare/db';
import { openBilling } from '../billing-runtime';
import { ConfigError, loadConfig } from '../config';
import { createLogger } from '../logger';
import { BILLING_JOBS, type BillingJob } from '../modules/billing/billing-jobs';

async function main(name: string | undefined): Promise<number> {
  const job: BillingJob | undefined = name && name in BILLING_JOBS ? BILLING_JOBS[name as keyof typeof BILLING_JOBS] : undefined;
  if (!job) throw new Error(`usage: billing-job <${Object.keys(BILLING_JOBS).join('|')}>`);
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const db = createDatabase({ url: config.DATABASE_URL, dataDir: config.PGLITE_DATA_DIR ?? DEFAULT_DATA_DIR, poolMax: 2 });
  const billing = await openBilling(config, logger);
  try {
    if (billing.local) logger.warn('STRIPE_SECRET_KEY is unset: this job talks to a throwaway local Stripe-shaped server');
    return (await job(db.prisma, billing.billing, logger)) > 0 ? 1 : 0;
  } finally {
    await billing.close();
    await db.close();
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
