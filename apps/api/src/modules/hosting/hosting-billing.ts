// Hosting statements as the shared statement billing sees them (modules/statement-billing): the fleet is
// invoiced the agreed statement's lines (energy or pass-through and fee, credits, deposit held or applied,
// carried credit), the host is paid out what was collected less the platform fee.
import type { AppTx, StatementStatus } from '@gridshare/db';
import { writeAudit } from '../../audit';
import type { BillableStatement, StatementBillingPort } from '../statement-billing/statement-billing-port';
import { statementLines } from './hosting.mappers';

const monthOf = (month: Date) => month.toISOString().slice(0, 7);

async function find(db: AppTx, id: string): Promise<BillableStatement | null> {
  const row = await db.hostingStatement.findUnique({ where: { id } });
  if (!row) return null;
  return {
    id: row.id,
    dealId: row.dealId,
    payerOrgId: row.fleetOrgId,
    payeeOrgId: row.hostOrgId,
    month: monthOf(row.month),
    status: row.status,
    totalCents: row.tenantTotalCents,
    feeCents: row.platformFeeCents,
    lines: statementLines(row).map((line, position) => ({ position, description: line.description, amountCents: line.amountCents })),
  };
}

export const HOSTING_STATEMENT_BILLING: StatementBillingPort = {
  kind: 'HOSTING',
  systemName: 'hosting',
  find,
  async agreedIds(db, limit) {
    const rows = await db.hostingStatement.findMany({ where: { status: 'AGREED' }, orderBy: { agreedAt: 'asc' }, take: limit, select: { id: true } });
    return rows.map((row) => row.id);
  },
  async lock(tx, id) {
    const [row] = await tx.$queryRaw<{ status: StatementStatus }[]>`SELECT "status" FROM "HostingStatement" WHERE "id" = ${id}::uuid FOR UPDATE`;
    return row?.status ?? null;
  },
  async move(tx, id, from, move) {
    const moved = await tx.hostingStatement.updateMany({ where: { id, status: from }, data: move });
    return moved.count === 1;
  },
  async recordMove(tx, by, id, action, changes) {
    const { dealId, month } = await tx.hostingStatement.findUniqueOrThrow({ where: { id }, select: { dealId: true, month: true } });
    await writeAudit(tx, { orgId: by.orgId, actor: by.actor, action: `hosting-statement.${action}`, entityType: 'HostingStatement', entityId: id, changes: { dealId, month: monthOf(month), ...changes } });
  },
  invoiceDeal: (statement) => ({ hostingDealId: statement.dealId }),
  payout: (statement) => ({ where: { hostingStatementId: statement.id }, columns: { hostingDealId: statement.dealId, hostingStatementId: statement.id } }),
};
