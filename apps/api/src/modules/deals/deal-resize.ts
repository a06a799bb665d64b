// Changing an ACTIVE deal's MW takes both parties: one proposes a new MW (within the blocks the deal
// holds: they are leased to it, nothing else can take them), the other accepts or declines. Accepting
// applies it and records the agreed change (DealMwChange, effective the day it is accepted, UTC) in one
// transaction; the monthly statements prorate colocation by day from it. Nothing is asked of Stripe.
import { type AppPrisma, Prisma, withOrg } from '@gridshare/db';
import { audit } from '../../audit';
import type { Authorized } from '../../auth/principal';
import { badInput, conflict } from '../../errors/domain-errors';
import { isoDay } from '../common/dates';
import { assertTransition } from '../common/transitions';
import { roleIn } from './deal-moves';
import { readDeal } from './deal-reads';
import type { TProposeDealMwChangeInput } from './deals.schemas';
import { findPartyDeal, updateDealIf } from './deals.service';

export function proposeDealMwChange(prisma: AppPrisma, auth: Authorized, input: TProposeDealMwChangeInput) {
  const { dealId: id, mw } = input;
  return withOrg(prisma, auth, async (tx) => {
    const deal = await findPartyDeal(tx, auth, id);
    assertTransition('deal', id, deal.status, ['ACTIVE'], 'resize');
    const held = await tx.dealBlock.aggregate({ where: { dealId: id }, _sum: { mw: true } });
    const heldMw = held._sum.mw?.toNumber() ?? 0;
    if (mw > heldMw) throw badInput('input.mw', `must be at most ${heldMw} MW: the MW of the blocks deal ${id} holds`);
    if (deal.mw.equals(mw)) throw badInput('input.mw', `is already the deal's MW (${mw})`);
    const role = roleIn(deal, auth.orgId);
    await updateDealIf(tx, auth, deal, 'ACTIVE', { pendingMw: new Prisma.Decimal(mw), pendingMwBy: role, pendingMwAt: new Date() });
    await audit(tx, auth, { action: 'deal.resize.propose', entityType: 'Deal', entityId: id, changes: { from: deal.mw.toNumber(), to: mw, by: role } });
    return readDeal(tx, auth, id);
  });
}

/** The day (UTC) an accepted change takes effect: the day it is accepted. */
const effectiveDay = (now: Date) => new Date(`${isoDay(now)}T00:00:00Z`);

/** The party that did not propose the change applies it and records it for settlement. */
export function acceptDealMwChange(prisma: AppPrisma, auth: Authorized, id: string) {
  return withOrg(prisma, auth, async (tx) => {
    const deal = await findPartyDeal(tx, auth, id);
    assertTransition('deal', id, deal.status, ['ACTIVE'], 'accept a change of MW of');
    const { pendingMw, pendingMwBy, pendingMwAt } = deal;
    if (!pendingMw || !pendingMwAt) throw conflict(`Deal ${id} has no proposed change of MW.`, { currentStatus: deal.status });
    if (pendingMwBy === roleIn(deal, auth.orgId)) throw conflict(`Deal ${id}'s change of MW waits for the other party.`, { currentStatus: deal.status });
    // Conditional on the same proposal, so a newer proposal made meanwhile is not applied unseen.
    await updateDealIf(tx, auth, deal, 'ACTIVE', { mw: pendingMw, pendingMw: null, pendingMwBy: null, pendingMwAt: null }, { pendingMwAt });
    const change = await tx.dealMwChange.create({
      data: { dealId: id, hostOrgId: deal.hostOrgId, tenantOrgId: deal.tenantOrgId, fromMw: deal.mw, toMw: pendingMw, effectiveOn: effectiveDay(new Date()) },
    });
    const changes = { from: deal.mw.toNumber(), to: pendingMw.toNumber(), effectiveOn: isoDay(change.effectiveOn), mwChangeId: change.id };
    await audit(tx, auth, { action: 'deal.resize', entityType: 'Deal', entityId: id, changes });
    return readDeal(tx, auth, id);
  });
}

/** Either party withdraws (its own) or declines (the other's) a proposed change. */
export function declineDealMwChange(prisma: AppPrisma, auth: Authorized, id: string) {
  return withOrg(prisma, auth, async (tx) => {
    const deal = await findPartyDeal(tx, auth, id);
    if (!deal.pendingMw || !deal.pendingMwAt) throw conflict(`Deal ${id} has no proposed change of MW.`, { currentStatus: deal.status });
    await updateDealIf(tx, auth, deal, 'ACTIVE', { pendingMw: null, pendingMwBy: null, pendingMwAt: null }, { pendingMwAt: deal.pendingMwAt });
    await audit(tx, auth, { action: 'deal.resize.decline', entityType: 'Deal', entityId: id, changes: { proposed: deal.pendingMw.toNumber() } });
    return readDeal(tx, auth, id);
  });
}
