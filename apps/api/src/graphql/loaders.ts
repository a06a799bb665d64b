// Per-request DataLoaders: a list of N items costs one query per relation, not N.
import { type Database, type Organization, withOrg } from '@gridshare/db';
import DataLoader from 'dataloader';
import type { Principal } from '../auth/principal';

export interface Loaders {
  /** Organisations visible to the caller (row-level security decides); missing ids load as null. */
  organization: DataLoader<string, Organization | null>;
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
  };
}
