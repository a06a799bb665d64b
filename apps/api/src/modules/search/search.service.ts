import { type AppPrisma, Prisma } from '@gridshare/db';
import type { TPageArgs } from '../../graphql/pagination';
import type { ListingIndex } from './listing-index';
import { toListingNode } from './search.mappers';
import { decodeSearchCursor, encodeSearchCursor } from './search.cursor';
import type { TCapacitySearchFilter, TSort } from './search.schemas';
import { afterClause, orderBy, sortValue, whereClause } from './search.sql';

/** A row type with its NUMERIC columns read as float8 (numbers) instead of Decimals. */
export type AsFloats<T> = {
  [K in keyof T]: T[K] extends Prisma.Decimal ? number : T[K] extends Prisma.Decimal | null ? number | null : T[K];
};

/** A row of the MarketplaceListing table, as the search selects it. */
export interface ListingRow {
  blockId: string;
  siteId: string;
  kind: string;
  mw: Prisma.Decimal;
  firmMw: Prisma.Decimal;
  interruptibleMw: Prisma.Decimal;
  availableFrom: Date;
  priceCentsPerKwMonth: number;
  minTermMonths: number;
  country: string;
  region: string;
  gridOperator: string;
  energizedMw: Prisma.Decimal;
  interconnectionStatus: string;
  coolingType: string;
  redundancy: string;
  maxRackDensityKw: number;
  latencyToHubMs: Prisma.Decimal | null;
  nearestHub: string | null;
  renewableSharePct: number;
  pue: Prisma.Decimal;
  energyPriceCentsPerMwh: number;
  /** -1 until assessed. */
  readinessScore: Prisma.Decimal;
  sortValue: string;
}

// Listings are nobody's tenant data: the table holds only what every organisation may see, so the search
// reads it on the system path in one statement, not in a tenant transaction (docs/architecture.md).
// Named columns only: the approximate coordinates and the host id never leave the database.
export const LISTING_COLUMNS = Prisma.sql`l."blockId", l."siteId", l."kind"::text AS "kind", l."mw", l."firmMw", l."interruptibleMw",
  l."availableFrom", l."priceCentsPerKwMonth", l."minTermMonths", l."country", l."region", l."gridOperator", l."energizedMw",
  l."interconnectionStatus"::text AS "interconnectionStatus", l."coolingType"::text AS "coolingType",
  l."redundancy"::text AS "redundancy", l."maxRackDensityKw", l."latencyToHubMs", l."nearestHub", l."renewableSharePct",
  l."pue", l."energyPriceCentsPerMwh", l."readinessScore"`;

export async function searchListings(prisma: AppPrisma, page: TPageArgs, sort: TSort, filter?: TCapacitySearchFilter | null) {
  const after = page.after ? decodeSearchCursor(page.after, sort) : null;
  const where = whereClause(filter);
  const rows = await prisma.$queryRaw<ListingRow[]>`
      SELECT ${LISTING_COLUMNS}, ${sortValue(sort)} AS "sortValue"
        FROM "MarketplaceListing" l
       WHERE ${where} AND ${afterClause(sort, after)}
       ${orderBy(sort)}
       LIMIT ${page.first + 1}`;
  const visible = rows.slice(0, page.first);
  const edges = visible.map((row) => ({ cursor: encodeSearchCursor(sort, { value: row.sortValue, id: row.blockId }), row }));
  return { edges, hasNextPage: rows.length > page.first, where };
}

/**
 * Counting every match of a broad filter means visiting every matching row (tens of ms on 200,000
 * listings, docs/marketplace-search.md); nobody pages through more than this, so the count stops here.
 */
export const COUNT_CAP = 1000;

export async function countListings(prisma: AppPrisma, where: Prisma.Sql): Promise<{ count: number; exact: boolean }> {
  const [row] = await prisma.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM (SELECT 1 FROM "MarketplaceListing" l WHERE ${where} LIMIT ${COUNT_CAP + 1}) capped`;
  const n = Number(row?.n ?? 0);
  return { count: Math.min(n, COUNT_CAP), exact: n <= COUNT_CAP };
}

/** The same answer as searchListings + countListings, from the in-memory listing (listing-index.ts). */
export function searchListingIndex(index: ListingIndex, page: TPageArgs, sort: TSort, filter?: TCapacitySearchFilter | null) {
  const after = page.after ? decodeSearchCursor(page.after, sort) : null;
  const result = index.search(page.first, sort, filter, after);
  const edges = result.rows.map(({ row, keyset }) => ({
    cursor: encodeSearchCursor(sort, keyset),
    node: toListingNode({ ...row, availableFrom: new Date(row.availableDay * 86_400_000) }),
  }));
  return {
    edges,
    pageInfo: { hasNextPage: result.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    // Functions, as the SQL path's counts are (connectionResolvers calls them).
    totalCount: () => result.count,
    totalCountIsExact: () => result.exact,
  };
}
