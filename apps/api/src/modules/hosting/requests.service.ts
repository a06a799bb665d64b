// A fleet's own hosting requests: create, change, open, withdraw, list. Everything in the fleet's scope.
import { type AppPrisma, type AppTx, type RequestStatus, scopedWhere, withOrg } from '@gridshare/db';
import { writeAudit } from '../../audit';
import type { Authorized } from '../../auth/principal';
import { conflict, notFound } from '../../errors/domain-errors';
import { type TPageArgs, pageQuery } from '../../graphql/pagination';
import { assertTransition } from '../common/transitions';
import { toRequestData } from './hosting.mappers';
import type { TCreateHostingRequestInput, TUpdateHostingRequestInput } from './hosting.schemas';

export async function findOwnRequest(tx: AppTx, auth: Authorized, id: string) {
  const request = await tx.hostingRequest.findFirst({ where: scopedWhere(auth, { id }) });
  if (!request) throw notFound('Hosting request', id);
  return request;
}

export function createRequest(prisma: AppPrisma, auth: Authorized, input: TCreateHostingRequestInput) {
  return withOrg(prisma, auth, async (tx) => {
    const request = await tx.hostingRequest.create({
      data: { ...(toRequestData(input) as object), orgId: auth.orgId, status: 'DRAFT' } as Parameters<typeof tx.hostingRequest.create>[0]['data'],
    });
    await writeAudit(tx, { orgId: auth.orgId, actor: auth.actor, action: 'hosting-request.created', entityType: 'HostingRequest', entityId: request.id, changes: input });
    return request;
  });
}

export function updateRequest(prisma: AppPrisma, auth: Authorized, id: string, input: TUpdateHostingRequestInput) {
  return withOrg(prisma, auth, async (tx) => {
    const current = await findOwnRequest(tx, auth, id);
    assertTransition('hosting request', id, current.status, ['DRAFT', 'OPEN'], 'change');
    const request = await tx.hostingRequest.update({ where: { id }, data: toRequestData(input) });
    await writeAudit(tx, { orgId: auth.orgId, actor: auth.actor, action: 'hosting-request.updated', entityType: 'HostingRequest', entityId: id, changes: input });
    return request;
  });
}

export const getRequest = (prisma: AppPrisma, auth: Authorized, id: string) => withOrg(prisma, auth, (tx) => findOwnRequest(tx, auth, id));

const requestWhere = (statuses: readonly RequestStatus[] | null | undefined) => (statuses?.length ? { status: { in: [...statuses] } } : {});

export function findRequestsPage(prisma: AppPrisma, auth: Authorized, page: TPageArgs, statuses?: readonly RequestStatus[] | null) {
  return withOrg(prisma, auth, (tx) => tx.hostingRequest.findMany({ where: scopedWhere(auth, requestWhere(statuses)), ...pageQuery(page) }));
}

export function countRequests(prisma: AppPrisma, auth: Authorized, statuses?: readonly RequestStatus[] | null) {
  return withOrg(prisma, auth, (tx) => tx.hostingRequest.count({ where: scopedWhere(auth, requestWhere(statuses)) }));
}

export function moveRequest(prisma: AppPrisma, auth: Authorized, id: string, from: readonly RequestStatus[], to: RequestStatus, action: string) {
  return withOrg(prisma, auth, async (tx) => {
    const current = await findOwnRequest(tx, auth, id);
    assertTransition('hosting request', id, current.status, from, action);
    const moved = await tx.hostingRequest.updateMany({ where: scopedWhere(auth, { id, status: current.status }), data: { status: to } });
    if (moved.count !== 1) throw conflict(`Hosting request ${id} changed meanwhile; read it again.`);
    await writeAudit(tx, { orgId: auth.orgId, actor: auth.actor, action: `hosting-request.${action}`, entityType: 'HostingRequest', entityId: id, changes: { from: current.status, to } });
    return tx.hostingRequest.findUniqueOrThrow({ where: { id } });
  });
}
