// PostgreSQL's driver adapter, opening each tenant transaction in one round trip. withOrg used to run
// BEGIN, then set_config as a Prisma query of its own: a second round trip and a pass through Prisma's
// query interpreter, ~0.65 ms of the API's CPU per transaction (docs/performance.md, section 2). Here the
// transaction withOrg is opening starts with `BEGIN; SELECT set_config(…)` sent as one simple-protocol
// message on the connection that then runs the transaction's queries. The organisation is written into that
// message as a literal (the simple protocol has no parameters): it must be a UUID, and is refused otherwise.
// Any other transaction (no scope being opened, or a second one started inside the scope's callback) is
// PrismaPg's own.
import { AsyncLocalStorage } from 'node:async_hooks';
import { PrismaPg } from '@prisma/adapter-pg';
import type { IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';
import pg from 'pg';

/** The organisation of the transaction being opened, taken by the first transaction that starts under it. */
interface Opening {
  orgId: string;
  role: string;
  /** Set by the adapter once it has applied the scope: the caller need not run set_config itself. */
  applied: boolean;
}

const openings = new AsyncLocalStorage<Opening>();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs `open` (which starts one Prisma transaction) so that, on an adapter from scopedPgAdapter, that
 * transaction begins already scoped. Resolves with whether it did: on any other adapter (PGlite) the
 * caller still has to set the scope itself, first thing in the transaction.
 */
export async function openScoped<T>(orgId: string, role: string, open: (applied: () => boolean) => Promise<T>): Promise<T> {
  const opening: Opening = { orgId, role, applied: false };
  // Awaited inside the scope: a Prisma transaction starts only when awaited, and must start under it.
  return openings.run(opening, async () => await open(() => opening.applied));
}

/** The scope's statement with parameters: run as such on PGlite, and logged for the adapter's literal form (never the organisation: the onQuery contract). */
export const SCOPE_STATEMENT = `SELECT set_config('role', $1, true), set_config('app.current_org', $2, true)`;

/**
 * PrismaPg on `pool`, whose transactions started under openScoped begin with the scope set.
 * `onQuery` sees the scope's statement as Prisma's log shows the others (its BEGIN is not logged, as Prisma's is not).
 */
export function scopedPgAdapter(pool: pg.Pool, onQuery?: (sql: string, durationMs: number) => void): SqlDriverAdapterFactory {
  const base = new PrismaPg(pool);
  // The connection a transaction's statement goes to: PrismaPg's query path calls client.query synchronously
  // when a query starts, so it is handed over for exactly that call; no call without one can reach the pool.
  let current: pg.PoolClient | undefined;
  class OneConnection extends pg.Pool {
    override query(...args: unknown[]): never {
      const connection = current;
      if (!connection) throw new Error('scoped transaction statement outside its connection');
      return (connection.query as (...a: unknown[]) => never)(...args);
    }
  }
  const on = <T>(connection: pg.PoolClient, run: () => Promise<T>): Promise<T> => {
    current = connection;
    try {
      return run();
    } finally {
      current = undefined;
    }
  };
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    async connect(): Promise<SqlDriverAdapter> {
      const inner = await base.connect();
      const routed = await new PrismaPg(new OneConnection({ max: 1 })).connect();
      const startScoped = async (opening: Opening, isolationLevel?: IsolationLevel): Promise<Transaction> => {
        if (!UUID.test(opening.orgId)) throw new Error('a tenant scope must be an organisation id (a UUID)');
        opening.applied = true;
        const connection = await pool.connect();
        // As PrismaPg does: a checked-out client's socket error must not be an unhandled 'error' event.
        const ignore = () => {};
        connection.on('error', ignore);
        const release = (error?: Error) => {
          connection.removeListener('error', ignore);
          connection.release(error);
        };
        const run = (query: SqlQuery) => on(connection, () => routed.queryRaw(query));
        const exec = (query: SqlQuery) => on(connection, () => routed.executeRaw(query));
        const sql = (text: string): SqlQuery => ({ sql: text, args: [], argTypes: [] });
        const started = performance.now();
        try {
          // No parameters: one simple-protocol message, both statements in one round trip.
          await exec(
            sql(
              `BEGIN${isolationLevel ? ` ISOLATION LEVEL ${isolationLevel}` : ''}; ` +
                `SELECT set_config('role', ${pg.escapeLiteral(opening.role)}, true), set_config('app.current_org', ${pg.escapeLiteral(opening.orgId)}, true)`,
            ),
          );
        } catch (error) {
          release(error as Error);
          throw error;
        }
        onQuery?.(SCOPE_STATEMENT, performance.now() - started);
        return {
          provider: base.provider,
          adapterName: base.adapterName,
          // Prisma sends COMMIT / ROLLBACK itself; these only give the connection back, as PrismaPg's do.
          options: { usePhantomQuery: false },
          queryRaw: run,
          executeRaw: exec,
          commit: async () => release(),
          rollback: async () => release(),
          createSavepoint: async (name) => void (await exec(sql(`SAVEPOINT ${name}`))),
          rollbackToSavepoint: async (name) => void (await exec(sql(`ROLLBACK TO SAVEPOINT ${name}`))),
          releaseSavepoint: async (name) => void (await exec(sql(`RELEASE SAVEPOINT ${name}`))),
        };
      };
      return {
        provider: inner.provider,
        adapterName: inner.adapterName,
        queryRaw: (query) => inner.queryRaw(query),
        executeRaw: (query) => inner.executeRaw(query),
        executeScript: (script) => inner.executeScript(script),
        getConnectionInfo: inner.getConnectionInfo ? () => inner.getConnectionInfo!() : undefined,
        dispose: () => inner.dispose(),
        startTransaction: (isolationLevel) => {
          const opening = openings.getStore();
          // Only the first transaction started under the scope is the scope's own.
          if (!opening || opening.applied) return inner.startTransaction(isolationLevel);
          return startScoped(opening, isolationLevel);
        },
      };
    },
  };
}
