// What hosts browse: OPEN requests of other organisations (row-level security lets anyone read OPEN
// requests of active tenants: the open_or_dealt_read policy), the tenant always anonymous.
import { type AppPrisma, type Prisma, withOrg } from '@gridshare/db';
import type { Authorized } from '../../auth/principal';
import { notFound } from '../../errors/domain-errors';
import { type TPageArgs, pageQuery } from '../../graphql/pagination';
import { toOpenRequestNode } from './requests.mappers';
import type { TOpenRequestFilter } from './requests.schemas';

/** A request with no region (or grid operator) constraint accepts any, so it matches every filter value. */
const acceptsAny = (field: 'regions' | 'gridOperators', values: string[] | null | undefined): Prisma.ColocationRequestWhereInput[] =>
  values?.length ? [{ OR: [{ [field]: { isEmpty: true } }, { [field]: { hasSome: values } }] }] : [];

function openRequestWhere(auth: Authorized, filter: TOpenRequestFilter | null | undefined): Prisma.ColocationRequestWhereInput {
  return {
    status: 'OPEN',
    orgId: { not: auth.orgId },
    AND: [...acceptsAny('regions', filter?.regions), ...acceptsAny('gridOperators', filter?.gridOperators)],
    ...(filter?.minTotalMw != null ? { totalMw: { gte: filter.minTotalMw } } : {}),
  };
}

export function findOpenRequestsPage(prisma: AppPrisma, auth: Authorized, page: TPageArgs, filter?: TOpenRequestFilter | null) {
  return withOrg(prisma, auth, async (tx) => {
    const rows = await tx.colocationRequest.findMany({ where: openRequestWhere(auth, filter), ...pageQuery(page) });
    return rows.map(toOpenRequestNode);
  });
}

/** One OPEN request of another organisation, under the same rules (and anonymity) as the list. */
export function getOpenRequest(prisma: AppPrisma, auth: Authorized, id: string) {
  return withOrg(prisma, auth, async (tx) => {
    const row = await tx.colocationRequest.findFirst({ where: { id, ...openRequestWhere(auth, null) } });
    if (!row) throw notFound('Open colocation request', id);
    return toOpenRequestNode(row);
  });
}

export function countOpenRequests(prisma: AppPrisma, auth: Authorized, filter?: TOpenRequestFilter | null) {
  return withOrg(prisma, auth, (tx) => tx.colocationRequest.count({ where: openRequestWhere(auth, filter) }));
}
