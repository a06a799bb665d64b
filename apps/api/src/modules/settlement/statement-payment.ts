// invoice.paid for a statement's invoice (the Stripe webhook, modules/billing/webhook-events.ts): the
// statement becomes PAID and the host's Payout row is written, in the webhook's transaction; the transfer
// runs after the commit (executePayout, retried by retry-payouts). The payout is what was collected, at most
// the statement's total, less its platform fee: never more than the platform received. One Payout per
// statement (unique), so a duplicate event, or another event for the same invoice, pays nothing twice.
import { type Stripe, statementPayoutCents } from '@gridshare/billing';
import type { AppTx } from '@gridshare/db';
import { ZId } from '../common/common.schemas';
import { recordStatementMove } from './statement-moves';
import { lockStatementById } from './statement-store';

/** The statement an invoice carries (metadata.statement_id), when it is the payer's own statement. */
export async function statementOfInvoice(tx: AppTx, invoice: Stripe.Invoice, payerOrgId: string): Promise<{ id: string; dealId: string } | null> {
  const parsed = ZId.safeParse(invoice.metadata?.statement_id);
  if (!parsed.success) return null;
  const statement = await tx.settlementStatement.findUnique({ where: { id: parsed.data }, select: { id: true, dealId: true, tenantOrgId: true } });
  return statement?.tenantOrgId === payerOrgId ? { id: statement.id, dealId: statement.dealId } : null;
}

/** Marks the statement PAID and writes the host's payout; answers the payout to transfer after commit, if any. */
export async function recordStatementPaid(tx: AppTx, statementId: string, invoice: Stripe.Invoice, now = new Date()): Promise<{ payoutId: string | null }> {
  const locked = await lockStatementById(tx, statementId);
  if (!locked || !['AGREED', 'INVOICED'].includes(locked.status)) return { payoutId: null };
  const statement = await tx.settlementStatement.update({
    where: { id: statementId },
    data: { status: 'PAID', paidAt: now, stripeInvoiceId: invoice.id, invoicedAt: locked.status === 'AGREED' ? now : undefined },
  });
  const amountCents = statementPayoutCents({
    amountPaidCents: invoice.amount_paid,
    tenantTotalCents: Number(statement.tenantTotalCents),
    platformFeeCents: Number(statement.platformFeeCents),
  });
  const payout =
    amountCents > 0 && invoice.id
      ? await tx.payout.upsert({
          where: { statementId },
          create: { orgId: statement.hostOrgId, dealId: statement.dealId, stripeInvoiceId: invoice.id, statementId, amountCents: BigInt(amountCents) },
          update: {},
          select: { id: true, status: true },
        })
      : null;
  await recordStatementMove(
    tx,
    { orgId: statement.tenantOrgId, actor: 'system:stripe' },
    statement,
    'paid',
    { from: locked.status, to: 'PAID', stripeInvoiceId: invoice.id, amountPaidCents: invoice.amount_paid, payoutCents: amountCents },
    'statement.paid',
  );
  return { payoutId: payout && payout.status !== 'PAID' ? payout.id : null };
}
