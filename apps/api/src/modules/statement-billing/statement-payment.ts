// invoice.paid for a statement's invoice (the Stripe webhook, modules/billing/webhook-events.ts): the
// statement becomes PAID and the host's Payout row is written, in the webhook's transaction; the transfer
// runs after the commit (executePayout, retried by retry-payouts). The payout is what was collected, at most
// the statement's total, less its platform fee: never more than the platform received. One Payout per
// statement (unique), so a duplicate event, or another event for the same invoice, pays nothing twice.
import { type Stripe, statementPayoutCents } from '@gridshare/billing';
import type { AppTx } from '@gridshare/db';
import { ZId } from '../common/common.schemas';
import type { BillableStatement, StatementBillingPort } from './statement-billing-port';

export interface InvoicedStatement {
  port: StatementBillingPort;
  statement: BillableStatement;
}

/**
 * The statement an invoice carries (metadata.statement_id, of metadata.statement_kind: COLOCATION when
 * absent, as on invoices made before hosting was billed), when it is the payer's own statement.
 */
export async function statementOfInvoice(ports: readonly StatementBillingPort[], tx: AppTx, invoice: Stripe.Invoice, payerOrgId: string): Promise<InvoicedStatement | null> {
  const parsed = ZId.safeParse(invoice.metadata?.statement_id);
  const port = ports.find((candidate) => candidate.kind === (invoice.metadata?.statement_kind ?? 'COLOCATION'));
  if (!parsed.success || !port) return null;
  const statement = await port.find(tx, parsed.data);
  return statement?.payerOrgId === payerOrgId ? { port, statement } : null;
}

/** Marks the statement PAID and writes the host's payout; answers the payout to transfer after commit, if any. */
export async function recordStatementPaid(tx: AppTx, { port, statement }: InvoicedStatement, invoice: Stripe.Invoice, now = new Date()): Promise<{ payoutId: string | null }> {
  const status = await port.lock(tx, statement.id);
  if (!invoice.id || (status !== 'AGREED' && status !== 'INVOICED')) return { payoutId: null };
  await port.move(tx, statement.id, status, { status: 'PAID', paidAt: now, stripeInvoiceId: invoice.id, invoicedAt: status === 'AGREED' ? now : undefined });
  const amountCents = statementPayoutCents({
    amountPaidCents: invoice.amount_paid,
    tenantTotalCents: Number(statement.totalCents),
    platformFeeCents: Number(statement.feeCents),
  });
  const { where, columns } = port.payout(statement);
  const payout =
    amountCents > 0
      ? await tx.payout.upsert({
          where,
          create: { orgId: statement.payeeOrgId, stripeInvoiceId: invoice.id, amountCents: BigInt(amountCents), ...columns },
          update: {},
          select: { id: true, status: true },
        })
      : null;
  await port.recordMove(
    tx,
    { orgId: statement.payerOrgId, actor: 'system:stripe' },
    statement.id,
    'paid',
    { from: status, to: 'PAID', stripeInvoiceId: invoice.id, amountPaidCents: invoice.amount_paid, payoutCents: amountCents },
  );
  return { payoutId: payout && payout.status !== 'PAID' ? payout.id : null };
}
