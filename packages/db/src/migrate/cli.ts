// npm run db:migrate:create -- <name> | db:migrate:check | db:migrate:apply
import { createDatabase } from '../client';
import { applyMigrations, createMigration, diffSchemaAgainstMigrations } from './migrate';

const USAGE = 'usage: migrate create <name> | migrate check [--schema <path>] | migrate apply';

async function main(argv: string[]): Promise<number> {
  const schemaFlag = argv.indexOf('--schema');
  const paths = schemaFlag >= 0 ? { schemaPath: argv[schemaFlag + 1] } : {};
  const [command, name] = schemaFlag >= 0 ? argv.filter((_, i) => i !== schemaFlag && i !== schemaFlag + 1) : argv;
  switch (command) {
    case 'create': {
      if (!name) throw new Error(`migrate create needs a name.\n${USAGE}`);
      const folder = await createMigration(name, paths);
      console.log(folder ? `Created prisma/migrations/${folder}/migration.sql` : 'Schema and migrations agree: nothing to create.');
      return 0;
    }
    case 'check': {
      const sql = await diffSchemaAgainstMigrations(paths);
      if (!sql.trim()) {
        console.log('Schema and migrations agree.');
        return 0;
      }
      console.error('prisma/schema.prisma has changes that no migration holds. Run `npm run db:migrate:create -- <name>`.');
      console.error('Missing SQL:\n' + sql);
      return 1;
    }
    case 'apply': {
      const db = createDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.PGLITE_DATA_DIR });
      try {
        const applied = await applyMigrations(db.migrationTarget());
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
      } finally {
        await db.close();
      }
      return 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
