import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const SCHEMA_PATH = join(REPO_ROOT, 'prisma', 'schema.prisma');
export const MIGRATIONS_DIR = join(REPO_ROOT, 'prisma', 'migrations');
/** Where the embedded database of `npm start` keeps its files (git-ignored). */
export const DEFAULT_DATA_DIR = join(REPO_ROOT, '.data', 'pglite');
