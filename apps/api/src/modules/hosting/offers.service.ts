// A host's own hosting offers: create, change, list, withdraw. Everything in the host's scope.
import { type AppPrisma, type AppTx, type HostingOfferStatus, scopedWhere, withOrg } from '@gridshare/db';
import { writeAudit } from '../../audit';
import type { Authorized } from '../../auth/principal';
import { badInput, conflict, notFound } from '../../errors/domain-errors';
import { type TPageArgs, pageQuery } from '../../graphql/pagination';
import { assertTransition } from '../common/transitions';
import { toOfferData } from './hosting.mappers';
import type { TCreateHostingOfferInput, TUpdateHostingOfferInput } from './hosting.schemas';

async function findOwnOffer(tx: AppTx, auth: Authorized, id: string) {
  const offer = await tx.hostingOffer.findFirst({ where: scopedWhere(auth, { id }) });
  if (!offer) throw notFound('Hosting offer', id);
  return offer;
}

/** The site is the caller's, active, and has the MW (energized plus under construction). */
async function assertSiteHolds(tx: AppTx, auth: Authorized, siteId: string, mw: number, field: string) {
  const site = await tx.site.findFirst({ where: scopedWhere(auth, { id: siteId }), select: { status: true, energizedMw: true, underConstructionMw: true } });
  if (!site) throw notFound('Site', siteId);
  if (site.status === 'ARCHIVED') throw conflict(`Site ${siteId} is archived; it cannot offer hosting.`, { status: site.status });
  const capacity = site.energizedMw.toNumber() + site.underConstructionMw.toNumber();
  if (mw > capacity + 1e-9) throw badInput(field, `the site has ${capacity} MW; an offer cannot sell more`);
}

export function createOffer(prisma: AppPrisma, auth: Authorized, input: TCreateHostingOfferInput) {
  return withOrg(prisma, auth, async (tx) => {
    await assertSiteHolds(tx, auth, input.siteId, input.mw, 'input.mw');
    const data = toOfferData(input);
    const offer = await tx.hostingOffer.create({
      data: { ...(data as object), siteId: input.siteId, orgId: auth.orgId, status: 'DRAFT' } as Parameters<typeof tx.hostingOffer.create>[0]['data'],
    });
    await writeAudit(tx, { orgId: auth.orgId, actor: auth.actor, action: 'hosting-offer.created', entityType: 'HostingOffer', entityId: offer.id, changes: input });
    return offer;
  });
}

export function updateOffer(prisma: AppPrisma, auth: Authorized, id: string, input: TUpdateHostingOfferInput) {
  return withOrg(prisma, auth, async (tx) => {
    const current = await findOwnOffer(tx, auth, id);
    assertTransition('hosting offer', id, current.status, ['DRAFT', 'LISTED'], 'change');
    if (input.mw !== undefined) await assertSiteHolds(tx, auth, current.siteId, input.mw, 'input.mw');
    const offer = await tx.hostingOffer.update({ where: { id }, data: toOfferData(input) });
    await writeAudit(tx, { orgId: auth.orgId, actor: auth.actor, action: 'hosting-offer.updated', entityType: 'HostingOffer', entityId: id, changes: input });
    return offer;
  });
}

export const getOffer = (prisma: AppPrisma, auth: Authorized, id: string) => withOrg(prisma, auth, (tx) => findOwnOffer(tx, auth, id));

const offerWhere = (statuses: readonly HostingOfferStatus[] | null | undefined) => (statuses?.length ? { status: { in: [...statuses] } } : {});

export function findOffersPage(prisma: AppPrisma, auth: Authorized, page: TPageArgs, statuses?: readonly HostingOfferStatus[] | null) {
  return withOrg(prisma, auth, (tx) => tx.hostingOffer.findMany({ where: scopedWhere(auth, offerWhere(statuses)), ...pageQuery(page) }));
}

export function countOffers(prisma: AppPrisma, auth: Authorized, statuses?: readonly HostingOfferStatus[] | null) {
  return withOrg(prisma, auth, (tx) => tx.hostingOffer.count({ where: scopedWhere(auth, offerWhere(statuses)) }));
}

/** DRAFT → LISTED (list) or DRAFT/LISTED → WITHDRAWN (withdraw); conditional, so a concurrent move loses. */
export function moveOffer(prisma: AppPrisma, auth: Authorized, id: string, from: readonly HostingOfferStatus[], to: HostingOfferStatus, action: string) {
  return withOrg(prisma, auth, async (tx) => {
    const current = await findOwnOffer(tx, auth, id);
    assertTransition('hosting offer', id, current.status, from, action);
    const moved = await tx.hostingOffer.updateMany({
      where: scopedWhere(auth, { id, status: current.status }),
      data: { status: to, ...(to === 'LISTED' ? { listedAt: new Date() } : {}) },
    });
    if (moved.count !== 1) throw conflict(`Hosting offer ${id} changed meanwhile; read it again.`);
    await writeAudit(tx, { orgId: auth.orgId, actor: auth.actor, action: `hosting-offer.${action}`, entityType: 'HostingOffer', entityId: id, changes: { from: current.status, to } });
    return tx.hostingOffer.findUniqueOrThrow({ where: { id } });
  });
}
