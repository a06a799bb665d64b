// A tenant asks the host of a listed site for a proposal on one of its OPEN requests; the host sees the
// request (the tenant anonymous, as on every open request) and proposes on it.
import { type AppPrisma, scopedWhere, withOrg } from '@gridshare/db';
import { writeAudit } from '../../audit';
import type { Authorized } from '../../auth/principal';
import { conflict, notFound } from '../../errors/domain-errors';
import { type TPageArgs, pageQuery } from '../../graphql/pagination';
import { listedSiteHost } from '../search/listing.service';

export async function requestProposal(prisma: AppPrisma, auth: Authorized, requestId: string, siteId: string) {
  // The host comes from the listing (system path): the tenant may not read another organisation's sites.
  const hostOrgId = await listedSiteHost(prisma, siteId);
  if (hostOrgId === null) throw notFound('Listing', siteId);
  if (hostOrgId === auth.orgId) throw conflict('This site is your own: propose on requests instead.');
  return withOrg(prisma, auth, async (tx) => {
    const request = await tx.colocationRequest.findFirst({ where: scopedWhere(auth, { id: requestId }) });
    if (!request) throw notFound('Colocation request', requestId);
    if (request.status !== 'OPEN' && request.status !== 'MATCHED') {
      throw conflict(`Colocation request ${requestId} is ${request.status}: open it to hosts before asking for proposals.`);
    }
    const existing = await tx.proposalRequest.findFirst({ where: scopedWhere(auth, { requestId, siteId }) });
    if (existing) return existing;
    const created = await tx.proposalRequest.create({ data: { orgId: auth.orgId, requestId, siteId, hostOrgId } });
    await writeAudit(tx, {
      orgId: auth.orgId,
      actor: auth.actor,
      action: 'proposal.requested',
      entityType: 'ColocationRequest',
      entityId: requestId,
      changes: { siteId },
    });
    return created;
  });
}

/** Proposal requests naming the caller's sites, newest first. */
export function findReceivedPage(prisma: AppPrisma, auth: Authorized, page: TPageArgs) {
  return withOrg(prisma, auth, (tx) => tx.proposalRequest.findMany({ where: { hostOrgId: auth.orgId }, ...pageQuery(page) }));
}

export function countReceived(prisma: AppPrisma, auth: Authorized) {
  return withOrg(prisma, auth, (tx) => tx.proposalRequest.count({ where: { hostOrgId: auth.orgId } }));
}

/** The sites the caller asked for a proposal on one of its requests. */
export function findSentForRequest(prisma: AppPrisma, auth: Authorized, requestId: string) {
  return withOrg(prisma, auth, (tx) => tx.proposalRequest.findMany({ where: scopedWhere(auth, { requestId }), orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }));
}
