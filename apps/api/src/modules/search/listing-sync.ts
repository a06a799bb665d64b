// Keeps a process's ListingIndex identical to the MarketplaceListing table as of each search. Every
// recomputation of listing rows records the sites it touched and its transaction id in
// MarketplaceListingChange (migration listing_changes). Before answering, a search waits for one check
// started after it arrived: one statement reading the changes of transactions at or after the oldest one
// still running at the previous check (so a transaction committing late is never missed), then the rows of
// the sites they name. Searches arriving while a check runs share the next one, so under load one small
// statement serves many searches. Every commit before a search is seen by it, in every API process, with
// or without Redis and whoever wrote (the API, the worker, SQL by hand).
import type { AppPrisma } from '@gridshare/db';
import { type IndexedRow, ListingIndex } from './listing-index';

/** Rows per statement when everything is (re)loaded. */
const LOAD_CHUNK = 50_000;
/** Changes are kept a day (the prune in the migration); a process that has not checked for longer reloads all. */
const MAX_GAP_MS = 12 * 60 * 60 * 1000;

const INDEXED_COLUMNS = `"blockId"::text AS "blockId", "siteId"::text AS "siteId", "kind"::text AS "kind", "mw"::float8 AS "mw",
  "firmMw"::float8 AS "firmMw", "interruptibleMw"::float8 AS "interruptibleMw", ("availableFrom" - date '1970-01-01') AS "availableDay",
  "priceCentsPerKwMonth", "minTermMonths", "country", "region", "gridOperator", "energizedMw"::float8 AS "energizedMw",
  "interconnectionStatus"::text AS "interconnectionStatus", "coolingType"::text AS "coolingType", "redundancy"::text AS "redundancy",
  "maxRackDensityKw", "latencyToHubMs"::float8 AS "latencyToHubMs", "nearestHub", "renewableSharePct", "pue"::float8 AS "pue",
  "energyPriceCentsPerMwh", "readinessScore"::float8 AS "readinessScore", "approxLatitude", "approxLongitude",
  "siteListedMw"::float8 AS "siteListedMw"`;

interface Changes {
  /** Oldest transaction still running at this statement's snapshot (as text: a 64-bit id). */
  horizon: string;
  /** Changes at or after the previous horizon. */
  seen: number;
  /** Of those, at or after this horizon (the next check compares with this). */
  pending: number;
  /** The latest "everything rebuilt" change (as text), if any. */
  rebuildId: string | null;
  sites: string[];
}

export interface ListingSync {
  /** The index as of now: every commit before this call is in it. */
  current(): Promise<ListingIndex>;
}

export function createListingSync(prisma: AppPrisma): ListingSync {
  let index: ListingIndex | undefined;
  let horizon = '0';
  let pending = 0;
  let rebuildHandled = 0n;
  let checkedAt = 0;
  let inFlight: Promise<void> | undefined;
  let queued: Promise<void> | undefined;

  const startingPoint = async () => {
    const [row] = await prisma.$queryRawUnsafe<Omit<Changes, 'seen' | 'sites'>[]>(
      `WITH snapshot AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS at_least)
       SELECT at_least::text AS "horizon", (SELECT count(*) FROM "MarketplaceListingChange" WHERE "xid" >= at_least)::int AS "pending",
              (SELECT max("id") FROM "MarketplaceListingChange" WHERE "siteId" IS NULL)::text AS "rebuildId"
         FROM snapshot`,
    );
    return row!;
  };

  async function loadAll(): Promise<void> {
    // The horizon first: whatever commits while the chunks are read is read again by the next check.
    const from = await startingPoint();
    const fresh = new ListingIndex();
    const rows: IndexedRow[] = [];
    let last = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const chunk = await prisma.$queryRawUnsafe<IndexedRow[]>(
        `SELECT ${INDEXED_COLUMNS} FROM "MarketplaceListing" WHERE "blockId" > $1::uuid ORDER BY "blockId" LIMIT ${LOAD_CHUNK}`,
        last,
      );
      rows.push(...chunk);
      if (chunk.length < LOAD_CHUNK) break;
      last = chunk.at(-1)!.blockId;
    }
    fresh.load(rows);
    index = fresh;
    // Changes already counted here may predate the rows just read: the next check re-reads only if more arrive.
    horizon = from.horizon;
    pending = from.pending;
    rebuildHandled = BigInt(from.rebuildId ?? 0);
  }

  async function check(): Promise<void> {
    const now = Date.now();
    if (!index || now - checkedAt > MAX_GAP_MS) {
      await loadAll();
      checkedAt = now;
      return;
    }
    const [changes] = await prisma.$queryRawUnsafe<Changes[]>(
      `WITH snapshot AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS at_least)
       SELECT snapshot.at_least::text AS "horizon", count(c."id")::int AS "seen",
              (count(c."id") FILTER (WHERE c."xid" >= snapshot.at_least))::int AS "pending",
              (max(c."id") FILTER (WHERE c."siteId" IS NULL))::text AS "rebuildId",
              coalesce(array_agg(DISTINCT c."siteId"::text) FILTER (WHERE c."siteId" IS NOT NULL), '{}') AS "sites"
         FROM snapshot LEFT JOIN "MarketplaceListingChange" c ON c."xid" >= $1::bigint
        GROUP BY snapshot.at_least`,
      horizon,
    );
    checkedAt = now;
    // Changes only accumulate above a horizon: the same number as last time means nothing new committed.
    if (changes!.seen !== pending) {
      if (changes!.rebuildId !== null && BigInt(changes!.rebuildId) > rebuildHandled) return loadAll();
      const rows = changes!.sites.length
        ? await prisma.$queryRawUnsafe<IndexedRow[]>(`SELECT ${INDEXED_COLUMNS} FROM "MarketplaceListing" WHERE "siteId" IN (SELECT unnest($1::uuid[]))`, changes!.sites)
        : [];
      index!.replaceSites(changes!.sites, rows);
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
      return index!;
    },
  };
}
