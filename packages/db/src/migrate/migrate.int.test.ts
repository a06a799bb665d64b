// CI fails when prisma/schema.prisma and prisma/migrations disagree (npm test runs `migrate check`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, SCHEMA_PATH } from '../paths';
import { diffSchemaAgainstMigrations } from './migrate';

function schemaWithExtraField(): string {
  const schema = readFileSync(SCHEMA_PATH, 'utf8').replace(/model Site \{\n/, 'model Site {\n  coolingTowerCount Int @default(0)\n');
  const path = join(mkdtempSync(join(tmpdir(), 'gs-drift-')), 'schema.prisma');
  writeFileSync(path, schema);
  return path;
}

describe('migration drift check', () => {
  it('finds nothing missing for the committed schema', async () => {
    expect(await diffSchemaAgainstMigrations()).toBe('');
  });

  it('reports the missing SQL when a field is added without a migration', async () => {
    const sql = await diffSchemaAgainstMigrations({ schemaPath: schemaWithExtraField() });
    expect(sql).toMatch(/ALTER TABLE "Site" ADD COLUMN\s+"coolingTowerCount" INTEGER NOT NULL DEFAULT 0/);
  });

  it('makes the CLI (what CI runs) exit non-zero with a message saying what to do', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'packages/db/src/migrate/cli.ts', 'check', '--schema', schemaWithExtraField()], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/has changes that no migration holds/);
    expect(result.stderr).toMatch(/coolingTowerCount/);
  });
});
