// Moving a deal through its life. Each move: the caller must be a party (else NOT_FOUND) and the right
// one (else FORBIDDEN); the deal must be in the move's state (else CONFLICT with currentStatus); the
// write is conditional on that state so a concurrent move loses cleanly; side effects and the audit row
// share the transaction, so a failing effect undoes the move.
import { type AppPrisma, type AppTx, type CapacityStatus, type Deal, type DealStatus, type Prisma, type RequestStatus, scopedWhere, withOrg } from '@gridshare/db';
import { audit } from '../../audit';
import { type PartnerEventType, dealEventPayload } from '../webhooks/events';
import { recordPartnerEvents } from '../webhooks/outbox';
import type { Authorized } from '../../auth/principal';
import type { DealBillingPort, DealStep } from './deal-billing-port';
import { conflict, forbidden, notFound } from '../../errors/domain-errors';
import { assertTransition } from '../common/transitions';
import { DEAL_MOVES, type DealMoveName, roleIn } from './deal-moves';
import { partyWhere, readDeal } from './deal-reads';
import type { DealRole } from './deals.schemas';

/** What a move does beyond the deal row; returns what to add to the audit row. */
type Effect = (tx: AppTx, auth: Authorized, deal: Deal) => Promise<Record<string, unknown>>;

export async function findPartyDeal(tx: AppTx, auth: Authorized, id: string): Promise<Deal> {
  const deal = await tx.deal.findFirst({ where: { id, ...partyWhere(auth) } });
  if (!deal) throw notFound('Deal', id);
  return deal;
}

/** Writes `data` only while the deal is still `from` (and `where` holds); otherwise CONFLICT with the state now. */
export async function updateDealIf(tx: AppTx, auth: Authorized, deal: Deal, from: DealStatus, data: Prisma.DealUpdateManyMutationInput, where: Prisma.DealWhereInput = {}) {
  const moved = await tx.deal.updateMany({ where: { AND: [where, partyWhere(auth)], id: deal.id, status: from }, data });
  if (moved.count === 1) return;
  const now = await tx.deal.findFirst({ where: { id: deal.id, ...partyWhere(auth) }, select: { status: true } });
  throw conflict(`Deal ${deal.id} changed meanwhile; read it again.`, { currentStatus: now?.status ?? deal.status });
}

const dealBlockIds = async (tx: AppTx, dealId: string) =>
  (await tx.dealBlock.findMany({ where: { dealId }, select: { blockId: true }, orderBy: { blockId: 'asc' } })).map((row) => row.blockId);

const MATCHABLE: readonly RequestStatus[] = ['OPEN', 'MATCHED'];

/** The tenant's request moves to MATCHED (it may already be, when the need is split over several deals). */
async function matchRequest(tx: AppTx, auth: Authorized, deal: Deal) {
  const request = await tx.colocationRequest.findFirst({ where: scopedWhere(auth, { id: deal.requestId }), select: { status: true } });
  if (!request || !MATCHABLE.includes(request.status)) {
    throw conflict(`Cannot accept deal ${deal.id}: its request ${deal.requestId} is ${request?.status ?? 'gone'}.`, {
      currentStatus: deal.status,
      requestStatus: request?.status ?? null,
    });
  }
  const matched = await tx.colocationRequest.updateMany({ where: scopedWhere(auth, { id: deal.requestId, status: { in: [...MATCHABLE] } }), data: { status: 'MATCHED' } });
  if (matched.count !== 1) throw conflict(`Colocation request ${deal.requestId} changed meanwhile; read it again.`, { currentStatus: deal.status });
}

/**
 * The blocks belong to the host, so the tenant cannot update them under row-level security:
 * reserve_deal_blocks (SECURITY DEFINER) reserves the ones still PUBLISHED and says how many. Fewer than
 * the deal has means another deal took one; throwing rolls the whole acceptance back.
 */
const reserveAndMatch: Effect = async (tx, auth, deal) => {
  await matchRequest(tx, auth, deal);
  const blockIds = await dealBlockIds(tx, deal.id);
  const [row] = await tx.$queryRaw<{ reserved: number }[]>`SELECT reserve_deal_blocks(${deal.id}::uuid) AS "reserved"`;
  if ((row?.reserved ?? 0) < blockIds.length) {
    throw conflict(`Cannot accept deal ${deal.id}: another deal took block ${blockIds.join(' or ')}; it stays PROPOSED.`, { currentStatus: deal.status });
  }
  return { blocks: 'RESERVED', request: 'MATCHED' };
};

/** The host moves its own blocks along with the deal; all of them or none. */
const shiftBlocks =
  (from: CapacityStatus, to: CapacityStatus): Effect =>
  async (tx, auth, deal) => {
    const blockIds = await dealBlockIds(tx, deal.id);
    const shifted = await tx.capacityBlock.updateMany({ where: scopedWhere(auth, { id: { in: blockIds }, status: from }), data: { status: to } });
    if (shifted.count !== blockIds.length) {
      throw conflict(`Deal ${deal.id}'s blocks are no longer all ${from}; nothing changed.`, { currentStatus: deal.status });
    }
    return { blocks: to };
  };

/**
 * The leased blocks go back to the host as drafts, whichever party ends the deal: release_deal_blocks()
 * (a SECURITY DEFINER function of the marketplace migration) does it, since a tenant's transaction
 * cannot update the host's blocks under row-level security.
 */
const releaseBlocks: Effect = async (tx, _auth, deal) => {
  const blockIds = await dealBlockIds(tx, deal.id);
  const [row] = await tx.$queryRaw<{ released: number }[]>`SELECT release_deal_blocks(${deal.id}::uuid) AS "released"`;
  if ((row?.released ?? 0) !== blockIds.length) {
    throw conflict(`Deal ${deal.id}'s blocks are no longer all LEASED; nothing changed.`, { currentStatus: deal.status });
  }
  return { blocks: 'DRAFT' };
};

const EFFECTS: Partial<Record<DealMoveName, Effect>> = {
  accept: reserveAndMatch,
  activate: shiftBlocks('RESERVED', 'LEASED'),
  end: releaseBlocks,
};

function assertParty(deal: Deal, auth: Authorized, by: DealRole | 'EITHER', action: string) {
  if (by !== 'EITHER' && roleIn(deal, auth.orgId) !== by) throw forbidden(`Only the ${by.toLowerCase()} of deal ${deal.id} can ${action} it.`);
}


/** Partner webhooks each move sends to both parties. */
const MOVE_EVENTS: Partial<Record<DealMoveName, PartnerEventType>> = { accept: 'deal.accepted' };

/** Queues `type` for both parties' webhooks, in the move's transaction. */
export async function recordDealEvent(tx: AppTx, moved: Deal, type: PartnerEventType) {
  const payload = dealEventPayload(moved);
  await recordPartnerEvents(tx, [moved.hostOrgId, moved.tenantOrgId].map((orgId) => ({ orgId, type, subjectId: moved.id, payload })));
}

function moveDeal(prisma: AppPrisma, auth: Authorized, id: string, name: DealMoveName, extra?: DealStep) {
  const move = DEAL_MOVES[name];
  return withOrg(prisma, auth, async (tx) => {
    const deal = await findPartyDeal(tx, auth, id);
    assertParty(deal, auth, move.by, name);
    assertTransition('deal', id, deal.status, [move.from], name);
    const changes = { status: move.to, [move.stamp]: new Date() };
    await updateDealIf(tx, auth, deal, move.from, changes);
    const moved: Deal = { ...deal, ...changes };
    const effects = { ...(await EFFECTS[name]?.(tx, auth, deal)), ...(await extra?.(tx, deal)) };
    await audit(tx, auth, { action: `deal.${name}`, entityType: 'Deal', entityId: id, changes: { from: move.from, to: move.to, ...effects } });
    const event = MOVE_EVENTS[name];
    if (event) await recordDealEvent(tx, moved, event);
    return readDeal(tx, auth, id);
  });
}

export const acceptDeal = (prisma: AppPrisma, auth: Authorized, id: string) => moveDeal(prisma, auth, id, 'accept');
export const rejectDeal = (prisma: AppPrisma, auth: Authorized, id: string) => moveDeal(prisma, auth, id, 'reject');
export const withdrawDeal = (prisma: AppPrisma, auth: Authorized, id: string) => moveDeal(prisma, auth, id, 'withdraw');
/** Activation makes sure the tenant has a Stripe customer for its statements' invoices (`billing`). */
export const activateDeal = async (prisma: AppPrisma, auth: Authorized, id: string, billing: DealBillingPort) =>
  moveDeal(prisma, auth, id, 'activate', await billing.prepareActivation(auth, id));
/** Ending calls nothing at Stripe: the last month's statement bills up to the end (modules/settlement). */
export const endDeal = (prisma: AppPrisma, auth: Authorized, id: string) => moveDeal(prisma, auth, id, 'end');
