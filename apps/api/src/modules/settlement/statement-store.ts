// Computing a deal-month and storing it as its statement. The system path writes statements and lines (the
// runtime role only reads them); every caller authorised the request before, or is the worker. The
// statement row is locked for the whole computation, so two computations of the same month queue instead
// of interleaving; an agreed statement is never written (the database refuses it too).
import type { AppTx, Prisma, SettlementStatement, StatementStatus } from '@gridshare/db';
import { type ForecastComparison, type SettlementStatementOut, compareWithForecast, forecastMonth, settleMonth } from '@gridshare/settlement';
import { adjustmentsForCorrections } from './corrections';
import { monthStart } from './months';
import { type SettlementDeal, loadMonthInput } from './statement-inputs';

export interface Computation {
  actual: SettlementStatementOut;
  forecast: ForecastComparison;
}

/** The month settled from the data as it is now, and the agreed scenario's forecast beside it. */
export async function computeMonth(db: AppTx, deal: SettlementDeal, month: string): Promise<Computation> {
  const [input, adjustments] = await Promise.all([loadMonthInput(db, deal, month), adjustmentsForCorrections(db, deal, month)]);
  const actual = settleMonth({ ...input, adjustments });
  const { inputs, terms } = deal.agreement;
  const forecast = forecastMonth(inputs, terms, month, input.activeFrom, input.activeUntil, input.kwChanges);
  return { actual, forecast: compareWithForecast(actual, forecast) };
}

export type LockedStatement = Pick<SettlementStatement, 'id' | 'dealId' | 'hostOrgId' | 'tenantOrgId' | 'month' | 'status' | 'version' | 'stale' | 'computedAt'>;

/**
 * The (deal, month) statement row, locked until the transaction ends; an empty DRAFT is made first if there
 * is none (`created`: the caller computes it before the transaction ends, so nobody sees it empty).
 */
export async function lockStatement(tx: AppTx, deal: SettlementDeal, month: string, now: Date): Promise<{ locked: LockedStatement; created: boolean }> {
  const inserted = await tx.settlementStatement.createMany({
    data: [{ dealId: deal.id, hostOrgId: deal.hostOrgId, tenantOrgId: deal.tenantOrgId, month: monthStart(month), tenantTotalCents: 0n, platformFeeCents: 0n, hostPayoutCents: 0n, summary: {}, computedAt: now }],
    skipDuplicates: true,
  });
  const [row] = await tx.$queryRaw<LockedStatement[]>`
    SELECT "id", "dealId", "hostOrgId", "tenantOrgId", "month", "status", "version", "stale", "computedAt"
      FROM "SettlementStatement" WHERE "dealId" = ${deal.id}::uuid AND "month" = ${monthStart(month)}::date FOR UPDATE`;
  if (!row) throw new Error(`statement of deal ${deal.id} for ${month} vanished while locked`);
  return { locked: row, created: inserted.count === 1 };
}

/** Locks a statement by id (null when there is none). */
export async function lockStatementById(tx: AppTx, id: string): Promise<LockedStatement | null> {
  const [row] = await tx.$queryRaw<LockedStatement[]>`
    SELECT "id", "dealId", "hostOrgId", "tenantOrgId", "month", "status", "version", "stale", "computedAt"
      FROM "SettlementStatement" WHERE "id" = ${id}::uuid FOR UPDATE`;
  return row ?? null;
}

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;

/** Not agreed yet: its amounts and lines may still be replaced. */
export const OPEN_STATUSES: readonly StatementStatus[] = ['DRAFT', 'ISSUED', 'DISPUTED'];

/**
 * Replaces the locked statement's amounts, summary, forecast and lines with `computed`, and applies
 * `change` (a move's status and stamps) in the same write. Only for statements not agreed yet.
 */
export async function writeComputation(tx: AppTx, statement: LockedStatement, computed: Computation, now: Date, change: Prisma.SettlementStatementUpdateInput = {}): Promise<void> {
  if (!OPEN_STATUSES.includes(statement.status)) throw new Error(`statement ${statement.id} is ${statement.status}: agreed statements are never recomputed`);
  const { actual, forecast } = computed;
  await tx.statementLine.deleteMany({ where: { statementId: statement.id } });
  await tx.settlementStatement.update({
    where: { id: statement.id },
    data: {
      tenantTotalCents: BigInt(actual.tenantTotalCents),
      platformFeeCents: BigInt(actual.platformFeeCents),
      hostPayoutCents: BigInt(actual.hostPayoutCents),
      tenantCarryOutCents: BigInt(actual.tenantCarryOutCents),
      feeCarryOutCents: BigInt(actual.feeCarryOutCents),
      summary: json(actual.summary),
      forecast: json(forecast),
      computedAt: now,
      stale: false,
      ...change,
    },
  });
  await tx.statementLine.createMany({
    data: actual.lines.map((line, position) => ({
      statementId: statement.id,
      hostOrgId: statement.hostOrgId,
      tenantOrgId: statement.tenantOrgId,
      position,
      kind: line.kind,
      description: line.description,
      amountCents: BigInt(line.amountCents),
      feeBase: line.feeBase,
      adjustsMonth: line.adjustsMonth ? monthStart(line.adjustsMonth) : null,
      detail: json(line.detail),
    })),
  });
}
