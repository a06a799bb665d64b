// A tenant's own colocation requests: DRAFT → OPEN → (MATCHED, when it accepts a deal) → CLOSED, and
// WITHDRAWN from DRAFT, OPEN or MATCHED.
import { type AppPrisma, type AppTx, type ColocationRequest, type Prisma, type RequestStatus, scopedWhere, withOrg } from '@gridshare/db';
import { audit } from '../../audit';
import type { Authorized } from '../../auth/principal';
import { findOwned } from '../common/find-owned';
import { badInput, conflict } from '../../errors/domain-errors';
import { type TPageArgs, pageQuery } from '../../graphql/pagination';
import { assertTransition } from '../common/transitions';
import { findShapeIssue, pathForUpdate } from './request-shape';
import { toRequestCreateData, toRequestNode, toRequestUpdateData } from './requests.mappers';
import type { TCreateRequestInput, TRequestFilter, TUpdateRequestInput } from './requests.schemas';
import { requireOrgKind } from './require-org-kind';

const EDITABLE: readonly RequestStatus[] = ['DRAFT', 'OPEN'];
const WITHDRAWABLE: readonly RequestStatus[] = ['DRAFT', 'OPEN', 'MATCHED'];

function requestWhere(filter: TRequestFilter | null | undefined): Prisma.ColocationRequestWhereInput {
  return filter?.statuses?.length ? { status: { in: filter.statuses } } : {};
}

export function findRequestsPage(prisma: AppPrisma, auth: Authorized, page: TPageArgs, filter?: TRequestFilter | null) {
  return withOrg(prisma, auth, (tx) => tx.colocationRequest.findMany({ where: scopedWhere(auth, requestWhere(filter)), ...pageQuery(page) }));
}

export function countRequests(prisma: AppPrisma, auth: Authorized, filter?: TRequestFilter | null) {
  return withOrg(prisma, auth, (tx) => tx.colocationRequest.count({ where: scopedWhere(auth, requestWhere(filter)) }));
}

const findOwnRequest = (tx: AppTx, auth: Authorized, id: string) => findOwned(tx.colocationRequest, auth, id, 'Colocation request');

export function getRequest(prisma: AppPrisma, auth: Authorized, id: string) {
  return withOrg(prisma, auth, (tx) => findOwnRequest(tx, auth, id));
}

export function createRequest(prisma: AppPrisma, auth: Authorized, input: TCreateRequestInput) {
  requireOrgKind(auth, 'TENANT', 'post colocation requests');
  return withOrg(prisma, auth, async (tx) => {
    const request = await tx.colocationRequest.create({ data: toRequestCreateData(input, auth.orgId) });
    await audit(tx, auth, { action: 'request.created', entityType: 'ColocationRequest', entityId: request.id, changes: input });
    return request;
  });
}

/**
 * Writes `data` only while the request is still in one of `allowedFrom` (a concurrent move makes this
 * one lose cleanly), audits it, and returns the request as it now stands.
 */
async function changeRequest(
  tx: AppTx,
  auth: Authorized,
  current: ColocationRequest,
  change: {
    allowedFrom: readonly RequestStatus[];
    /** Verb for the CONFLICT message; the audit action is `request.<audit>`. */
    action: string;
    audit: string;
    data: Prisma.ColocationRequestUncheckedUpdateManyInput;
    changes: Record<string, unknown>;
  },
) {
  const { id } = current;
  assertTransition('colocation request', id, current.status, change.allowedFrom, change.action);
  const changed = await tx.colocationRequest.updateMany({ where: scopedWhere(auth, { id, status: { in: [...change.allowedFrom] } }), data: change.data });
  if (changed.count !== 1) throw conflict(`Colocation request ${id} changed meanwhile; read it again.`);
  await audit(tx, auth, { action: `request.${change.audit}`, entityType: 'ColocationRequest', entityId: id, changes: change.changes });
  return tx.colocationRequest.findUniqueOrThrow({ where: { id } });
}

export function updateRequest(prisma: AppPrisma, auth: Authorized, id: string, input: TUpdateRequestInput) {
  return withOrg(prisma, auth, async (tx) => {
    const current = await findOwnRequest(tx, auth, id);
    // The rules bind fields together, so they are checked on the request as it would stand.
    const issue = findShapeIssue({ ...toRequestNode(current), ...input });
    if (issue) throw badInput(['input', ...pathForUpdate(issue, new Set(Object.keys(input)))].join('.'), issue.message);
    return changeRequest(tx, auth, current, { allowedFrom: EDITABLE, action: 'change', audit: 'updated', data: toRequestUpdateData(input), changes: input });
  });
}

function moveRequest(prisma: AppPrisma, auth: Authorized, id: string, allowedFrom: readonly RequestStatus[], to: RequestStatus, action: string) {
  return withOrg(prisma, auth, async (tx) => {
    const current = await findOwnRequest(tx, auth, id);
    return changeRequest(tx, auth, current, { allowedFrom, action, audit: action, data: { status: to }, changes: { from: current.status, to } });
  });
}

export const openRequest = (prisma: AppPrisma, auth: Authorized, id: string) => moveRequest(prisma, auth, id, ['DRAFT'], 'OPEN', 'open');
export const withdrawRequest = (prisma: AppPrisma, auth: Authorized, id: string) => moveRequest(prisma, auth, id, WITHDRAWABLE, 'WITHDRAWN', 'withdraw');
