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

/** The caller's own organisation row across requests (auth/session-cache.ts), cleared by any write. */
export interface KnownOrganizations {
  get(orgId: string): Organization | undefined;
  set(row: Organization, generation: number): void;
  generation(): number;
}

export function createLoaders(db: Database, principal: Principal | null, known?: KnownOrganizations): Loaders {
  const orgId = principal?.org?.id;
  /** Organisations by id; the caller's own from `known` when it is there, and remembered when read. */
  async function organizations(ids: readonly string[]): Promise<(Organization | null)[]> {
    const own = orgId ? known?.get(orgId) : undefined;
    const rest = ids.filter((id) => id !== own?.id);
    const started = known?.generation() ?? 0;
    const loaded = rest.length ? await byId(rest, (scope) => withOrg(db.prisma, scope, (tx) => tx.organization.findMany({ where: { id: { in: rest } } }))) : [];
    const rows = new Map(loaded.filter((row): row is Organization => row !== null).map((row) => [row.id, row]));
    if (own) rows.set(own.id, own);
    const mine = orgId ? rows.get(orgId) : undefined;
    if (mine && !own) known?.set(mine, started);
    return ids.map((id) => rows.get(id) ?? null);
  }
  /** Loads rows visible in the caller's scope and returns them in the order of `ids` (null if unseen). */
  async function byId<T extends { id: string }>(ids: readonly string[], load: (scope: { orgId: string }) => Promise<T[]>): Promise<(T | null)[]> {
    if (!orgId) return ids.map(() => null);
    const rows = new Map((await load({ orgId })).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id) ?? null);
  }
  return {
    organization: new DataLoader(organizations),
    site: new DataLoader((ids) => byId(ids, (scope) => withOrg(db.prisma, scope, (tx) => tx.site.findMany({ where: { id: { in: [...ids] } } })))),
  };
}
