// DRAFT statements: computed by the worker after month end for every deal that ran in the month, computed
// again whenever their data changed (stale), and on the host's request (recomputeStatement).
import { type AppPrisma, type SettlementStatement, withOrg } from '@gridshare/db';
import type { Authorized } from '../../auth/principal';
import { badInput, conflict, forbidden, notFound } from '../../errors/domain-errors';
import { assertTransition } from '../common/transitions';
import { isStale } from './input-changes';
import { monthEnd, monthStart } from './months';
import { type Actor, recordStatementMove } from './statement-moves';
import { type SettlementDeal, activePeriod, requireAgreedDeal } from './statement-inputs';
import { computeMonth, lockStatement, writeComputation } from './statement-store';

export type DraftOutcome = 'CREATED' | 'RECOMPUTED' | 'CURRENT' | 'NOT_DRAFT';

/** Whether the deal ran during `month` (its active period overlaps it). */
export function ranDuring(deal: Pick<SettlementDeal, 'startDate' | 'termMonths' | 'endedAt'>, month: string): boolean {
  const { activeFrom, activeUntil } = activePeriod(deal);
  return monthEnd(month).getTime() > Date.parse(`${activeFrom}T00:00:00Z`) && (activeUntil === null || monthStart(month).getTime() < Date.parse(`${activeUntil}T00:00:00Z`));
}

/**
 * The worker's step for one deal-month: computes the DRAFT when there is none, or when it is stale
 * (`force`: always); leaves statements past DRAFT alone. Idempotent: running it twice computes once.
 */
export async function computeDraft(
  prisma: AppPrisma,
  deal: SettlementDeal,
  month: string,
  options: { force?: boolean; now?: Date; auditBy?: Actor } = {},
): Promise<{ outcome: DraftOutcome; statement: SettlementStatement }> {
  const now = options.now ?? new Date();
  return prisma.$transaction(
    async (tx) => {
      const { locked, created } = await lockStatement(tx, deal, month, now);
      const due = locked.status === 'DRAFT' && (created || options.force || (await isStale(tx, locked)));
      const statement = due
        ? await writeComputation(tx, locked, await computeMonth(tx, deal, month), now, {}, { hasLines: !created })
        : await tx.settlementStatement.findUniqueOrThrow({ where: { id: locked.id } });
      const outcome: DraftOutcome = !due ? (locked.status === 'DRAFT' ? 'CURRENT' : 'NOT_DRAFT') : created ? 'CREATED' : 'RECOMPUTED';
      if (due && options.auditBy) await recordStatementMove(tx, options.auditBy, statement, 'recompute', { outcome, tenantTotalCents: Number(statement.tenantTotalCents) });
      return { outcome, statement };
    },
    { timeout: 30_000 },
  );
}

/** The host asks for the month's DRAFT now: created, or computed again from the data as it is. */
export async function recomputeStatement(prisma: AppPrisma, auth: Authorized, dealId: string, month: string, now = new Date()): Promise<SettlementStatement> {
  const party = await withOrg(prisma, auth, (tx) =>
    tx.deal.findFirst({ where: { id: dealId, OR: [{ hostOrgId: auth.orgId }, { tenantOrgId: auth.orgId }] }, select: { hostOrgId: true, status: true } }),
  );
  if (!party) throw notFound('Deal', dealId);
  if (party.hostOrgId !== auth.orgId) throw forbidden(`Only the host of deal ${dealId} can compute its statements.`);
  assertTransition('deal', dealId, party.status, ['ACTIVE', 'ENDED'], 'settle');
  const deal = await requireAgreedDeal(prisma, dealId);
  if (monthStart(month) > now) throw badInput('month', 'must not be in the future');
  if (!ranDuring(deal, month)) throw badInput('month', `must be a month of the deal's active period (from ${activePeriod(deal).activeFrom})`);
  const { outcome, statement } = await computeDraft(prisma, deal, month, { force: true, now, auditBy: auth });
  if (outcome === 'NOT_DRAFT') throw conflict(`The statement of ${month} is ${statement.status}; only a DRAFT is recomputed.`, { currentStatus: statement.status });
  return statement;
}
