// Computing a deal-month and storing it as its statement. The system path writes statements and lines (the
// runtime role only reads them); every caller authorised the request before, or is the worker. The
// statement row is locked for the whole computation, so two computations of the same month queue instead
// of interleaving; an agreed statement is never written (the database refuses it too).
import type { AppTx, Prisma, SettlementStatement, StatementStatus } from '@gridshare/db';
import { type ForecastComparison, type SettlementStatementOut, compareWithForecast, forecastMonth, settleMonth } from '@gridshare/settlement';
import { adjustmentsForCorrections } from './corrections';
import { monthStart } from './months';
import { type SettlementDeal, loadMonthData } from './statement-inputs';

export interface Computation {
  actual: SettlementStatementOut;
  forecast: ForecastComparison;
}

/** The month settled from the data as it is now, and the agreed scenario's forecast beside it. */
export async function computeMonth(db: AppTx, deal: SettlementDeal, month: string): Promise<Computation> {
  const { data, carries, agreedBefore } = await loadMonthData(db, deal, month);
  const adjustments = agreedBefore ? await adjustmentsForCorrections(db, deal, month) : [];
  const actual = settleMonth({ ...data, ...carries, adjustments });
  const { inputs, terms } = deal.agreement;
  const forecast = forecastMonth(inputs, terms, month, data.activeFrom, data.activeUntil, data.kwChanges);
  return { actual, forecast: compareWithForecast(actual, forecast) };
}

export type LockedStatement = Pick<SettlementStatement, 'id' | 'dealId' | 'hostOrgId' | 'tenantOrgId' | 'month' | 'status' | 'version' | 'stale' | 'computedAt'>;

/**
 * The (deal, month) statement row, locked until the transaction ends; an empty DRAFT is made first if there
 * is none (`created`: the caller computes it before the transaction ends, so nobody sees it empty). One
 * statement: the insert, or the no-op update that locks an existing row (the agreed-statement trigger lets
 * it through: nothing changes).
 */
export async function lockStatement(tx: AppTx, deal: SettlementDeal, month: string, now: Date): Promise<{ locked: LockedStatement; created: boolean }> {
  const [row] = await tx.$queryRaw<(LockedStatement & { created: boolean })[]>`
    INSERT INTO "SettlementStatement" ("id", "dealId", "hostOrgId", "tenantOrgId", "month", "tenantTotalCents", "platformFeeCents", "hostPayoutCents", "summary", "computedAt", "updatedAt")
    VALUES (gen_random_uuid(), ${deal.id}::uuid, ${deal.hostOrgId}::uuid, ${deal.tenantOrgId}::uuid, ${monthStart(month)}::date, 0, 0, 0, '{}', ${now}, ${now})
    ON CONFLICT ("dealId", "month") DO UPDATE SET "dealId" = EXCLUDED."dealId"
    RETURNING "id", "dealId", "hostOrgId", "tenantOrgId", "month", "status", "version", "stale", "computedAt", (xmax = 0) AS "created"`;
  if (!row) throw new Error(`statement of deal ${deal.id} for ${month} could not be locked`);
  const { created, ...locked } = row;
  return { locked, created };
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
export async function writeComputation(
  tx: AppTx,
  statement: LockedStatement,
  computed: Computation,
  now: Date,
  change: Prisma.SettlementStatementUpdateInput = {},
  options: { hasLines?: boolean } = {},
): Promise<SettlementStatement> {
  if (!OPEN_STATUSES.includes(statement.status)) throw new Error(`statement ${statement.id} is ${statement.status}: agreed statements are never recomputed`);
  const { actual, forecast } = computed;
  if (options.hasLines ?? true) await tx.statementLine.deleteMany({ where: { statementId: statement.id } });
  const written = await tx.settlementStatement.update({
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
  return written;
}
