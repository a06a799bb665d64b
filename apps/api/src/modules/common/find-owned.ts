// One caller-owned row by id, or NOT_FOUND: another organisation's row and a missing one answer the same,
// so an id from elsewhere reveals nothing. Runs inside withOrg (row-level security backs the orgId filter).
import { scopedWhere } from '@gridshare/db';
import type { Authorized } from '../../auth/principal';
import { notFound } from '../../errors/domain-errors';

/** Any Prisma model delegate with an `id` and an `orgId` (tx.site, tx.colocationRequest ...). */
interface OwnedDelegate<Row> {
  findFirst(args: { where: { id: string; orgId: string } }): PromiseLike<Row | null>;
}

export async function findOwned<Row>(delegate: OwnedDelegate<Row>, auth: Authorized, id: string, label: string): Promise<Row> {
  const row = await delegate.findFirst({ where: scopedWhere(auth, { id }) });
  if (!row) throw notFound(label, id);
  return row;
}
