// One tenant transaction for all the reads of one request. A GraphQL query runs many resolvers, each
// calling withOrg; on their own each pays BEGIN, set_config and COMMIT around its one SELECT (a list with
// its organisations: 8 statements). Inside runWithSharedReads, once shareReads() has said the request only
// reads, every withOrg for the same organisation runs on one transaction, opened at the first and
// committed when the request ends (4 statements for the same list). Writes (mutations) never share.
// Resolvers run concurrently, so their statements on the one transaction are queued, one at a time: the
// connection runs them in turn anyway, and Prisma is not to be trusted with concurrent operations in one
// interactive transaction (prisma/orm#23951: batched findUniques merged into one query).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AppPrisma, AppTx } from '../client';
import { isLostConnection, retryOnLostConnection } from '../lost-connection';
import { type OrgScope, scopedTransaction } from './scoped-transaction';

interface Shared {
  enabled: boolean;
  /** Shared transactions this process may hold open at once (see runWithSharedReads). */
  slots: Slots;
  orgId?: string;
  tx?: Promise<AppTx>;
  end?: () => Promise<void>;
}

const requests = new AsyncLocalStorage<Shared>();

/** How many requests of one database may hold a shared transaction at once. */
export interface Slots {
  open: number;
  max: number;
}

/** One per database: the pool size less one (none for PGlite's single connection). See runWithSharedReads. */
export function sharedReadSlots(poolMax: number): Slots {
  return { open: 0, max: Math.max(poolMax - 1, 0) };
}

/**
 * Runs `fn` (a request) with reads shareable; the shared transaction, if one was opened, ends with it.
 * `slots`: a request holds its connection from its first read to its end, and may still need another
 * for a system-path read (the search's listing check): with every pooled connection held that way, all
 * would wait for each other. So at most `slots.max` requests share at once (the pool size less one; the
 * rest run a transaction per call, as before), and none with a single connection (PGlite: a request
 * would wait for itself).
 */
export async function runWithSharedReads<T>(fn: () => Promise<T>, slots: Slots): Promise<T> {
  const shared: Shared = { enabled: false, slots };
  try {
    return await requests.run(shared, fn);
  } finally {
    shared.enabled = false;
    await shared.end?.();
  }
}

/** Says whether the current request only reads (a query), so its withOrg calls may share a transaction. */
export function shareReads(readOnly: boolean): void {
  const shared = requests.getStore();
  if (shared) shared.enabled = readOnly;
}

/**
 * The request's shared transaction for `orgId` (opened now if none is), or undefined when this call must
 * run on its own: not in a read-only request, or scoped to another organisation than the one opened.
 */
export function sharedTransaction(prisma: AppPrisma, scope: OrgScope, options: { maxWait: number; timeout: number }): Promise<AppTx> | undefined {
  const orgId = scope.orgId;
  const shared = requests.getStore();
  if (!shared?.enabled || (shared.orgId !== undefined && shared.orgId !== orgId)) return undefined;
  if (!shared.tx) {
    if (shared.slots.open >= shared.slots.max) return undefined;
    shared.slots.open += 1;
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let opened: (tx: AppTx) => void = () => {};
    let failed: (error: unknown) => void = () => {};
    shared.orgId = orgId;
    shared.tx = new Promise<AppTx>((resolve, reject) => {
      opened = resolve;
      failed = reject;
    });
    // As in withOrg: a connection found dead before the transaction opened has done nothing, so start over
    // on another (a pool can hold several dead connections after a failover).
    let began = false;
    const finished = retryOnLostConnection(
      () =>
        scopedTransaction(
          prisma,
          scope,
          async (tx) => {
            began = true;
            opened(oneAtATime(tx));
            await released;
          },
          options,
        ),
      (error) => !began && isLostConnection(error),
    ).catch((error: unknown) => failed(error));
    shared.end = async () => {
      release();
      await finished;
      shared.slots.open -= 1;
    };
  }
  return shared.tx;
}

/** `tx` with each model operation and raw query started only when the one before it has settled. */
function oneAtATime(tx: AppTx): AppTx {
  let queue: Promise<unknown> = Promise.resolve();
  const queued =
    (target: object, operation: (...args: unknown[]) => unknown) =>
    (...args: unknown[]): Promise<unknown> => {
      const run = queue.then(
        () => operation.apply(target, args),
        () => operation.apply(target, args),
      );
      queue = run.catch(() => undefined);
      return run;
    };
  const wrap = <T extends object>(target: T, depth: number): T =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value: unknown = Reflect.get(object, property, receiver);
        if (typeof value === 'function') return queued(object, value as (...args: unknown[]) => unknown);
        // Model delegates (tx.site, tx.organization, …) hold the operations one level down.
        if (depth === 0 && value !== null && typeof value === 'object') return wrap(value, 1);
        return value;
      },
    });
  return wrap(tx, 0);
}
