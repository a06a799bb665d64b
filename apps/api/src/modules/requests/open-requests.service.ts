// What hosts browse: OPEN requests of other organisations (row-level security lets anyone read OPEN
// requests of active tenants: the open_or_dealt_read policy), with the tenant's name only once the host
// has proposed a deal to it.
import { type AppPrisma, type AppTx, type Prisma, withOrg } from '@gridshare/db';
import type { Authorized } from '../../auth/authorize';
import { notFound } from '../../graphql/errors';
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

/** Names of the tenants among `orgIds` that the caller has proposed a deal to (any deal, any state). */
async function dealtTenantNames(tx: AppTx, auth: Authorized, orgIds: string[]): Promise<Map<string, string>> {
  if (orgIds.length === 0) return new Map();
  const deals = await tx.deal.findMany({
    where: { hostOrgId: auth.orgId, tenantOrgId: { in: orgIds } },
    select: { tenantOrgId: true },
    distinct: ['tenantOrgId'],
  });
  if (deals.length === 0) return new Map();
  // Readable through the counterparty_read policy, and only because such a deal exists.
  const orgs = await tx.organization.findMany({ where: { id: { in: deals.map((d) => d.tenantOrgId) } }, select: { id: true, name: true } });
  return new Map(orgs.map((org) => [org.id, org.name]));
}

export function findOpenRequestsPage(prisma: AppPrisma, auth: Authorized, page: TPageArgs, filter?: TOpenRequestFilter | null) {
  return withOrg(prisma, auth, async (tx) => {
    const rows = await tx.colocationRequest.findMany({ where: openRequestWhere(auth, filter), ...pageQuery(page) });
    const names = await dealtTenantNames(tx, auth, [...new Set(rows.map((row) => row.orgId))]);
    return rows.map((row) => toOpenRequestNode(row, names.get(row.orgId) ?? null));
  });
}

/** One OPEN request of another organisation, under the same rules (and anonymity) as the list. */
export function getOpenRequest(prisma: AppPrisma, auth: Authorized, id: string) {
  return withOrg(prisma, auth, async (tx) => {
    const row = await tx.colocationRequest.findFirst({ where: { id, ...openRequestWhere(auth, null) } });
    if (!row) throw notFound('Open colocation request', id);
    const names = await dealtTenantNames(tx, auth, [row.orgId]);
    return toOpenRequestNode(row, names.get(row.orgId) ?? null);
  });
}

export function countOpenRequests(prisma: AppPrisma, auth: Authorized, filter?: TOpenRequestFilter | null) {
  return withOrg(prisma, auth, (tx) => tx.colocationRequest.count({ where: openRequestWhere(auth, filter) }));
}
