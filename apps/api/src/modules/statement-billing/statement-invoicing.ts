// Money from an agreed statement, whatever its kind (docs/settlement.md, "Money"). T > 0: one Stripe invoice
// for the payer's customer whose items are the statement's lines; the statement moves to INVOICED with the
// invoice id, then the invoice is charged (invoice.paid, the webhook, makes it PAID and pays the host).
// T = 0: nothing to collect, no invoice and no payout: straight to PAID. Stripe is never called inside a
// transaction; every call is idempotent (keys from the statement id), so this runs right after an agreement
// commits, again from the worker for automatic agreements and retries, from any number of processes.
import { type Billing, chargeStatementInvoice, describeStripeError, ensureCustomer, ensureStatementInvoice } from '@gridshare/billing';
import type { AppPrisma } from '@gridshare/db';
import type { StatementBillingPort } from './statement-billing-port';

export type InvoicingOutcome = 'PAID' | 'INVOICED' | 'SKIPPED';

export async function invoiceStatement(port: StatementBillingPort, prisma: AppPrisma, billing: Billing, statementId: string, now = new Date()): Promise<InvoicingOutcome> {
  const statement = await port.find(prisma, statementId);
  if (statement?.status !== 'AGREED') return 'SKIPPED';
  const by = { orgId: statement.payerOrgId, actor: `system:${port.systemName}` };

  if (statement.totalCents === 0n) {
    return prisma.$transaction(async (tx) => {
      if (!(await port.move(tx, statementId, 'AGREED', { status: 'PAID', paidAt: now }))) return 'SKIPPED';
      await port.recordMove(tx, by, statementId, 'paid', { from: 'AGREED', to: 'PAID', collected: 'nothing to collect', payout: 0 });
      return 'PAID';
    });
  }

  const customerId = await ensureCustomer(prisma, billing.stripe, statement.payerOrgId);
  const invoice = await ensureStatementInvoice(billing.stripe, {
    kind: port.kind,
    statementId,
    dealId: statement.dealId,
    month: statement.month,
    customerId,
    lines: statement.lines,
  });
  await prisma.$transaction(async (tx) => {
    // Conditional: the webhook may have been faster (the statement is PAID already) or another process.
    if (!(await port.move(tx, statementId, 'AGREED', { status: 'INVOICED', invoicedAt: now, stripeInvoiceId: invoice.invoiceId }))) return;
    await port.recordMove(tx, by, statementId, 'invoice', { from: 'AGREED', to: 'INVOICED', stripeInvoiceId: invoice.invoiceId, tenantTotalCents: Number(statement.totalCents) });
  });
  if (invoice.status === 'open') await chargeStatementInvoice(billing.stripe, invoice.invoiceId);
  return 'INVOICED';
}

export interface InvoicingRun {
  done: number;
  failed: { statementId: string; error: string }[];
}

/** For the worker: every AGREED statement of each kind (automatic agreements, and ones whose invoicing failed before). */
export async function invoiceAgreedStatements(ports: readonly StatementBillingPort[], prisma: AppPrisma, billing: Billing, limit = 100): Promise<InvoicingRun> {
  const result: InvoicingRun = { done: 0, failed: [] };
  for (const port of ports) {
    for (const id of await port.agreedIds(prisma, limit)) {
      try {
        if ((await invoiceStatement(port, prisma, billing, id)) !== 'SKIPPED') result.done += 1;
      } catch (error) {
        // One statement failing (Stripe down for a moment) does not hold back the others; the next run retries it.
        result.failed.push({ statementId: id, error: describeStripeError(error) });
      }
    }
  }
  return result;
}
