import { rmSync } from 'node:fs';
import { DUMP_ENV, TEMPLATE_ENV, adminQuery } from './template';

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL;
  const template = process.env[TEMPLATE_ENV];
  if (adminUrl && template) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  const dump = process.env[DUMP_ENV];
  if (dump) rmSync(dump, { force: true });
}
