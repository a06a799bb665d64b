// `npm start`: validate the environment, open the database (PostgreSQL when DATABASE_URL is set, the
// embedded PGlite otherwise), apply migrations, seed the demo once, serve the API.
import {
  CONNECTION_WAIT_MS,
  DEFAULT_DATA_DIR,
  DEMO_API_KEY_SECRET,
  DEMO_LOGINS,
  DEMO_PASSWORD,
  applyMigrations,
  createDatabase,
  hasDemoData,
  seedDemo,
} from '@gridshare/db';
import { openBilling } from './billing-runtime';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { slowQueryLogger } from './request-logging';
import { assessUnassessedSites } from './modules/readiness/readiness.service';
import { seedDemoOperations } from './demo/demo-operations';
import { buildServer } from './server';

function banner(lines: string[]): void {
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const dataDir = config.PGLITE_DATA_DIR ?? DEFAULT_DATA_DIR;
  const db = createDatabase({
    url: config.DATABASE_URL,
    dataDir,
    poolMax: config.DATABASE_POOL_MAX,
    // Reads outside a transaction wait for a connection as long as a transaction does, then answer 503.
    connectionTimeoutMs: CONNECTION_WAIT_MS,
    onQuery: config.SLOW_QUERY_MS > 0 ? slowQueryLogger(logger, config.SLOW_QUERY_MS) : undefined,
  });

  if (config.MIGRATE_ON_START) {
    const applied = await applyMigrations(db.migrationTarget());
    logger.info({ applied }, applied.length ? 'migrations applied' : 'database schema up to date');
  }
  if (config.seedDemo && !(await hasDemoData(db.prisma))) {
    logger.info('seeding demo data (first start only)');
    await seedDemo(db.prisma);
  }
  if (config.seedDemo) {
    // The running deal's months, readings, events and statements: through the API's services, so after the
    // base seed (it reads the demo's people and sites); does nothing once complete.
    // A nicety: if it fails (say someone moved the demo deal by hand), the API starts anyway.
    const started = performance.now();
    try {
      const operations = await seedDemoOperations(db.prisma);
      if (operations.readings > 0) logger.info({ ...operations, seconds: Number(((performance.now() - started) / 1000).toFixed(2)) }, 'seeded the demo deal\'s operations');
    } catch (error) {
      logger.warn({ err: error }, 'could not seed the demo deal\'s operations; the API starts without them');
    }
  }
  const assessed = await assessUnassessedSites(db.prisma);
  if (assessed) logger.info({ assessed }, 'assessed the readiness of sites that had no assessment');

  const billing = await openBilling(config, logger);
  const { app } = await buildServer({ config, db, logger, billing });
  const address = await app.listen({ host: config.HOST, port: config.PORT });
  billing.attach(address);

  banner([
    `Gridshare API ready at ${address}/graphql  (health: ${address}/healthz, readiness: ${address}/readyz)`,
    `Database: ${db.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${dataDir}`}`,
    `Stripe: ${billing.local ? `local Stripe-shaped server at ${billing.local.url} (STRIPE_SECRET_KEY unset; see docs/billing.md)` : 'STRIPE_SECRET_KEY'}`,
    ...(config.seedDemo
      ? [
          `Demo logins (password "${DEMO_PASSWORD}"):`,
          ...DEMO_LOGINS.map((login) => `  ${login.email.padEnd(32)} ${login.role.padEnd(7)} ${login.orgName} (${login.orgKind})`),
          `Demo partner API key: ${DEMO_API_KEY_SECRET}`,
          `Try: curl -s ${address}/graphql -H 'content-type: application/json' -H 'authorization: Bearer ${DEMO_API_KEY_SECRET}' -d '{"query":"{ me { organization { name kind } scopes } }"}'`,
          `The README's "First requests" signs in as the miner and lists its sites.`,
        ]
      : []),
  ]);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    await app.close();
    await billing.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Gridshare API failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
