// One factory for both databases: PostgreSQL through @prisma/adapter-pg when a URL is given, the embedded
// PGlite (a data folder, or memory) otherwise. Nothing else in the code base knows which one it got.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { ITXClientDenyList } from '@prisma/client/runtime/client';
import { PrismaClient } from './generated/prisma/client';
import { type PgMigrationTarget, pgMigrationTarget } from './migrate/pg-migration-target';

import { retryReadsOnLostConnection } from './lost-connection';
import { refuseUnscopedBulk } from './tenancy/refuse-unscoped';
import { scopedPgAdapter } from './tenancy/scoped-adapter';

function guarded(client: PrismaClient) {
  return client.$extends(refuseUnscopedBulk).$extends(retryReadsOnLostConnection);
}
/** The client every caller gets: bulk operations without a `where` are refused; reads survive a lost connection. */
export type AppPrisma = ReturnType<typeof guarded>;
/** The client inside a transaction. */
export type AppTx = Omit<AppPrisma, ITXClientDenyList>;

export interface DatabaseOptions {
  /** postgres://… ; when absent, the embedded PGlite is used. */
  url?: string;
  /** PGlite data folder, or `memory://` for a throw-away database. */
  dataDir?: string;
  /** PGlite only: start from this dump (`dumpDataDir()`), e.g. a migrated template in tests. */
  pgliteDump?: Blob;
  /** PostgreSQL pool size. */
  poolMax?: number;
  /**
   * PostgreSQL: ms a statement outside a transaction waits for a pooled connection before failing as busy
   * (pool-busy.ts); unset, it waits as long as it takes. Transactions wait their own `maxWait`.
   */
  connectionTimeoutMs?: number;
  /** Called with each SQL statement Prisma sends and its duration (tests count them; the API logs slow ones). Never the parameters. */
  onQuery?: (sql: string, durationMs: number) => void;
}

export interface Database {
  kind: 'postgres' | 'pglite';
  /** Connections in the pool (PGlite: 1). */
  poolMax: number;
  prisma: AppPrisma;
  /** For the schema engine (migrations) on this same database. */
  migrationTarget(): SqlDriverAdapterFactory;
  /**
   * True when a trivial query succeeds (readiness probe). On PostgreSQL it runs on a connection of its own,
   * not the pool's: a pool busy serving requests is not a database that is down, and a probe queued behind
   * them would fail every API process out of the load balancer at once under a burst.
   */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

function clientFor(adapter: SqlDriverAdapterFactory, onQuery?: DatabaseOptions['onQuery']): AppPrisma {
  if (!onQuery) return guarded(new PrismaClient({ adapter }));
  const prisma = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  prisma.$on('query', (event) => onQuery(event.query, event.duration));
  return guarded(prisma);
}

/** How long the readiness probe waits to connect on PostgreSQL. */
const PING_CONNECT_TIMEOUT_MS = 2_000;

async function pingOwnConnection(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PING_CONNECT_TIMEOUT_MS });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function ping(prisma: AppPrisma): Promise<boolean> {
  try {
    await prisma.$queryRawUnsafe('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

export function createDatabase(options: DatabaseOptions = {}): Database {
  if (options.url) {
    const url = options.url;
    const pool = new pg.Pool({ connectionString: url, max: options.poolMax ?? 10, connectionTimeoutMillis: options.connectionTimeoutMs ?? 0 });
    // A backend killed under us (pg_terminate_backend, a restart) surfaces as an idle-client error;
    // the pool drops that client and the next query gets a fresh one.
    pool.on('error', () => {});
    const prisma = clientFor(scopedPgAdapter(pool, options.onQuery), options.onQuery);
    let migrations: PgMigrationTarget | undefined;
    let closed = false;
    return {
      kind: 'postgres',
      poolMax: options.poolMax ?? 10,
      prisma,
      migrationTarget: () => (migrations ??= pgMigrationTarget(url)),
      ping: async () => !closed && (await pingOwnConnection(url)),
      close: async () => {
        closed = true;
        await prisma.$disconnect();
        await Promise.all([pool.end().catch(() => {}), migrations?.end()]);
      },
    };
  }
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = new PGlite(dataDir, options.pgliteDump ? { loadDataDir: options.pgliteDump } : {});
  const adapter = new PrismaPGlite(pglite);
  const prisma = clientFor(adapter, options.onQuery);
  return {
    kind: 'pglite',
    poolMax: 1,
    prisma,
    migrationTarget: () => adapter,
    ping: () => ping(prisma),
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
