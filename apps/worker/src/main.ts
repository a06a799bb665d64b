// `npm run worker`: validate the environment (the API's variables), connect to PostgreSQL and Redis, run
// the jobs until SIGTERM/SIGINT, then finish the running jobs and exit.
import { ConfigError, configuredBilling, createLogger, loadConfig } from '@gridshare/api/background';
import { createDatabase } from '@gridshare/db';
import { startWorker } from './worker';

async function main(): Promise<void> {
  const config = loadConfig();
  const { REDIS_URL, DATABASE_URL } = config;
  if (!REDIS_URL || !DATABASE_URL) throw new ConfigError(['REDIS_URL and DATABASE_URL: the worker needs both (jobs are in Redis, their records in PostgreSQL)']);
  const logger = createLogger(config.LOG_LEVEL);
  const db = createDatabase({ url: DATABASE_URL, poolMax: config.DATABASE_POOL_MAX });
  const billing = configuredBilling(config);
  if (!billing) logger.warn('STRIPE_SECRET_KEY is unset: the billing jobs (usage reports, payout retries) do not run');
  const worker = await startWorker({ config: { ...config, REDIS_URL }, db, logger, billing });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'worker shutting down: finishing running jobs');
    await worker.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `Gridshare worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
