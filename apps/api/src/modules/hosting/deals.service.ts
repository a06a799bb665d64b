// Hosting deals: the host proposes its listed offer to a fleet's open request; the fleet accepts or rejects;
// both sign; the host activates; either ends. The same life cycle as colocation deals (modules/deals).
import { type AppPrisma, type AppTx, type DealStatus, type HostingDeal, type Prisma, withOrg } from '@gridshare/db';
import { hostingConstraintFailures, offerEconomics, resolveFleet } from '@gridshare/hosting';
import { writeAudit } from '../../audit';
import type { Authorized } from '../../auth/principal';
import { appError, conflict, forbidden, notFound } from '../../errors/domain-errors';
import { type TPageArgs, pageQuery } from '../../graphql/pagination';
import { assertTransition } from '../common/transitions';
import { hostingDealTerms } from './deal-terms';
import { toOfferView, toRequestView } from './hosting.mappers';
import { listedOffer, marketOf, openRequest } from './market.service';

export type HostingRole = 'HOST' | 'FLEET';

export const roleIn = (deal: Pick<HostingDeal, 'hostOrgId'>, auth: Authorized): HostingRole => (deal.hostOrgId === auth.orgId ? 'HOST' : 'FLEET');

/** A deal the caller is a party to (row-level security shows no other), or NOT_FOUND. */
export async function findPartyDeal(tx: AppTx, auth: Authorized, id: string) {
  const deal = await tx.hostingDeal.findFirst({ where: { id, OR: [{ hostOrgId: auth.orgId }, { fleetOrgId: auth.orgId }] } });
  if (!deal) throw notFound('Hosting deal', id);
  return deal;
}

export async function proposeDeal(prisma: AppPrisma, auth: Authorized, offerId: string, requestId: string) {
  const [offer, request] = await Promise.all([listedOffer(prisma, offerId), openRequest(prisma, requestId)]);
  if (!offer || offer.offer.orgId !== auth.orgId) throw notFound('Listed hosting offer', offerId);
  if (!request || request.orgId === auth.orgId) throw notFound('Open hosting request', requestId);
  const view = toOfferView(offer);
  const requestView = toRequestView(request);
  const fleet = resolveFleet(requestView.fleet);
  const failures = hostingConstraintFailures(requestView, fleet, view, offerEconomics(view, fleet, marketOf(null)));
  if (failures.length > 0)
    throw appError('BAD_USER_INPUT', `input.offerId: the offer cannot host this request: ${failures.map((f) => f.message).join('; ')}`, { field: 'input.offerId', reasons: failures });
  const terms = hostingDealTerms(view, request);
  return withOrg(prisma, auth, async (tx) => {
    const deal = await tx.hostingDeal.create({
      data: {
        hostOrgId: auth.orgId,
        fleetOrgId: request.orgId,
        offerId,
        requestId,
        siteId: offer.offer.siteId,
        mw: Math.round(request.fleetMw.toNumber() * 1000) / 1000,
        startDate: request.startDate,
        termMonths: request.termMonths,
        terms: terms as unknown as Prisma.InputJsonValue,
      },
    });
    await writeAudit(tx, { orgId: auth.orgId, actor: auth.actor, action: 'hosting-deal.proposed', entityType: 'HostingDeal', entityId: deal.id, changes: { offerId, requestId } });
    return deal;
  });
}

interface Move {
  readonly action: string;
  readonly by: HostingRole | 'EITHER';
  readonly from: readonly DealStatus[];
  readonly to: (deal: HostingDeal, role: HostingRole) => { status: DealStatus; data: Prisma.HostingDealUncheckedUpdateManyInput };
}

const now = () => new Date();

export const MOVES = {
  accept: { action: 'accept', by: 'FLEET', from: ['PROPOSED'], to: () => ({ status: 'ACCEPTED', data: { acceptedAt: now() } }) },
  reject: { action: 'reject', by: 'FLEET', from: ['PROPOSED'], to: () => ({ status: 'REJECTED', data: { rejectedAt: now() } }) },
  withdraw: { action: 'withdraw', by: 'HOST', from: ['PROPOSED'], to: () => ({ status: 'WITHDRAWN', data: { withdrawnAt: now() } }) },
  sign: {
    action: 'sign',
    by: 'EITHER',
    from: ['ACCEPTED'],
    to: (deal, role) => {
      const signed = role === 'HOST' ? { hostSignedAt: deal.hostSignedAt ?? now() } : { fleetSignedAt: deal.fleetSignedAt ?? now() };
      const both = (role === 'HOST' || deal.hostSignedAt) && (role === 'FLEET' || deal.fleetSignedAt);
      return { status: both ? 'SIGNED' : 'ACCEPTED', data: signed };
    },
  },
  activate: { action: 'activate', by: 'HOST', from: ['SIGNED'], to: () => ({ status: 'ACTIVE', data: { activatedAt: now() } }) },
  end: { action: 'end', by: 'EITHER', from: ['ACTIVE'], to: () => ({ status: 'ENDED', data: { endedAt: now() } }) },
} as const satisfies Record<string, Move>;

export function moveDeal(prisma: AppPrisma, auth: Authorized, id: string, move: Move) {
  return withOrg(prisma, auth, async (tx) => {
    const deal = await findPartyDeal(tx, auth, id);
    const role = roleIn(deal, auth);
    if (move.by !== 'EITHER' && move.by !== role) throw forbidden(`Only the ${move.by === 'HOST' ? 'host' : 'fleet'} can ${move.action} hosting deal ${id}.`);
    assertTransition('hosting deal', id, deal.status, move.from, move.action);
    if (move.action === 'accept') {
      // The offer leaves the market in the same transaction; a second fleet accepting loses here.
      const [reserved] = await tx.$queryRaw<{ ok: boolean }[]>`SELECT reserve_hosting_offer(${id}::uuid) AS ok`;
      if (!reserved?.ok) throw conflict(`The offer of hosting deal ${id} is no longer available.`);
      await tx.hostingRequest.updateMany({ where: { id: deal.requestId, orgId: auth.orgId, status: 'OPEN' }, data: { status: 'MATCHED' } });
    }
    const { status, data } = move.to(deal, role);
    const moved = await tx.hostingDeal.updateMany({ where: { id, status: deal.status }, data: { ...data, status } });
    if (moved.count !== 1) throw conflict(`Hosting deal ${id} changed meanwhile; read it again.`);
    await writeAudit(tx, { orgId: auth.orgId, actor: auth.actor, action: `hosting-deal.${move.action}`, entityType: 'HostingDeal', entityId: id, changes: { from: deal.status, to: status } });
    return tx.hostingDeal.findUniqueOrThrow({ where: { id } });
  });
}

export const getDeal = (prisma: AppPrisma, auth: Authorized, id: string) => withOrg(prisma, auth, (tx) => findPartyDeal(tx, auth, id));

const partyWhere = (auth: Authorized, statuses?: readonly DealStatus[] | null) => ({
  OR: [{ hostOrgId: auth.orgId }, { fleetOrgId: auth.orgId }],
  ...(statuses?.length ? { status: { in: [...statuses] } } : {}),
});

export function findDealsPage(prisma: AppPrisma, auth: Authorized, page: TPageArgs, statuses?: readonly DealStatus[] | null) {
  return withOrg(prisma, auth, (tx) => tx.hostingDeal.findMany({ where: partyWhere(auth, statuses), ...pageQuery(page) }));
}

export function countDeals(prisma: AppPrisma, auth: Authorized, statuses?: readonly DealStatus[] | null) {
  return withOrg(prisma, auth, (tx) => tx.hostingDeal.count({ where: partyWhere(auth, statuses) }));
}

/** The deal's site: the host's own; the fleet's once it accepted (row-level security decides), else null. */
export const dealSite = (prisma: AppPrisma, auth: Authorized, deal: Pick<HostingDeal, 'siteId'>) =>
  withOrg(prisma, auth, (tx) => tx.site.findUnique({ where: { id: deal.siteId } }));
