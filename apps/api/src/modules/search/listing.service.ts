// One listed site as a tenant may see it: the coarse attributes and blocks of the marketplace listing
// (the same columns search returns) and the criteria of its latest readiness assessment. Read on the
// system path like search (docs/architecture.md): nothing here names the host or the site's location.
import { type AppPrisma, Prisma } from '@gridshare/db';
import type { CriterionResult } from '@gridshare/readiness';
import { notFound } from '../../errors/domain-errors';
import { toListingNode, toListingSite } from './search.mappers';
import { listingColumns } from './listing-sql';
import type { ListingRow } from './search.service';

export async function getListing(prisma: AppPrisma, siteId: string) {
  const rows = await prisma.$queryRaw<ListingRow[]>`
    SELECT ${listingColumns()} FROM "MarketplaceListing" l WHERE l."siteId" = ${siteId}::uuid ORDER BY l."availableFrom", l."blockId"`;
  const first = rows[0];
  if (first === undefined) throw notFound('Listing', siteId);
  // Only the latest assessment's tier and criteria: gaps and costs are the host's business.
  const assessment = await prisma.readinessAssessment.findFirst({
    where: { siteId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { tier: true, score: true, modelVersion: true, criteria: true },
  });
  return {
    site: toListingSite(first),
    blocks: rows.map(toListingNode),
    readiness: assessment && {
      tier: assessment.tier,
      score: assessment.score.toNumber(),
      modelVersion: assessment.modelVersion,
      criteria: assessment.criteria as unknown as CriterionResult[], // written only from the engine's output
    },
  };
}

/** Regions with listed capacity (nothing tenant-specific: the same for every caller). */
export async function listedRegions(prisma: AppPrisma) {
  const rows = await prisma.$queryRaw<{ country: string; region: string; sites: bigint }[]>`
    SELECT l."country", l."region", count(*) AS "sites" FROM "MarketplaceListing" l WHERE l."siteHead"
     GROUP BY l."country", l."region" ORDER BY l."country", l."region"`;
  return rows.map((row) => ({ ...row, sites: Number(row.sites) }));
}

export async function listedGridOperators(prisma: AppPrisma) {
  const rows = await prisma.$queryRaw<{ gridOperator: string; sites: bigint }[]>`
    SELECT l."gridOperator", count(*) AS "sites" FROM "MarketplaceListing" l WHERE l."siteHead"
     GROUP BY l."gridOperator" ORDER BY l."gridOperator"`;
  return rows.map((row) => ({ ...row, sites: Number(row.sites) }));
}

/** The host of a listed site, for the system path that records a proposal request (never returned). */
export async function listedSiteHost(prisma: AppPrisma, siteId: string): Promise<string | null> {
  const [row] = await prisma.$queryRaw<{ hostOrgId: string }[]>(
    Prisma.sql`SELECT l."hostOrgId" FROM "MarketplaceListing" l WHERE l."siteId" = ${siteId}::uuid LIMIT 1`,
  );
  return row?.hostOrgId ?? null;
}
