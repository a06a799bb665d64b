// Per-request DataLoaders shared by modules: a list of N items costs one query per relation, not N.
// A loader one module alone needs lives in that module (e.g. readiness/readiness.loader.ts).
import { type Database, type Organization, type Site, withOrg } from '@gridshare/db';
import DataLoader from 'dataloader';
import type { Principal } from '../auth/principal';

export interface Loaders {
  /** Organisations visible to the caller (row-level security decides); missing ids load as null. */
  organization: DataLoader<string, Organization | null>;
  /** Sites visible to the caller (own sites; a tenant's accepted-deal sites); missing ids load as null. */
  site: DataLoader<string, Site | null>;
}

export function createLoaders(db: Database, principal: Principal | null): Loaders {
  const orgId = principal?.org?.id;
  /** Loads rows visible in the caller's scope and returns them in the order of `ids` (null if unseen). */
  async function byId<T extends { id: string }>(ids: readonly string[], load: (scope: { orgId: string }) => Promise<T[]>): Promise<(T | null)[]> {
    if (!orgId) return ids.map(() => null);
    const rows = new Map((await load({ orgId })).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id) ?? null);
  }
  return {
    organization: new DataLoader((ids) => byId(ids, (scope) => withOrg(db.prisma, scope, (tx) => tx.organization.findMany({ where: { id: { in: [...ids] } } })))),
    site: new DataLoader((ids) => byId(ids, (scope) => withOrg(db.prisma, scope, (tx) => tx.site.findMany({ where: { id: { in: [...ids] } } })))),
  };
}
