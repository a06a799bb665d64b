// The one door to tenant data: a transaction that runs as the app role with the organisation set for
// row-level security, plus the `where` helper that scopes queries in the application layer too.
import type { AppPrisma, AppTx } from '../client';
import { isLostConnection, retryOnLostConnection } from '../lost-connection';
import { openScoped } from './scoped-adapter';
import { sharedTransaction } from './shared-reads';

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
 * Runs `fn` in a transaction scoped to `scope.orgId`: as APP_ROLE, with `app.current_org` set
 * transaction-locally (set_config(..., true)), so nothing leaks to the next user of the connection.
 */
export function withOrg<T>(prisma: AppPrisma, scope: OrgScope, fn: (tx: AppTx) => Promise<T>, options: ScopeOptions = {}): Promise<T> {
  const limits = { maxWait: options.maxWait ?? CONNECTION_WAIT_MS, timeout: options.timeout ?? 15_000 };
  // In a read-only request, on the request's one transaction (shared-reads.ts).
  const shared = sharedTransaction(prisma, scope, limits);
  if (shared) return shared.then(fn);
  // A connection found dead before `fn` began (at BEGIN or set_config) has done nothing: start over on
  // another. Once `fn` has run, a lost connection is the caller's error (a commit may or may not have landed).
  let began = false;
  return retryOnLostConnection(
    () =>
      scopedTransaction(
        prisma,
        scope,
        (tx) => {
          began = true;
          return fn(tx);
        },
        limits,
      ),
    (error) => !began && isLostConnection(error),
  );
}

/**
 * A Prisma transaction as APP_ROLE with `app.current_org` set before `fn` runs: on PostgreSQL by the
 * adapter, in the transaction's first round trip (scoped-adapter.ts); elsewhere (PGlite) by a statement here.
 */
export function scopedTransaction<T>(prisma: AppPrisma, scope: OrgScope, fn: (tx: AppTx) => Promise<T>, limits: Required<ScopeOptions>): Promise<T> {
  return openScoped(scope.orgId, APP_ROLE, (applied) =>
    prisma.$transaction(async (tx) => {
      if (!applied()) await tx.$executeRaw`SELECT set_config('role', ${APP_ROLE}, true), set_config('app.current_org', ${scope.orgId}, true)`;
      return fn(tx);
    }, limits),
  );
}

/** `where` narrowed to the scope's organisation; the caller's own `orgId`, if any, is overridden. */
export function scopedWhere<W extends object>(scope: OrgScope, where?: W): W & { orgId: string } {
  return { ...(where ?? ({} as W)), orgId: scope.orgId };
}
