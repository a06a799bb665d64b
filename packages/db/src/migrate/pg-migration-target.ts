// @prisma/adapter-pg's executeScript splits a script on every `;` (7.10.1), which breaks any migration
// with a DO block, a function body or a `;` inside a string. The native engine sends the script whole;
// so do we: one simple-protocol query, which PostgreSQL runs as one implicit transaction.
import { PrismaPg } from '@prisma/adapter-pg';
import { DriverAdapterError, type SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';

function toAdapterError(error: unknown): DriverAdapterError {
  const e = error as pg.DatabaseError;
  return new DriverAdapterError({
    kind: 'postgres',
    code: e.code ?? 'XX000',
    severity: e.severity ?? 'ERROR',
    message: e.message,
    detail: e.detail,
    column: e.column,
    hint: e.hint,
  });
}

export interface PgMigrationTarget extends SqlDriverAdapterFactory {
  /** Closes the target's connection (the engine does not). */
  end(): Promise<void>;
}

export function pgMigrationTarget(url: string): PgMigrationTarget {
  // One connection: the engine's advisory lock and the scripts must share a session.
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const factory = new PrismaPg(pool);
  let ended = false;
  const end = async () => {
    if (ended) return;
    ended = true;
    await pool.end().catch(() => {});
  };
  return {
    end,
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      adapter.executeScript = async (script: string) => {
        try {
          await pool.query(script);
        } catch (error) {
          throw toAdapterError(error);
        }
      };
      return adapter;
    },
  };
}
