import type { ListingRow } from './search.service';

type SiteColumns = Pick<
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
>;

/** The GraphQL ListingSite: a site's coarse attributes, nothing that locates or names it. */
export function toListingSite(row: SiteColumns) {
  return {
    id: row.siteId,
    country: row.country,
    region: row.region,
    gridOperator: row.gridOperator,
    energizedMw: row.energizedMw.toNumber(),
    interconnectionStatus: row.interconnectionStatus,
    coolingType: row.coolingType,
    redundancy: row.redundancy,
    maxRackDensityKw: row.maxRackDensityKw,
    latencyToHubMs: row.latencyToHubMs?.toNumber() ?? null,
    nearestHub: row.nearestHub,
    renewableSharePct: row.renewableSharePct,
    pue: row.pue.toNumber(),
    energyPriceUsdPerMwh: row.energyPriceCentsPerMwh / 100,
    // -1 in the listing until the site is assessed.
    readinessScore: row.readinessScore.isNegative() ? null : row.readinessScore.toNumber(),
  };
}
export type ListingSiteNode = ReturnType<typeof toListingSite>;

export function toListingNode(row: ListingRow) {
  return {
    id: row.blockId,
    kind: row.kind,
    mw: row.mw.toNumber(),
    firmMw: row.firmMw.toNumber(),
    interruptibleMw: row.interruptibleMw.toNumber(),
    availableFrom: row.availableFrom,
    priceUsdPerKwMonth: row.priceCentsPerKwMonth / 100,
    minTermMonths: row.minTermMonths,
    site: toListingSite(row),
  };
}
