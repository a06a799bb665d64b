// `npm run billing:report-usage -w @gridshare/api`: reports every recorded, complete, unreported day of
// metered energy to Stripe once, then exits (1 if any day failed; the next run retries it). The scheduled
// worker calls the same reportPendingUsage(); running both at once is safe (idempotent per deal and day).
import { reportPendingUsage } from '@gridshare/billing';
import { DEFAULT_DATA_DIR, createDatabase } from '@gridshare/db';
import { openBilling } from '../billing-runtime';
import { ConfigError, loadConfig } from '../config';
import { createLogger } from '../logger';

async function main(): Promise<number> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const db = createDatabase({ url: config.DATABASE_URL, dataDir: config.PGLITE_DATA_DIR ?? DEFAULT_DATA_DIR, poolMax: 2 });
  const billing = await openBilling(config, logger);
  try {
    if (billing.local) logger.warn('STRIPE_SECRET_KEY is unset: usage goes to a throwaway local Stripe-shaped server');
    const result = await reportPendingUsage(db.prisma, billing.billing.stripe);
    logger.info({ reported: result.reported, failed: result.failed.length }, 'usage reported to Stripe');
    for (const failure of result.failed) logger.error(failure, 'usage day not reported; the next run retries it');
    return result.failed.length ? 1 : 0;
  } finally {
    await billing.close();
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
