// The sites page (`sites(first, after, filter)`), the most frequent signed-in read, as one SQL statement
// whose rows are GraphQL Site nodes as they arrive: decimals as float8 (PostgreSQL converts numeric to
// float8 through its text, as Decimal.toNumber does), enums as text, the price in USD as toSiteNode computes
// it. Prisma's findMany for the same page cost ~1 ms more of the API's CPU per request (its query plan and a
// Decimal per numeric value; docs/performance.md, section 2). sites-page.int.test.ts compares both over
// random filters and pages.
import { type AppTx, Prisma } from '@gridshare/db';
import { type TPageArgs, decodeCursor } from '../../graphql/pagination';
import type { SiteNode } from './sites.mappers';
import type { TSiteFilter } from './sites.schemas';

const float = (column: string) => `"${column}"::float8 AS "${column}"`;
const text = (column: string) => `"${column}"::text AS "${column}"`;
const plain = (column: string) => `"${column}"`;

/** Every field of the GraphQL Site node (SiteNode), in the table's order. */
const NODE_COLUMNS = Prisma.raw(
  [
    ...['id', 'orgId', 'name', 'country', 'region', 'gridOperator', 'latitude', 'longitude'].map(plain),
    ...['energizedMw', 'underConstructionMw', 'pipelineMw'].map(float),
    text('interconnectionStatus'),
    plain('substationOnSite'),
    ...['substationMva', 'transformerMva', 'landAcres'].map(float),
    plain('waterAvailable'),
    plain('waterSupplyM3PerDay'),
    float('backupPowerMw'),
    plain('floorLoadingKgPerM2'),
    text('coolingType'),
    ...['darkFiber', 'carriers', 'nearestHub'].map(plain),
    float('latencyToHubMs'),
    text('redundancy'),
    plain('maxRackDensityKw'),
    float('pue'),
    plain('energyPriceCentsPerMwh'),
    `"energyPriceCentsPerMwh"::float8 / 100 AS "energyPriceUsdPerMwh"`,
    plain('renewableSharePct'),
    text('permitStatus'),
    ...['skilledStaffCount', 'liveDate', 'constructionLiveDate'].map(plain),
    float('miningMw'),
    text('status'),
    text('verification'),
    ...['verifiedAt', 'archivedAt', 'createdAt', 'updatedAt'].map(plain),
  ].join(', '),
);

const inList = (values: readonly string[]) => Prisma.join(values.map((value) => Prisma.sql`${value}`));

/** The filter as siteWhere has it, plus the organisation (row-level security holds it too). */
function conditions(orgId: string, filter: TSiteFilter | null | undefined): Prisma.Sql[] {
  const where = [Prisma.sql`"orgId" = ${orgId}::uuid`, Prisma.sql`"status" = ${filter?.status ?? 'ACTIVE'}::"SiteStatus"`];
  if (filter?.countries?.length) where.push(Prisma.sql`"country" IN (${inList(filter.countries)})`);
  if (filter?.regions?.length) where.push(Prisma.sql`"region" IN (${inList(filter.regions)})`);
  if (filter?.gridOperators?.length) where.push(Prisma.sql`"gridOperator" IN (${inList(filter.gridOperators)})`);
  // As text, the number's shortest exact form, as Prisma's Decimal took it (a float8 parameter would be rounded to 15 digits).
  if (filter?.minEnergizedMw != null) where.push(Prisma.sql`"energizedMw" >= ${String(filter.minEnergizedMw)}::numeric`);
  if (filter?.maxEnergizedMw != null) where.push(Prisma.sql`"energizedMw" <= ${String(filter.maxEnergizedMw)}::numeric`);
  return where;
}

/**
 * One page of the organisation's sites, newest first, `page.first + 1` rows (the extra says there is a next
 * page). After a cursor: the rows ordered after the cursor's site; none when that site is unknown or not
 * the caller's (as Prisma's cursor gives none).
 */
export function readSitesPage(tx: AppTx, orgId: string, page: TPageArgs, filter: TSiteFilter | null | undefined): Promise<SiteNode[]> {
  const where = conditions(orgId, filter);
  if (page.after) {
    const cursorId = decodeCursor(page.after);
    where.push(Prisma.sql`("createdAt", "id") < (SELECT "createdAt", "id" FROM "Site" WHERE "id" = ${cursorId}::uuid)`);
  }
  return tx.$queryRaw<SiteNode[]>`
    SELECT ${NODE_COLUMNS} FROM "Site"
     WHERE ${Prisma.join(where, ' AND ')}
     ORDER BY "createdAt" DESC, "id" DESC
     LIMIT ${page.first + 1}`;
}
