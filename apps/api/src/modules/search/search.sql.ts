// The search as SQL over the MarketplaceListing table: one WHERE for both the page and the count, keyset
// pagination per sort (no OFFSET, so deep pages cost what the first one does).
import { Prisma } from '@gridshare/db';
import { usdToCents } from '../common/units';
import { REDUNDANCY_ORDER, type TCapacitySearchFilter, type TSort } from './search.schemas';
import { locationClauses } from './listing-sql';

const KM_PER_DEGREE = 111.32;
const EARTH_RADIUS_KM = 6371;

function nearClause(near: NonNullable<TCapacitySearchFilter['near']>): Prisma.Sql {
  const { latitude, longitude, radiusKm } = near;
  // A bounding box the indexes can use first, then the great-circle distance on the rounded coordinates.
  const dLat = radiusKm / KM_PER_DEGREE;
  const dLon = radiusKm / (KM_PER_DEGREE * Math.max(Math.cos((latitude * Math.PI) / 180), 0.01));
  return Prisma.sql`l."approxLatitude" BETWEEN ${latitude - dLat} AND ${latitude + dLat}
    AND (${dLon >= 180} OR l."approxLongitude" BETWEEN ${longitude - dLon} AND ${longitude + dLon}
         OR l."approxLongitude" + 360 BETWEEN ${longitude - dLon} AND ${longitude + dLon}
         OR l."approxLongitude" - 360 BETWEEN ${longitude - dLon} AND ${longitude + dLon})
    AND 2 * ${EARTH_RADIUS_KM} * asin(sqrt(
          power(sin(radians(l."approxLatitude" - ${latitude}) / 2), 2)
        + cos(radians(${latitude})) * cos(radians(l."approxLatitude")) * power(sin(radians(l."approxLongitude" - ${longitude}) / 2), 2)
        )) <= ${radiusKm}`;
}

export function whereClause(filter: TCapacitySearchFilter | null | undefined): Prisma.Sql {
  const f = filter ?? {};
  const clauses: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (f.minBlockMw != null) clauses.push(Prisma.sql`l."mw" >= ${f.minBlockMw}`);
  if (f.availableBy) clauses.push(Prisma.sql`l."availableFrom" <= ${f.availableBy}::date`);
  clauses.push(...locationClauses(f));
  if (f.maxPriceUsdPerKwMonth != null) clauses.push(Prisma.sql`l."priceCentsPerKwMonth" <= ${usdToCents(f.maxPriceUsdPerKwMonth)}`);
  if (f.minRackDensityKw != null) clauses.push(Prisma.sql`l."maxRackDensityKw" >= ${f.minRackDensityKw}`);
  if (f.liquidCoolingRequired) clauses.push(Prisma.sql`l."coolingType" = 'DIRECT_TO_CHIP'`);
  if (f.coolingTypes?.length) clauses.push(Prisma.sql`l."coolingType"::text = ANY(${f.coolingTypes}::text[])`);
  if (f.minRedundancy) {
    const allowed = REDUNDANCY_ORDER.slice(REDUNDANCY_ORDER.indexOf(f.minRedundancy));
    clauses.push(Prisma.sql`l."redundancy"::text = ANY(${allowed}::text[])`);
  }
  if (f.maxLatencyMs != null) clauses.push(Prisma.sql`l."latencyToHubMs" <= ${f.maxLatencyMs}`);
  if (f.minRenewableSharePct != null) clauses.push(Prisma.sql`l."renewableSharePct" >= ${f.minRenewableSharePct}`);
  // The lease the tenant wants: blocks whose minimum term it satisfies.
  if (f.termMonths != null) clauses.push(Prisma.sql`l."minTermMonths" <= ${f.termMonths}`);
  if (f.kinds?.length) clauses.push(Prisma.sql`l."kind"::text = ANY(${f.kinds}::text[])`);
  if (f.near) clauses.push(nearClause(f.near));
  if (f.minContiguousMw != null) {
    // The site's whole listing must hold the MW (an indexed column); by a date, only the blocks available
    // by then count (summed per remaining site through the siteId index).
    clauses.push(Prisma.sql`l."siteListedMw" >= ${f.minContiguousMw}`);
    if (f.availableBy) {
      clauses.push(Prisma.sql`(SELECT sum(c."mw") FROM "MarketplaceListing" c
        WHERE c."siteId" = l."siteId" AND c."availableFrom" <= ${f.availableBy}::date) >= ${f.minContiguousMw}`);
    }
  }
  return Prisma.join(clauses, ' AND ');
}

interface SortSpec {
  /** The sort column: never null, so keyset comparisons have a total order; each has an index. */
  column: Prisma.Sql;
  /** SQL type the cursor's text value is cast back to. */
  type: Prisma.Sql;
  descending: boolean;
}

const SORT_SPECS: Record<TSort, SortSpec> = {
  PRICE_ASC: { column: Prisma.sql`l."priceCentsPerKwMonth"`, type: Prisma.sql`integer`, descending: false },
  MW_DESC: { column: Prisma.sql`l."mw"`, type: Prisma.sql`numeric`, descending: true },
  AVAILABLE_FROM_ASC: { column: Prisma.sql`l."availableFrom"`, type: Prisma.sql`date`, descending: false },
  READINESS_DESC: { column: Prisma.sql`l."readinessScore"`, type: Prisma.sql`numeric`, descending: true },
};

export interface Keyset {
  /** The sort column's value as PostgreSQL prints it. */
  value: string;
  id: string;
}

/** The sort column as text, for the cursor. */
export function sortValue(sort: TSort): Prisma.Sql {
  return Prisma.sql`${SORT_SPECS[sort].column}::text`;
}

export function orderBy(sort: TSort): Prisma.Sql {
  const { column, descending } = SORT_SPECS[sort];
  return Prisma.sql`ORDER BY ${column} ${descending ? Prisma.sql`DESC` : Prisma.sql`ASC`}, l."blockId" ASC`;
}

/** Rows strictly after `after` in the sort order. */
export function afterClause(sort: TSort, after: Keyset | null): Prisma.Sql {
  if (!after) return Prisma.sql`TRUE`;
  const { column, type, descending } = SORT_SPECS[sort];
  const value = Prisma.sql`CAST(${after.value} AS ${type})`;
  const beyond = descending ? Prisma.sql`${column} < ${value}` : Prisma.sql`${column} > ${value}`;
  return Prisma.sql`(${beyond} OR (${column} = ${value} AND l."blockId" > ${after.id}::uuid))`;
}
