// Curtailment and downtime events: recorded by the deal's host or its metering partner (the side that runs
// the site), withdrawn by that side, disputed by the tenant. Each of the three marks the deal's statements
// that are not agreed yet stale, in the same transaction as the change and its audit row.
import { type AppPrisma, type AppTx, type CurtailmentEvent, type Prisma, withOrg } from '@gridshare/db';
import { audit } from '../../audit';
import type { Authorized } from '../../auth/principal';
import { badInput, conflict, forbidden, notFound } from '../../errors/domain-errors';
import { decodeKeyset } from '../../graphql/keyset-cursor';
import { usdToCents } from '../common/units';
import { loadDealForWriting, loadMeterDealContext, markStatementsStale } from '../metering/meter-context';
import { findEventIssue } from './curtailment-rules';
import type { TCurtailmentEventFilter, TDisputeCurtailmentEventInput, TRecordCurtailmentEventInput } from './curtailment.schemas';

function eventsWhere(dealId: string, filter?: TCurtailmentEventFilter | null): Prisma.CurtailmentEventWhereInput {
  return {
    dealId,
    // Events overlapping [from, to).
    ...(filter?.from ? { endsAt: { gt: filter.from } } : {}),
    ...(filter?.to ? { startsAt: { lt: filter.to } } : {}),
    ...(filter?.causes?.length ? { cause: { in: filter.causes } } : {}),
    ...(filter?.includeWithdrawn ? {} : { withdrawnAt: null }),
  };
}

/** Events after the cursor's (startsAt, id), newest first. */
function afterEvent(cursor: string): Prisma.CurtailmentEventWhereInput {
  const [at, id] = decodeKeyset(cursor, 2) as [string, string];
  const startsAt = new Date(at);
  if (Number.isNaN(startsAt.getTime())) throw badInput('after', 'not a cursor from this list');
  return { OR: [{ startsAt: { lt: startsAt } }, { startsAt, id: { lt: id } }] };
}

export const eventKey = (event: CurtailmentEvent) => [event.startsAt.toISOString(), event.id];

export function findEventsPage(prisma: AppPrisma, auth: Authorized, dealId: string, page: { first: number; after?: string | null }, filter?: TCurtailmentEventFilter | null) {
  return withOrg(prisma, auth, async (tx) => {
    await loadMeterDealContext(tx, dealId);
    return tx.curtailmentEvent.findMany({
      where: { AND: [eventsWhere(dealId, filter), page.after ? afterEvent(page.after) : {}] },
      orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
      take: page.first + 1,
    });
  });
}

export function countEvents(prisma: AppPrisma, auth: Authorized, dealId: string, filter?: TCurtailmentEventFilter | null) {
  return withOrg(prisma, auth, (tx) => tx.curtailmentEvent.count({ where: eventsWhere(dealId, filter) }));
}

export function recordCurtailmentEvent(prisma: AppPrisma, auth: Authorized, input: TRecordCurtailmentEventInput, now = new Date()) {
  return withOrg(prisma, auth, async (tx) => {
    const deal = await loadDealForWriting(tx, input.dealId, 'record curtailment events');
    const issue = findEventIssue(input, deal, now);
    if (issue) throw badInput(`input.${issue.field}`, issue.message);
    const { paymentUsdPerMwh, note, ...fields } = input;
    const event = await tx.curtailmentEvent.create({
      data: {
        ...fields,
        hostOrgId: deal.hostOrgId,
        tenantOrgId: deal.tenantOrgId,
        paymentCentsPerMwh: paymentUsdPerMwh === undefined || paymentUsdPerMwh === null ? null : usdToCents(paymentUsdPerMwh),
        note: note || null,
        recordedByOrgId: auth.orgId,
        actor: auth.actor,
      },
    });
    const staleStatements = await markStatementsStale(tx, input.dealId);
    await audit(tx, auth, { action: 'curtailment.recorded', entityType: 'CurtailmentEvent', entityId: event.id, changes: { ...input, staleStatements } });
    return event;
  });
}

/** The event, if the caller sees it (its deal's parties and active partners), with the caller's side of the deal. */
async function findEvent(tx: AppTx, id: string) {
  const event = await tx.curtailmentEvent.findFirst({ where: { id } });
  if (!event) throw notFound('Curtailment event', id);
  const deal = await loadMeterDealContext(tx, event.dealId);
  return { event, role: deal.role };
}

/** Applies `data` while the event is still as it was read (no concurrent withdrawal or dispute). */
async function updateEventIf(tx: AppTx, event: CurtailmentEvent, data: Prisma.CurtailmentEventUpdateManyMutationInput) {
  const updated = await tx.curtailmentEvent.updateMany({ where: { id: event.id, withdrawnAt: null, disputedAt: event.disputedAt }, data });
  if (updated.count !== 1) throw conflict(`Curtailment event ${event.id} changed meanwhile; read it again.`);
  return tx.curtailmentEvent.findUniqueOrThrow({ where: { id: event.id } });
}

export function withdrawCurtailmentEvent(prisma: AppPrisma, auth: Authorized, id: string) {
  return withOrg(prisma, auth, async (tx) => {
    const { event, role } = await findEvent(tx, id);
    if (role === 'TENANT') throw forbidden(`Only the host of deal ${event.dealId} or its metering partner can withdraw its events; the tenant disputes them.`);
    if (event.withdrawnAt) throw conflict(`Curtailment event ${id} is already withdrawn.`, { withdrawnAt: event.withdrawnAt.toISOString() });
    const withdrawn = await updateEventIf(tx, event, { withdrawnAt: new Date() });
    const staleStatements = await markStatementsStale(tx, event.dealId);
    await audit(tx, auth, { action: 'curtailment.withdrawn', entityType: 'CurtailmentEvent', entityId: id, changes: { dealId: event.dealId, staleStatements } });
    return withdrawn;
  });
}

export function disputeCurtailmentEvent(prisma: AppPrisma, auth: Authorized, input: TDisputeCurtailmentEventInput) {
  const { id, reason } = input;
  return withOrg(prisma, auth, async (tx) => {
    const { event, role } = await findEvent(tx, id);
    if (role !== 'TENANT') throw forbidden(`Only the tenant of deal ${event.dealId} can dispute its events.`);
    if (event.withdrawnAt) throw conflict(`Curtailment event ${id} is withdrawn; there is nothing to dispute.`, { withdrawnAt: event.withdrawnAt.toISOString() });
    if (event.disputedAt) throw conflict(`Curtailment event ${id} is already disputed.`, { disputedAt: event.disputedAt.toISOString() });
    const disputed = await updateEventIf(tx, event, { disputedAt: new Date(), disputeReason: reason, disputedBy: auth.actor });
    const staleStatements = await markStatementsStale(tx, event.dealId);
    await audit(tx, auth, { action: 'curtailment.disputed', entityType: 'CurtailmentEvent', entityId: id, changes: { dealId: event.dealId, reason, staleStatements } });
    return disputed;
  });
}
