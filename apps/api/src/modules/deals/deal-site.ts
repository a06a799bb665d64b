// What each party sees of a deal's site. The host sees its own site. The tenant sees coarse attributes
// from the start, and the name and exact location only once the deal is ACCEPTED (or later); a third
// organisation never reaches a deal at all. Two walls: the status rule here, and row-level security
// (a tenant's transaction can read the Site row only through the accepted_deal_read policy).
import { type AppTx, type CoolingType, type DealStatus, Prisma, type Redundancy } from '@gridshare/db';
import { SITE_REVEALED } from './deal-moves';

interface CoarseSite {
  country: string;
  region: string;
  gridOperator: string;
  energizedMw: number;
  coolingType: CoolingType;
  redundancy: Redundancy;
  maxRackDensityKw: number;
}
type Unknown<T> = { [K in keyof T]: T[K] | null };

export type DealSiteNode = Unknown<CoarseSite> & { id: string; name: string | null; latitude: number | null; longitude: number | null };

export interface DealSiteRef {
  id: string;
  siteId: string;
  hostOrgId: string;
  status: DealStatus;
}

const NO_COARSE: Unknown<CoarseSite> = {
  country: null,
  region: null,
  gridOperator: null,
  energizedMw: null,
  coolingType: null,
  redundancy: null,
  maxRackDensityKw: null,
};

const SITE_SELECT = {
  id: true,
  name: true,
  latitude: true,
  longitude: true,
  country: true,
  region: true,
  gridOperator: true,
  energizedMw: true,
  coolingType: true,
  redundancy: true,
  maxRackDensityKw: true,
} satisfies Prisma.SiteSelect;
type SiteRow = Prisma.SiteGetPayload<{ select: typeof SITE_SELECT }>;

export const seesExactSite = (deal: DealSiteRef, orgId: string) => deal.hostOrgId === orgId || SITE_REVEALED.includes(deal.status);

const coarseOf = (site: SiteRow): CoarseSite => ({
  country: site.country,
  region: site.region,
  gridOperator: site.gridOperator,
  energizedMw: site.energizedMw.toNumber(),
  coolingType: site.coolingType,
  redundancy: site.redundancy,
  maxRackDensityKw: site.maxRackDensityKw,
});

async function readSites(tx: AppTx, ids: string[]): Promise<Map<string, SiteRow>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.site.findMany({ where: { id: { in: ids } }, select: SITE_SELECT });
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Coarse attributes of sites the caller cannot read, from the MarketplaceListing view (public to every
 * organisation, no name or coordinates). A site is there while it has PUBLISHED blocks and is verified.
 */
async function readListings(tx: AppTx, ids: string[]): Promise<Map<string, CoarseSite>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.$queryRaw<(CoarseSite & { siteId: string })[]>`
    SELECT DISTINCT ON ("siteId") "siteId", "country", "region", "gridOperator", "energizedMw"::float8 AS "energizedMw",
           "coolingType"::text AS "coolingType", "redundancy"::text AS "redundancy", "maxRackDensityKw"
      FROM "MarketplaceListing"
     WHERE "siteId" IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})`;
  return new Map(rows.map(({ siteId, ...coarse }) => [siteId, coarse]));
}

const unique = (ids: string[]) => [...new Set(ids)];

/** Reads the sites of `deals` at once; the result gives each deal's site as `orgId` may see it. */
export async function loadDealSites(tx: AppTx, orgId: string, deals: readonly DealSiteRef[]): Promise<(deal: DealSiteRef) => DealSiteNode> {
  const sites = await readSites(tx, unique(deals.filter((deal) => seesExactSite(deal, orgId)).map((deal) => deal.siteId)));
  const listings = await readListings(tx, unique(deals.map((deal) => deal.siteId).filter((id) => !sites.has(id))));
  return (deal) => {
    const site = sites.get(deal.siteId);
    // The row may have been read for another deal on the same site; this deal must earn it too.
    const exact = site && seesExactSite(deal, orgId) ? site : null;
    const coarse = site ? coarseOf(site) : (listings.get(deal.siteId) ?? NO_COARSE);
    return { id: deal.siteId, ...coarse, name: exact?.name ?? null, latitude: exact?.latitude ?? null, longitude: exact?.longitude ?? null };
  };
}
