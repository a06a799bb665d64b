// Jest integration project: migrate once into a template that every test file copies (test-database.ts).
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { applyMigrations } from '../migrate/migrate';
import { pgMigrationTarget } from '../migrate/pg-migration-target';
import { DUMP_ENV, TEMPLATE_ENV, adminQuery, withDatabaseName } from './template';

export default async function globalSetup(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL;
  if (adminUrl) {
    const template = `gs_template_${randomBytes(4).toString('hex')}`;
    await adminQuery(adminUrl, `CREATE DATABASE "${template}"`);
    const target = pgMigrationTarget(withDatabaseName(adminUrl, template));
    try {
      await applyMigrations(target);
    } finally {
      // A template must have no open connection when test databases are copied from it.
      await target.end();
    }
    process.env[TEMPLATE_ENV] = template;
    return;
  }
  const pglite = new PGlite();
  try {
    await applyMigrations(new PrismaPGlite(pglite));
    const dump = await pglite.dumpDataDir('none');
    const path = join(tmpdir(), `gridshare-test-${process.pid}.tar`);
    writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
    process.env[DUMP_ENV] = path;
  } finally {
    await pglite.close();
  }
}
