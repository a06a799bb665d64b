import type { Organization, Prisma } from '@gridshare/db';

export const SITE_INCLUDE = { org: { select: { id: true, name: true } } } as const satisfies Prisma.SiteInclude;

export type AdminOrganizationRow = Organization & { memberCount: number; siteCount: number };
export type AdminSiteRow = Prisma.SiteGetPayload<{ include: typeof SITE_INCLUDE }>;

export function toAdminOrganizationNode(org: AdminOrganizationRow) {
  return {
    id: org.id,
    name: org.name,
    kind: org.kind,
    status: org.status,
    verification: org.verification,
    verifiedAt: org.verifiedAt,
    createdAt: org.createdAt,
    memberCount: org.memberCount,
    siteCount: org.siteCount,
  };
}

export function toAdminSiteNode(site: AdminSiteRow) {
  return {
    id: site.id,
    name: site.name,
    organization: site.org,
    country: site.country,
    region: site.region,
    gridOperator: site.gridOperator,
    energizedMw: site.energizedMw.toNumber(),
    verification: site.verification,
    createdAt: site.createdAt,
  };
}
