// Colocation statements as the shared statement billing sees them (modules/statement-billing): the tenant
// is invoiced the agreed statement's lines, the host is paid out what was collected less the fee.
import type { AppTx, Prisma, StatementStatus } from '@gridshare/db';
import type { BillableStatement, StatementBillingPort } from '../statement-billing/statement-billing-port';
import { monthOf } from './months';
import { recordStatementMove } from './statement-moves';
import { lockStatementById } from './statement-store';

async function find(db: AppTx, id: string): Promise<BillableStatement | null> {
  const row = await db.settlementStatement.findUnique({ where: { id }, include: { lines: { orderBy: { position: 'asc' } } } });
  if (!row) return null;
  return {
    id: row.id,
    dealId: row.dealId,
    payerOrgId: row.tenantOrgId,
    payeeOrgId: row.hostOrgId,
    month: monthOf(row.month),
    status: row.status,
    totalCents: row.tenantTotalCents,
    feeCents: row.platformFeeCents,
    lines: row.lines.map((line) => ({ position: line.position, description: line.description, amountCents: Number(line.amountCents) })),
  };
}

export const COLOCATION_STATEMENT_BILLING: StatementBillingPort = {
  kind: 'COLOCATION',
  systemName: 'settlement',
  find,
  async agreedIds(db, limit) {
    const rows = await db.settlementStatement.findMany({ where: { status: 'AGREED' }, orderBy: { agreedAt: 'asc' }, take: limit, select: { id: true } });
    return rows.map((row) => row.id);
  },
  async lock(tx, id) {
    return (await lockStatementById(tx, id))?.status ?? null;
  },
  async move(tx, id, from: StatementStatus, move) {
    const moved = await tx.settlementStatement.updateMany({ where: { id, status: from }, data: move satisfies Prisma.SettlementStatementUpdateManyMutationInput });
    return moved.count === 1;
  },
  async recordMove(tx, by, id, action, changes) {
    const statement = await tx.settlementStatement.findUniqueOrThrow({ where: { id } });
    await recordStatementMove(tx, by, statement, action, changes, action === 'paid' ? 'statement.paid' : undefined);
  },
  invoiceDeal: (statement) => ({ dealId: statement.dealId }),
  payout: (statement) => ({ where: { statementId: statement.id }, columns: { dealId: statement.dealId, statementId: statement.id } }),
};
