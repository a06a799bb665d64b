// npm run db:seed (npx tsx packages/db/src/seed/cli.ts): migrate, seed the demo, print what is there.
// Uses DATABASE_URL when set, else the embedded PGlite folder that `npm start` uses; PGlite allows one
// process per folder, so stop the API first.
import { createDatabase } from '../client';
import { applyMigrations } from '../migrate/migrate';
import { DEFAULT_DATA_DIR } from '../paths';
import { SEED_TABLES, type SeedSummary, seedDemo } from './seed';

function report(summary: SeedSummary): string {
  const tables = SEED_TABLES.map((table) => {
    const { created, updated } = summary.changes[table];
    return `  ${table.padEnd(20)} ${String(summary.counts[table]).padStart(4)} rows  (${created} created, ${updated} updated)`;
  });
  const logins = summary.logins.map(
    (login) => `  ${login.email.padEnd(30)} ${login.role.padEnd(7)} ${login.orgName} (${login.orgKind})`,
  );
  return [
    'Demo data:',
    ...tables,
    `Demo logins (password "${summary.password}"):`,
    ...logins,
    `Demo partner API key: ${summary.apiKeySecret}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const db = createDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.PGLITE_DATA_DIR ?? DEFAULT_DATA_DIR });
  try {
    const applied = await applyMigrations(db.migrationTarget());
    console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema up to date.');
    console.log(report(await seedDemo(db.prisma)));
  } finally {
    await db.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
