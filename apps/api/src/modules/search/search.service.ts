import { type AppPrisma, type CapacityKind, Prisma } from '@gridshare/db';
import type { TPageArgs } from '../../graphql/pagination';
import { decodeSearchCursor, encodeSearchCursor } from './search.cursor';
import type { TCapacitySearchFilter, TSort } from './search.schemas';
import { afterClause, orderBy, sortValue, whereClause } from './search.sql';
import { listingColumns } from './listing-sql';

/** A row type with its NUMERIC columns read as float8 (numbers) instead of Decimals. */
export type AsFloats<T> = {
  [K in keyof T]: T[K] extends Prisma.Decimal ? number : T[K] extends Prisma.Decimal | null ? number | null : T[K];
};

/** A row of the MarketplaceListing table, as the search selects it. */
export interface ListingRow {
  blockId: string;
  siteId: string;
  kind: CapacityKind;
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
const LISTING_COLUMNS = listingColumns();

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

