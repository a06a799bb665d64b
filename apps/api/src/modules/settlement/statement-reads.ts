// Reading statements: either party of the deal, in its own scope (withOrg + the party filter; row-level
// security lets the runtime role read only its deals' statements and lines). Lines come with each page in
// one more query, never one per statement.
import { type AppPrisma, type AppTx, withOrg } from '@gridshare/db';
import type { Authorized } from '../../auth/principal';
import { notFound } from '../../errors/domain-errors';
import { type TPageArgs, pageQuery } from '../../graphql/pagination';
import { addMonths, monthOf, monthStart } from './months';
import { STATEMENT_INCLUDE, type StatementWithLines } from './settlement.mappers';

const partyOf = (auth: Authorized) => ({ OR: [{ hostOrgId: auth.orgId }, { tenantOrgId: auth.orgId }] });

async function assertPartyDeal(tx: AppTx, auth: Authorized, dealId: string): Promise<void> {
  const deal = await tx.deal.findFirst({ where: { id: dealId, ...partyOf(auth) }, select: { id: true } });
  if (!deal) throw notFound('Deal', dealId);
}

export function findStatementsPage(prisma: AppPrisma, auth: Authorized, dealId: string, page: TPageArgs): Promise<StatementWithLines[]> {
  return withOrg(prisma, auth, async (tx) => {
    await assertPartyDeal(tx, auth, dealId);
    return tx.settlementStatement.findMany({
      where: { dealId, ...partyOf(auth) },
      include: STATEMENT_INCLUDE,
      ...pageQuery(page),
      orderBy: [{ month: 'desc' }, { id: 'desc' }],
    });
  });
}

export function countStatements(prisma: AppPrisma, auth: Authorized, dealId: string): Promise<number> {
  return withOrg(prisma, auth, (tx) => tx.settlementStatement.count({ where: { dealId, ...partyOf(auth) } }));
}

export async function readStatement(tx: AppTx, auth: Authorized, id: string): Promise<StatementWithLines> {
  const statement = await tx.settlementStatement.findFirst({ where: { id, ...partyOf(auth) }, include: STATEMENT_INCLUDE });
  if (!statement) throw notFound('Settlement statement', id);
  return statement;
}

export const getStatement = (prisma: AppPrisma, auth: Authorized, id: string) => withOrg(prisma, auth, (tx) => readStatement(tx, auth, id));

// Platform admins: the explicit system path (modules/admin/admin-access.ts), across organisations.

export function findDisputedStatements(prisma: AppPrisma, first: number) {
  return prisma.settlementStatement.findMany({
    where: { status: 'DISPUTED' },
    include: { ...STATEMENT_INCLUDE, deal: { select: { host: { select: { name: true } }, tenant: { select: { name: true } } } } },
    orderBy: [{ disputedAt: 'asc' }, { id: 'asc' }],
    take: first,
  });
}

/** Σ platform fee of the statements both parties agreed (AGREED, INVOICED, PAID), per month from `from` to `until`. */
export async function platformFeeIncome(prisma: AppPrisma, from: string, until: string): Promise<{ month: string; platformFeeCents: number; tenantTotalCents: number; statements: number }[]> {
  const rows = await prisma.$queryRaw<{ month: Date; fee: bigint; billed: bigint; statements: number }[]>`
    SELECT "month", sum("platformFeeCents")::bigint AS "fee", sum("tenantTotalCents")::bigint AS "billed", count(*)::int AS "statements"
      FROM "SettlementStatement"
     WHERE "status" IN ('AGREED', 'INVOICED', 'PAID') AND "month" >= ${monthStart(from)}::date AND "month" <= ${monthStart(until)}::date
     GROUP BY "month"`;
  const byMonth = new Map(rows.map((row) => [monthOf(row.month), row]));
  const months: string[] = [];
  for (let month = from; month <= until; month = addMonths(month, 1)) months.push(month);
  return months.map((month) => {
    const row = byMonth.get(month);
    return { month, platformFeeCents: Number(row?.fee ?? 0n), tenantTotalCents: Number(row?.billed ?? 0n), statements: row?.statements ?? 0 };
  });
}

