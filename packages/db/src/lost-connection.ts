// A pooled connection whose backend is gone (pg_terminate_backend, a failover, a restart) fails the next
// statement sent on it; the pool then drops it. Statements that cannot have changed anything are retried
// on a fresh connection, so callers do not see the dead connection: reads outside transactions (the
// read-retry extension below) and a transaction that died before its work began (withOrg).
import { Prisma } from './generated/prisma/client';

/** PostgreSQL error codes meaning the connection, not the statement, failed (classes 08 and 57P). */
const LOST_CONNECTION_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);
const LOST_CONNECTION_MESSAGE = /Connection terminated|connection error and is not queryable|Client was closed|ECONNRESET|EPIPE/i;

/** How often a read is retried: a pool can hold several dead connections at once. */
export const LOST_CONNECTION_RETRIES = 3;

export function isLostConnection(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  // Prisma wraps the driver's error: meta.driverAdapterError.cause holds the PostgreSQL code.
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const candidate = current as { code?: unknown; originalCode?: unknown; message?: unknown; meta?: { driverAdapterError?: unknown }; cause?: unknown };
    for (const code of [candidate.code, candidate.originalCode]) if (typeof code === 'string' && LOST_CONNECTION_CODES.has(code)) return true;
    if (typeof candidate.message === 'string' && LOST_CONNECTION_MESSAGE.test(candidate.message)) return true;
    current = candidate.meta?.driverAdapterError ?? candidate.cause;
  }
  return false;
}

export async function retryOnLostConnection<T>(attempt: () => Promise<T>, retryable: (error: unknown) => boolean = isLostConnection): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      if (retry >= LOST_CONNECTION_RETRIES || !retryable(error)) throw error;
    }
  }
}

const READS = new Set(['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'count', 'aggregate', 'groupBy']);

/** Reads are retried on a lost connection; writes never (a lost answer does not say whether they happened). */
export const retryReadsOnLostConnection = Prisma.defineExtension({
  name: 'retry-reads-on-lost-connection',
  query: {
    $allModels: {
      async $allOperations({ operation, args, query }) {
        return READS.has(operation) ? retryOnLostConnection(() => query(args)) : query(args);
      },
    },
  },
});
