// Per-request DataLoaders: a list of N items costs one query per relation, not N.
import { type Database, type Organization, type ReadinessAssessment, type Site, withOrg } from '@gridshare/db';
import DataLoader from 'dataloader';
import type { Principal } from '../auth/principal';
import { findLatestAssessments } from '../modules/readiness/readiness.service';

export interface Loaders {
  /** Organisations visible to the caller (row-level security decides); missing ids load as null. */
  organization: DataLoader<string, Organization | null>;
  /** Sites visible to the caller (own sites; a tenant's accepted-deal sites); missing ids load as null. */
  site: DataLoader<string, Site | null>;
  /** Each site's latest stored readiness assessment, by site id; null when it has none (or is not visible). */
  latestReadiness: DataLoader<string, ReadinessAssessment | null>;
}

export function createLoaders(db: Database, principal: Principal | null): Loaders {
  const orgId = principal?.org?.id;
  return {
    organization: new DataLoader(async (ids) => {
      if (!orgId) return ids.map(() => null);
      const rows = await withOrg(db.prisma, { orgId }, (tx) => tx.organization.findMany({ where: { id: { in: [...ids] } } }));
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    site: new DataLoader(async (ids) => {
      if (!orgId) return ids.map(() => null);
      const rows = await withOrg(db.prisma, { orgId }, (tx) => tx.site.findMany({ where: { id: { in: [...ids] } } }));
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    latestReadiness: new DataLoader(async (siteIds) => {
      if (!orgId) return siteIds.map(() => null);
      const latest = await findLatestAssessments(db.prisma, { orgId }, siteIds);
      return siteIds.map((id) => latest.get(id) ?? null);
    }),
  };
}
