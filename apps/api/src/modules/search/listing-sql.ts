// SQL over "MarketplaceListing" that search and matching share: the public columns, and the location filter.
import { Prisma } from '@gridshare/db';

/** Column → how it is read: as stored, enum as text, or NUMERIC (a Decimal, or float8 when asked). */
const PUBLIC_COLUMNS: Record<string, 'plain' | 'text' | 'numeric'> = {
  blockId: 'plain',
  siteId: 'plain',
  kind: 'text',
  mw: 'numeric',
  firmMw: 'numeric',
  interruptibleMw: 'numeric',
  availableFrom: 'plain',
  priceCentsPerKwMonth: 'plain',
  minTermMonths: 'plain',
  country: 'plain',
  region: 'plain',
  gridOperator: 'plain',
  energizedMw: 'numeric',
  interconnectionStatus: 'text',
  coolingType: 'text',
  redundancy: 'text',
  maxRackDensityKw: 'plain',
  latencyToHubMs: 'numeric',
  nearestHub: 'plain',
  renewableSharePct: 'plain',
  pue: 'numeric',
  energyPriceCentsPerMwh: 'plain',
  readinessScore: 'numeric',
};

/**
 * The listing's public columns, named one by one (the approximate coordinates and the host id never leave
 * the database unless `extra` asks for them). `floats` casts NUMERIC to float8: matching loads thousands of
 * rows, and Decimals cost ~4x to load.
 */
export function listingColumns({ floats = false, extra = [] }: { floats?: boolean; extra?: readonly string[] } = {}): Prisma.Sql {
  const read = (column: string, as: 'plain' | 'text' | 'numeric') =>
    as === 'text' ? `l."${column}"::text AS "${column}"` : as === 'numeric' && floats ? `l."${column}"::float8 AS "${column}"` : `l."${column}"`;
  const columns = [...Object.entries(PUBLIC_COLUMNS).map(([column, as]) => read(column, as)), ...extra.map((column) => `l."${column}"`)];
  return Prisma.raw(columns.join(', '));
}

export interface LocationFilter {
  countries?: readonly string[] | null;
  regions?: readonly string[] | null;
  gridOperators?: readonly string[] | null;
}

/** One clause a given location list: countries, regions, grid operators (empty lists filter nothing). */
export function locationClauses(where: LocationFilter): Prisma.Sql[] {
  const clauses: Prisma.Sql[] = [];
  if (where.countries?.length) clauses.push(Prisma.sql`l."country" = ANY(${where.countries}::text[])`);
  if (where.regions?.length) clauses.push(Prisma.sql`l."region" = ANY(${where.regions}::text[])`);
  if (where.gridOperators?.length) clauses.push(Prisma.sql`l."gridOperator" = ANY(${where.gridOperators}::text[])`);
  return clauses;
}
