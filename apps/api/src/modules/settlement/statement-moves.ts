// A statement's life (docs/settlement.md, "Statement states"):
//   DRAFT --issue (host)--> ISSUED --agree (tenant) / dispute window ends--> AGREED --> INVOICED --> PAID
//   ISSUED --dispute (tenant)--> DISPUTED --reissue (host)--> ISSUED (version + 1)
// The caller is authorised in its own scope first (withOrg: another organisation's statement is NOT_FOUND,
// row-level security agrees); the move itself runs on the system path (statements are written only there),
// on the locked row, conditional on its state, with its audit row and both parties' partner events in the
// same transaction.
import { type AppPrisma, type AppTx, type SettlementStatement, type StatementStatus, withOrg } from '@gridshare/db';
import { writeAudit } from '../../audit';
import type { Authorized } from '../../auth/principal';
import { conflict, forbidden, notFound } from '../../errors/domain-errors';
import { assertTransition } from '../common/transitions';
import { type PartnerEventType, statementEventPayload } from '../webhooks/events';
import { recordPartnerEvents } from '../webhooks/outbox';
import { isStale } from './input-changes';
import { monthEnd, monthOf, monthStart, previousMonth } from './months';
import { type SettlementDeal, activePeriod, requireAgreedDeal } from './statement-inputs';
import { type Computation, type LockedStatement, computeMonth, lockStatementById, writeComputation } from './statement-store';

export type StatementRole = 'HOST' | 'TENANT';

/** Agreed by both: amounts and lines never change again. */
export const AGREED_STATUSES: readonly StatementStatus[] = ['AGREED', 'INVOICED', 'PAID'];

/** Who acts, for the audit row: a person or key of one party, or the system. */
export interface Actor {
  orgId: string;
  actor: string;
}

const DAY_MS = 86_400_000;

/** The statement as the caller may see it (one of its deals'), and the caller's side; NOT_FOUND otherwise. */
export async function findPartyStatement(prisma: AppPrisma, auth: Authorized, id: string): Promise<{ role: StatementRole }> {
  const statement = await withOrg(prisma, auth, (tx) =>
    tx.settlementStatement.findFirst({ where: { id, OR: [{ hostOrgId: auth.orgId }, { tenantOrgId: auth.orgId }] }, select: { hostOrgId: true } }),
  );
  if (!statement) throw notFound('Settlement statement', id);
  return { role: statement.hostOrgId === auth.orgId ? 'HOST' : 'TENANT' };
}

export function assertRole(role: StatementRole, required: StatementRole, id: string, action: string): void {
  if (role !== required) throw forbidden(`Only the ${required.toLowerCase()} of statement ${id}'s deal can ${action} it.`);
}

/** Writes the move's audit row and queues `type` for both parties, in the move's transaction. */
export async function recordStatementMove(tx: AppTx, by: Actor, statement: SettlementStatement, action: string, changes: Record<string, unknown>, event?: PartnerEventType): Promise<void> {
  await writeAudit(tx, {
    orgId: by.orgId,
    actor: by.actor,
    action: `statement.${action}`,
    entityType: 'SettlementStatement',
    entityId: statement.id,
    changes: { dealId: statement.dealId, month: monthOf(statement.month), ...changes },
  });
  if (!event) return;
  const payload = statementEventPayload(statement);
  await recordPartnerEvents(tx, [statement.hostOrgId, statement.tenantOrgId].map((orgId) => ({ orgId, type: event, subjectId: statement.id, payload })));
}

/**
 * What stops `month` from being issued: the month is not over; the previous month's statement is not agreed
 * (carries flow from one statement to the next, in order); a day with mining has no hashprice.
 */
async function assertIssuable(tx: AppTx, deal: SettlementDeal, month: string, computed: Computation, now: Date): Promise<void> {
  if (monthEnd(month) > now) throw conflict(`The statement of ${month} cannot be issued before the month is over.`, { reason: 'MONTH_NOT_OVER', month });
  const previous = previousMonth(month);
  if (monthEnd(previous).getTime() > Date.parse(`${activePeriod(deal).activeFrom}T00:00:00Z`)) {
    const before = await tx.settlementStatement.findUnique({ where: { dealId_month: { dealId: deal.id, month: monthStart(previous) } }, select: { status: true } });
    if (!before || !AGREED_STATUSES.includes(before.status)) {
      const state = before ? `is ${before.status}` : 'was not computed yet';
      throw conflict(`The statement of ${month} cannot be issued: the statement of ${previous} ${state}, and statements are agreed in order.`, {
        reason: 'PREVIOUS_NOT_AGREED',
        previousMonth: previous,
        previousStatus: before?.status ?? null,
      });
    }
  }
  const missing = computed.actual.summary.missingHashpriceDays;
  if (missing.length > 0) {
    throw conflict(`The statement of ${month} cannot be issued: no hashprice for ${missing.join(', ')} (days with mining); upload them first.`, { reason: 'MISSING_HASHPRICE', missingDays: missing });
  }
}

const lockOrNotFound = async (tx: AppTx, id: string): Promise<LockedStatement> => {
  const locked = await lockStatementById(tx, id);
  if (!locked) throw notFound('Settlement statement', id);
  return locked;
};

/** Issue (from DRAFT) or re-issue (from DISPUTED, or a stale ISSUED one): recomputed, then ISSUED with a new version. */
function issue(prisma: AppPrisma, by: Actor, id: string, name: 'issue' | 'reissue', now: Date) {
  return prisma.$transaction(async (tx) => {
    const locked = await lockOrNotFound(tx, id);
    if (name === 'issue') assertTransition('statement', id, locked.status, ['DRAFT'], 'issue');
    else {
      assertTransition('statement', id, locked.status, ['DISPUTED', 'ISSUED'], 're-issue');
      if (locked.status === 'ISSUED' && !(await isStale(tx, locked))) {
        throw conflict(`Statement ${id} is ISSUED and its data did not change; it waits for the tenant.`, { currentStatus: locked.status, reason: 'NOT_STALE' });
      }
    }
    const deal = await requireAgreedDeal(tx, locked.dealId);
    const month = monthOf(locked.month);
    const computed = await computeMonth(tx, deal, month);
    await assertIssuable(tx, deal, month, computed, now);
    const autoAgreeAt = new Date(now.getTime() + deal.agreement.terms.disputeWindowDays * DAY_MS);
    const statement = await writeComputation(tx, locked, computed, now, {
      status: 'ISSUED',
      version: locked.version + 1,
      issuedAt: now,
      issuedBy: by.actor,
      autoAgreeAt,
      disputedAt: null,
      disputedBy: null,
      disputeReason: null,
    });
    await recordStatementMove(tx, by, statement, name, { from: locked.status, to: 'ISSUED', version: statement.version, autoAgreeAt }, 'statement.issued');
    return statement;
  }, { timeout: 30_000 });
}

export const issueStatement = (prisma: AppPrisma, by: Actor, id: string, now = new Date()) => issue(prisma, by, id, 'issue', now);
export const reissueStatement = (prisma: AppPrisma, by: Actor, id: string, now = new Date()) => issue(prisma, by, id, 'reissue', now);

/**
 * ISSUED → AGREED, by the tenant or (`automatic`) when the dispute window ran out; refused while the
 * statement is stale (its data changed since it was issued: the host re-issues it first). Answers null when
 * an automatic agreement finds the statement no longer due.
 */
export async function agreeLocked(tx: AppTx, by: Actor, locked: LockedStatement, now: Date, automatic: boolean): Promise<SettlementStatement> {
  assertTransition('statement', locked.id, locked.status, ['ISSUED'], 'agree');
  if (await isStale(tx, locked)) {
    throw conflict(`Statement ${locked.id}'s data changed since it was issued; the host re-issues it before it can be agreed.`, { currentStatus: locked.status, reason: 'STALE' });
  }
  const statement = await tx.settlementStatement.update({ where: { id: locked.id }, data: { status: 'AGREED', agreedAt: now, agreedBy: by.actor } });
  await recordStatementMove(tx, by, statement, 'agree', { from: 'ISSUED', to: 'AGREED', version: statement.version, automatic }, 'statement.agreed');
  return statement;
}

export function agreeStatement(prisma: AppPrisma, by: Actor, id: string, now = new Date()) {
  return prisma.$transaction(async (tx) => agreeLocked(tx, by, await lockOrNotFound(tx, id), now, false));
}

export function disputeStatement(prisma: AppPrisma, by: Actor, id: string, reason: string, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const locked = await lockOrNotFound(tx, id);
    assertTransition('statement', id, locked.status, ['ISSUED'], 'dispute');
    const statement = await tx.settlementStatement.update({ where: { id }, data: { status: 'DISPUTED', disputedAt: now, disputedBy: by.actor, disputeReason: reason } });
    await recordStatementMove(tx, by, statement, 'dispute', { from: 'ISSUED', to: 'DISPUTED', version: statement.version, reason }, 'statement.disputed');
    return statement;
  });
}
