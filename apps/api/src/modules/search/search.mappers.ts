import type { Prisma } from '@gridshare/db';
import type { Connection } from '../../graphql/pagination';
import type { ListingRow } from './search.service';

/** NUMERIC columns arrive as Decimals, or as numbers where a query casts them to float8 for speed. */
type Numeric = number | Prisma.Decimal;
const num = (value: Numeric) => (typeof value === 'number' ? value : value.toNumber());

type SiteColumns = { [K in keyof Pick<
  ListingRow,
  | 'siteId'
  | 'country'
  | 'region'
  | 'gridOperator'
  | 'energizedMw'
  | 'interconnectionStatus'
  | 'coolingType'
  | 'redundancy'
  | 'maxRackDensityKw'
  | 'latencyToHubMs'
  | 'nearestHub'
  | 'renewableSharePct'
  | 'pue'
  | 'energyPriceCentsPerMwh'
  | 'readinessScore'
>]: ListingRow[K] extends Prisma.Decimal ? Numeric : ListingRow[K] extends Prisma.Decimal | null ? Numeric | null : ListingRow[K] };

/** The GraphQL ListingSite: a site's coarse attributes, nothing that locates or names it. */
export function toListingSite(row: SiteColumns) {
  return {
    id: row.siteId,
    country: row.country,
    region: row.region,
    gridOperator: row.gridOperator,
    energizedMw: num(row.energizedMw),
    interconnectionStatus: row.interconnectionStatus,
    coolingType: row.coolingType,
    redundancy: row.redundancy,
    maxRackDensityKw: row.maxRackDensityKw,
    latencyToHubMs: row.latencyToHubMs === null ? null : num(row.latencyToHubMs),
    nearestHub: row.nearestHub,
    renewableSharePct: row.renewableSharePct,
    pue: num(row.pue),
    energyPriceUsdPerMwh: row.energyPriceCentsPerMwh / 100,
    // -1 in the listing until the site is assessed.
    readinessScore: num(row.readinessScore) < 0 ? null : num(row.readinessScore),
  };
}
export type ListingSiteNode = ReturnType<typeof toListingSite>;

/** A listing row from SQL (Decimals) or from the in-memory index (numbers). */
type NodeColumns = SiteColumns & {
  [K in keyof Pick<ListingRow, 'blockId' | 'kind' | 'mw' | 'firmMw' | 'interruptibleMw' | 'availableFrom' | 'priceCentsPerKwMonth' | 'minTermMonths'>]: ListingRow[K] extends Prisma.Decimal
    ? Numeric
    : ListingRow[K];
};

export function toListingNode(row: NodeColumns) {
  return {
    id: row.blockId,
    kind: row.kind,
    mw: num(row.mw),
    firmMw: num(row.firmMw),
    interruptibleMw: num(row.interruptibleMw),
    availableFrom: row.availableFrom,
    priceUsdPerKwMonth: row.priceCentsPerKwMonth / 100,
    minTermMonths: row.minTermMonths,
    site: toListingSite(row),
  };
}
export type ListingNode = ReturnType<typeof toListingNode>;

/** A search page: a Connection whose count may be an estimate, and says so. */
export interface ListingConnection extends Connection<ListingNode> {
  totalCountIsExact: () => Promise<boolean>;
}
