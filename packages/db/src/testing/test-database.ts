// A fresh, migrated database for each integration test file, cheaply: the migrations run once per test
// run (global-setup.ts) into a template, and each file copies it.
//   DATABASE_URL set: PostgreSQL, CREATE DATABASE … TEMPLATE <migrated template>.
//   otherwise:        PGlite in memory, loaded from a dump of a migrated instance.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Database, type DatabaseOptions, createDatabase } from '../client';
import { DUMP_ENV, TEMPLATE_ENV, adminQuery, withDatabaseName } from './template';

export interface TestDatabase extends Database {
  /** PostgreSQL URL of this test database (undefined on PGlite). */
  url?: string;
}

export async function createTestDatabase(options: Omit<DatabaseOptions, 'url' | 'dataDir' | 'pgliteDump'> = {}): Promise<TestDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dumpPath = process.env[DUMP_ENV];
    if (!dumpPath) throw new Error(`${DUMP_ENV} is not set: run integration tests through jest's integration project.`);
    const db = createDatabase({ ...options, dataDir: 'memory://', pgliteDump: new Blob([readFileSync(dumpPath)]) });
    // Loading the dump is seconds of CPU on this event loop: done before the test's first transaction
    // starts its 5 s wait for a connection (two APIs starting at once had signUp refused as busy).
    await db.ping();
    return db;
  }
  const template = process.env[TEMPLATE_ENV];
  if (!template) throw new Error(`${TEMPLATE_ENV} is not set: run integration tests through jest's integration project.`);
  const name = `gs_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const url = withDatabaseName(adminUrl, name);
  const db = createDatabase({ ...options, url });
  return {
    ...db,
    url,
    close: async () => {
      await db.close();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
