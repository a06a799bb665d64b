// A bulk read or write with no `where` is how one tenant's request ends up touching every tenant's rows.
// This extension refuses them outright (after cal.com's disallow-undefined-where-clause), so a forgotten
// filter is a loud error in a test, not a quiet leak in production.
import { Prisma } from '../generated/prisma/client';

const BULK_OPERATIONS = new Set(['findMany', 'updateMany', 'updateManyAndReturn', 'deleteMany']);

export class UnscopedQueryError extends Error {
  constructor(model: string, operation: string) {
    super(`${model}.${operation} without a where clause is refused: scope it to an organisation.`);
    this.name = 'UnscopedQueryError';
  }
}

function isEmptyWhere(where: unknown): boolean {
  if (where === undefined || where === null) return true;
  if (typeof where !== 'object') return false;
  const defined = Object.values(where as Record<string, unknown>).filter((value) => value !== undefined);
  return defined.length === 0;
}

export const refuseUnscopedBulk = Prisma.defineExtension({
  name: 'refuse-unscoped-bulk',
  query: {
    $allModels: {
      async $allOperations({ model, operation, args, query }) {
        if (BULK_OPERATIONS.has(operation) && isEmptyWhere((args as { where?: unknown }).where)) {
          throw new UnscopedQueryError(model, operation);
        }
        return query(args);
      },
    },
  },
});
