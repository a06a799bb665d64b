// Keeps a process's ListingIndex identical to the MarketplaceListing table as of each search, through the
// change table MarketplaceListingChange (migration listing_changes) and the check both markets share
// (common/market-sync.ts). refresh_marketplace_listing() records the sites it recomputed; a rebuild records
// a row with no site, and the whole listing is read again.
import type { AppPrisma } from '@gridshare/db';
import { type MarketSync, createMarketSync } from '../common/market-sync';
import { type IndexedRow, ListingIndex } from './listing-index';

/** Rows per statement when everything is (re)loaded. */
const LOAD_CHUNK = 50_000;

const INDEXED_COLUMNS = `"blockId"::text AS "blockId", "siteId"::text AS "siteId", "kind"::text AS "kind", "mw"::float8 AS "mw",
  "firmMw"::float8 AS "firmMw", "interruptibleMw"::float8 AS "interruptibleMw", ("availableFrom" - date '1970-01-01') AS "availableDay",
  "priceCentsPerKwMonth", "minTermMonths", "country", "region", "gridOperator", "energizedMw"::float8 AS "energizedMw",
  "interconnectionStatus"::text AS "interconnectionStatus", "coolingType"::text AS "coolingType", "redundancy"::text AS "redundancy",
  "maxRackDensityKw", "latencyToHubMs"::float8 AS "latencyToHubMs", "nearestHub", "renewableSharePct", "pue"::float8 AS "pue",
  "energyPriceCentsPerMwh", "readinessScore"::float8 AS "readinessScore", "approxLatitude", "approxLongitude",
  "siteListedMw"::float8 AS "siteListedMw"`;

export type ListingSync = MarketSync<ListingIndex>;

export function createListingSync(prisma: AppPrisma): ListingSync {
  return createMarketSync(prisma, {
    changeTable: 'MarketplaceListingChange',
    async load() {
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
      return fresh;
    },
    async reloadSites(index, siteIds) {
      const rows = await prisma.$queryRawUnsafe<IndexedRow[]>(`SELECT ${INDEXED_COLUMNS} FROM "MarketplaceListing" WHERE "siteId" IN (SELECT unnest($1::uuid[]))`, siteIds);
      index.replaceSites(siteIds, rows);
    },
  });
}
