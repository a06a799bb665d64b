// Keeps a process's in-memory copy of a market table identical to PostgreSQL as of each read, for both
// markets (capacity listings: search/listing-sync.ts; hosting offers: hosting/offer-sync.ts). Every write
// that changes the table's rows records the sites it touched and its transaction id in a change table
// (migrations listing_changes, hosting_offer_changes). Before answering, a read waits for one check started
// after it arrived: one statement reading the changes of transactions at or after the oldest one still
// running at the previous check (so a transaction committing late is never missed), then the copy re-reads
// the sites they name. Reads arriving while a check runs share the next one, so under load one small
// statement serves many reads. Every commit before a read is seen by it, in every API process, with or
// without Redis and whoever wrote (the API, the worker, SQL by hand).
import type { AppPrisma } from '@gridshare/db';

/** Change rows are kept a day (the prune in the migrations); a process that has not checked for longer reloads all. */
const MAX_GAP_MS = 12 * 60 * 60 * 1000;

interface Changes {
  /** Oldest transaction still running at this statement's snapshot (as text: a 64-bit id). */
  horizon: string;
  /** Changes at or after the previous horizon. */
  seen: number;
  /** Of those, at or after this horizon (the next check compares with this). */
  pending: number;
  /** The latest "everything rebuilt" change (a row with no site; as text), if any. */
  rebuildId: string | null;
  sites: string[];
}

export interface MarketCopy<T> {
  /** The change table (a trusted identifier: `"id"`, `"siteId"` (null: everything changed), `"xid"`). */
  readonly changeTable: string;
  /** Reads everything into a new copy. */
  load(): Promise<T>;
  /** Re-reads the rows of these sites into `copy`. */
  reloadSites(copy: T, siteIds: string[]): Promise<void>;
}

export interface MarketSync<T> {
  /** The copy as of now: every commit before this call is in it. */
  current(): Promise<T>;
}

export function createMarketSync<T>(prisma: AppPrisma, source: MarketCopy<T>): MarketSync<T> {
  let copy: T | undefined;
  let horizon = '0';
  let pending = 0;
  let rebuildHandled = 0n;
  let checkedAt = 0;
  let inFlight: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  const table = `"${source.changeTable}"`;

  async function loadAll(): Promise<void> {
    // The horizon first: whatever commits while the copy is read is read again by the next check.
    const [from] = await prisma.$queryRawUnsafe<Omit<Changes, 'seen' | 'sites'>[]>(
      `WITH snapshot AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS at_least)
       SELECT at_least::text AS "horizon", (SELECT count(*) FROM ${table} WHERE "xid" >= at_least)::int AS "pending",
              (SELECT max("id") FROM ${table} WHERE "siteId" IS NULL)::text AS "rebuildId"
         FROM snapshot`,
    );
    copy = await source.load();
    // Changes already counted here may predate the rows just read: the next check re-reads only if more arrive.
    horizon = from!.horizon;
    pending = from!.pending;
    rebuildHandled = BigInt(from!.rebuildId ?? 0);
  }

  async function check(): Promise<void> {
    const now = Date.now();
    if (!copy || now - checkedAt > MAX_GAP_MS) {
      await loadAll();
      checkedAt = now;
      return;
    }
    // The horizon is written into the statement, not bound: with a text parameter, Prisma's client spent
    // ~0.7 ms of CPU on this statement against ~0.25 ms (a check runs for every few searches). It is a
    // number PostgreSQL gave us, checked to be digits only.
    if (!/^\d+$/.test(horizon)) throw new Error(`unexpected snapshot horizon ${JSON.stringify(horizon)}`);
    const [changes] = await prisma.$queryRawUnsafe<Changes[]>(
      `WITH snapshot AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS at_least)
       SELECT snapshot.at_least::text AS "horizon", count(c."id")::int AS "seen",
              (count(c."id") FILTER (WHERE c."xid" >= snapshot.at_least))::int AS "pending",
              (max(c."id") FILTER (WHERE c."siteId" IS NULL))::text AS "rebuildId",
              coalesce(array_agg(DISTINCT c."siteId"::text) FILTER (WHERE c."siteId" IS NOT NULL), '{}') AS "sites"
         FROM snapshot LEFT JOIN ${table} c ON c."xid" >= ${horizon}::bigint
        GROUP BY snapshot.at_least`,
    );
    checkedAt = now;
    // Changes only accumulate above a horizon: the same number as last time means nothing new committed.
    if (changes!.seen !== pending) {
      if (changes!.rebuildId !== null && BigInt(changes!.rebuildId) > rebuildHandled) return loadAll();
      if (changes!.sites.length) await source.reloadSites(copy, changes!.sites);
    }
    horizon = changes!.horizon;
    pending = changes!.pending;
  }

  function start(): Promise<void> {
    const running: Promise<void> = check().finally(() => {
      if (inFlight === running) inFlight = undefined;
    });
    inFlight = running;
    return running;
  }

  return {
    async current() {
      if (!inFlight) await start();
      else {
        // The running check may have read before this caller arrived: wait for the next one.
        await (queued ??= inFlight
          .catch(() => undefined)
          .then(() => {
            queued = undefined;
            return start();
          }));
      }
      return copy!;
    },
  };
}
