// `prisma generate` that works offline. Every Prisma CLI command first downloads the native schema engine;
// generate never runs it, so pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file stops the download
// (see docs/prisma-offline.md). Where a real engine is configured, we leave it alone.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const require = createRequire(import.meta.url);
const prismaCli = require.resolve('prisma/build/index.js');

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

const result = spawnSync(
  process.execPath,
  [prismaCli, 'generate', '--schema', join(root, 'prisma', 'schema.prisma')],
  { stdio: 'inherit', env, cwd: root },
);
process.exit(result.status ?? 1);
