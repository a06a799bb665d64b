// A tenant transaction's scope and how one is opened: the role and organisation set before the caller's
// queries run. Shared by withOrg (a transaction per call) and shared-reads.ts (one per read request).
import type { AppPrisma, AppTx } from '../client';
import { SCOPE_STATEMENT, openScoped } from './scoped-adapter';

/** Role the API's tenant queries run as: neither superuser nor BYPASSRLS (see the RLS migration). */
export const APP_ROLE = 'gridshare_app';

export interface OrgScope {
  orgId: string;
}

/**
 * How long a tenant transaction waits for a pooled connection (its default `maxWait`); the API gives its
 * statements outside transactions the same wait (DatabaseOptions.connectionTimeoutMs). Past it the caller
 * gets a busy error (pool-busy.ts), not an ever longer queue.
 */
export const CONNECTION_WAIT_MS = 5_000;

export interface ScopeOptions {
  /** ms to wait for a connection, and for the whole transaction. */
  maxWait?: number;
  timeout?: number;
}

/**
 * A Prisma transaction as APP_ROLE with `app.current_org` set before `fn` runs: on PostgreSQL by the
 * adapter, in the transaction's first round trip (scoped-adapter.ts); elsewhere (PGlite) by a statement here.
 */
export function scopedTransaction<T>(prisma: AppPrisma, scope: OrgScope, fn: (tx: AppTx) => Promise<T>, limits: Required<ScopeOptions>): Promise<T> {
  return openScoped(scope.orgId, APP_ROLE, (applied) =>
    prisma.$transaction(async (tx) => {
      if (!applied()) await tx.$executeRawUnsafe(SCOPE_STATEMENT, APP_ROLE, scope.orgId);
      return fn(tx);
    }, limits),
  );
}
