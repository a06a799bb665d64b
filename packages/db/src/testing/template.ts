// Shared by the Jest global setup (which runs outside Jest's module mapping, so nothing here may import
// the generated Prisma client) and the per-file test databases.
import pg from 'pg';

export const TEMPLATE_ENV = 'GRIDSHARE_TEST_TEMPLATE_DB';
export const DUMP_ENV = 'GRIDSHARE_TEST_PGLITE_DUMP';

/**
 * Whether tests run on PostgreSQL (DATABASE_URL, as CI does) rather than PGlite's one connection, which only
 * its own process can open: a test of concurrent connections (a transaction committing while another is
 * open, a pool held busy, backends killed), or one that sets its scene in SQL beside the e2e API, runs there only.
 */
export const onPostgres = Boolean(process.env.DATABASE_URL);

/** `postgres://…/name` with the database name replaced. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
