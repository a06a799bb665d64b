// The three migration commands, on Prisma's WASM schema engine (works offline).
import { readFileSync } from 'node:fs';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaFilter } from '@prisma/schema-engine-wasm';
import { MIGRATIONS_DIR, SCHEMA_PATH } from '../paths';
import { readMigrations, writeMigration } from './migrations-folder';
import { openSchemaEngine } from './schema-engine';

const FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

export interface MigrationPaths {
  schemaPath?: string;
  migrationsDir?: string;
}

function load(paths: MigrationPaths) {
  const schemaPath = paths.schemaPath ?? SCHEMA_PATH;
  const migrationsDir = paths.migrationsDir ?? MIGRATIONS_DIR;
  return { schema: readFileSync(schemaPath, 'utf8'), migrationsDir, migrations: readMigrations(migrationsDir) };
}

/** SQL that takes a database from the migrations folder to the schema; empty when they agree. */
export async function diffSchemaAgainstMigrations(paths: MigrationPaths = {}): Promise<string> {
  const { schema, migrations } = load(paths);
  const engine = await openSchemaEngine(schema);
  try {
    const result = await engine.diff({
      from: { tag: 'migrations', ...migrations },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
      script: true,
      exitCode: true,
      filters: FILTERS,
    });
    return result.exitCode === 0 ? '' : (result.stdout ?? '');
  } finally {
    engine.free();
  }
}

export async function createMigration(name: string, paths: MigrationPaths = {}): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Migration name "${name}": use lowercase letters, digits and _`);
  const sql = await diffSchemaAgainstMigrations(paths);
  if (!sql.trim()) return null;
  return writeMigration(paths.migrationsDir ?? MIGRATIONS_DIR, name, sql);
}

/** Applies pending migrations, recording each in `_prisma_migrations` as `prisma migrate deploy` does. */
export async function applyMigrations(target: SqlDriverAdapterFactory, paths: MigrationPaths = {}): Promise<string[]> {
  const { schema, migrations } = load(paths);
  const engine = await openSchemaEngine(schema, target);
  try {
    const result = await engine.applyMigrations({ migrationsList: migrations, filters: FILTERS });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
  }
}
