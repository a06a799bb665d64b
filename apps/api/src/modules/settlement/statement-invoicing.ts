// Money from an agreed statement (docs/settlement.md, "Money"). T > 0: one Stripe invoice for the tenant's
// customer whose items are the statement's lines; the statement moves to INVOICED with the invoice id, then
// the invoice is charged (invoice.paid, the webhook, makes it PAID and pays the host). T = 0: nothing to
// collect, no invoice and no payout: straight to PAID. Stripe is never called inside a transaction; every
// call is idempotent (keys from the statement id), so this runs right after an agreement commits, again
// from the worker for automatic agreements and retries, from any number of processes.
import { type Billing, chargeStatementInvoice, describeStripeError, ensureCustomer, ensureStatementInvoice } from '@gridshare/billing';
import type { AppPrisma } from '@gridshare/db';
import { monthOf } from './months';
import { type Actor, recordStatementMove } from './statement-moves';

export type InvoicingOutcome = 'PAID' | 'INVOICED' | 'SKIPPED';

/** The system acting on the tenant's behalf (audited in the tenant's organisation: it is the payer). */
const systemActor = (tenantOrgId: string, what: string): Actor => ({ orgId: tenantOrgId, actor: `system:${what}` });

export async function invoiceStatement(prisma: AppPrisma, billing: Billing, statementId: string, now = new Date()): Promise<InvoicingOutcome> {
  const statement = await prisma.settlementStatement.findUnique({ where: { id: statementId }, include: { lines: { orderBy: { position: 'asc' } } } });
  if (statement?.status !== 'AGREED') return 'SKIPPED';
  const by = systemActor(statement.tenantOrgId, 'settlement');

  if (statement.tenantTotalCents === 0n) {
    return prisma.$transaction(async (tx) => {
      const moved = await tx.settlementStatement.updateMany({ where: { id: statementId, status: 'AGREED' }, data: { status: 'PAID', paidAt: now } });
      if (moved.count === 0) return 'SKIPPED';
      const paid = await tx.settlementStatement.findUniqueOrThrow({ where: { id: statementId } });
      await recordStatementMove(tx, by, paid, 'paid', { from: 'AGREED', to: 'PAID', collected: 'nothing to collect', payout: 0 }, 'statement.paid');
      return 'PAID';
    });
  }

  const customerId = await ensureCustomer(prisma, billing.stripe, statement.tenantOrgId);
  const invoice = await ensureStatementInvoice(billing.stripe, {
    statementId,
    dealId: statement.dealId,
    month: monthOf(statement.month),
    customerId,
    lines: statement.lines.map((line) => ({ position: line.position, description: line.description, amountCents: Number(line.amountCents) })),
  });
  await prisma.$transaction(async (tx) => {
    // Conditional: the webhook may have been faster (the statement is PAID already) or another process.
    const moved = await tx.settlementStatement.updateMany({ where: { id: statementId, status: 'AGREED' }, data: { status: 'INVOICED', invoicedAt: now, stripeInvoiceId: invoice.invoiceId } });
    if (moved.count === 0) return;
    const invoiced = await tx.settlementStatement.findUniqueOrThrow({ where: { id: statementId } });
    await recordStatementMove(tx, by, invoiced, 'invoice', { from: 'AGREED', to: 'INVOICED', stripeInvoiceId: invoice.invoiceId, tenantTotalCents: Number(invoiced.tenantTotalCents) });
  });
  if (invoice.status === 'open') await chargeStatementInvoice(billing.stripe, invoice.invoiceId);
  return 'INVOICED';
}

/** For the worker: every AGREED statement (automatic agreements, and ones whose invoicing failed before). */
export async function invoiceAgreedStatements(prisma: AppPrisma, billing: Billing, limit = 100): Promise<{ done: number; failed: { statementId: string; error: string }[] }> {
  const due = await prisma.settlementStatement.findMany({ where: { status: 'AGREED' }, orderBy: { agreedAt: 'asc' }, take: limit, select: { id: true } });
  const result = { done: 0, failed: [] as { statementId: string; error: string }[] };
  for (const { id } of due) {
    try {
      if ((await invoiceStatement(prisma, billing, id)) !== 'SKIPPED') result.done += 1;
    } catch (error) {
      // One statement failing (Stripe down for a moment) does not hold back the others; the next run retries it.
      result.failed.push({ statementId: id, error: describeStripeError(error) });
    }
  }
  return result;
}
