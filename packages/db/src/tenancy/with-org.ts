// The one door to tenant data: a transaction that runs as the app role with the organisation set for
// row-level security, plus the `where` helper that scopes queries in the application layer too.
import type { AppPrisma, AppTx } from '../client';
import { isLostConnection, retryOnLostConnection } from '../lost-connection';
import { CONNECTION_WAIT_MS, type OrgScope, type ScopeOptions, scopedTransaction } from './scoped-transaction';
import { sharedTransaction } from './shared-reads';

export { APP_ROLE, CONNECTION_WAIT_MS, type OrgScope, type ScopeOptions } from './scoped-transaction';

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

/** `where` narrowed to the scope's organisation; the caller's own `orgId`, if any, is overridden. */
export function scopedWhere<W extends object>(scope: OrgScope, where?: W): W & { orgId: string } {
  return { ...(where ?? ({} as W)), orgId: scope.orgId };
}
