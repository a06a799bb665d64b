// An agreed statement becomes one Stripe invoice for the tenant's customer (docs/settlement.md, "Money"):
// one invoice item per statement line, description and amount as on the statement (credits negative), so
// the invoice's total is the statement's tenant total T. Every create carries a key from the statement id,
// and the invoice carries `metadata.statement_id`: a retry within Stripe's 24-hour key window replays the
// first answers, a later one finds the invoice by its metadata and adds only the items it lacks.
import Stripe from 'stripe';
import { idempotencyKey } from './idempotency';

export interface StatementInvoiceLine {
  /** The line's position on the statement: the item's key and `metadata.statement_line`. */
  position: number;
  description: string;
  amountCents: number;
}

export interface StatementInvoiceRequest {
  /** Which table the statement is in: `metadata.statement_kind` tells the webhook where to look. */
  kind: 'COLOCATION' | 'HOSTING';
  statementId: string;
  dealId: string;
  /** 'YYYY-MM'. */
  month: string;
  customerId: string;
  lines: readonly StatementInvoiceLine[];
}

export type StatementInvoiceStatus = 'open' | 'paid';

export interface StatementInvoice {
  invoiceId: string;
  status: StatementInvoiceStatus;
}

async function findStatementInvoice(stripe: Stripe, request: StatementInvoiceRequest): Promise<Stripe.Invoice | null> {
  for await (const invoice of stripe.invoices.list({ customer: request.customerId, limit: 100 })) {
    if (invoice.metadata?.statement_id === request.statementId) return invoice;
  }
  return null;
}

const createInvoice = (stripe: Stripe, request: StatementInvoiceRequest) =>
  stripe.invoices.create(
    {
      customer: request.customerId,
      currency: 'usd',
      collection_method: 'charge_automatically',
      // Only this statement's items: never another statement's (or anything else's) pending items.
      pending_invoice_items_behavior: 'exclude',
      description: `Gridshare ${request.kind === 'HOSTING' ? 'hosting' : 'settlement'} statement ${request.month}, deal ${request.dealId}`,
      metadata: { statement_id: request.statementId, statement_kind: request.kind, deal_id: request.dealId, month: request.month },
    },
    { idempotencyKey: idempotencyKey.statementInvoice(request.statementId) },
  );

/** Adds the lines a draft lacks (all of them, the first time), each once. */
async function addMissingItems(stripe: Stripe, invoiceId: string, request: StatementInvoiceRequest): Promise<void> {
  const present = new Set<string>();
  for await (const item of stripe.invoiceItems.list({ invoice: invoiceId, limit: 100 })) present.add(item.metadata?.statement_line ?? '');
  for (const line of request.lines) {
    if (present.has(String(line.position))) continue;
    await stripe.invoiceItems.create(
      {
        customer: request.customerId,
        invoice: invoiceId,
        currency: 'usd',
        amount: line.amountCents,
        description: line.description,
        metadata: { statement_id: request.statementId, statement_line: String(line.position) },
      },
      { idempotencyKey: idempotencyKey.statementItem(request.statementId, line.position) },
    );
  }
}

/**
 * The statement's finalized invoice, made once however often (and from however many workers) it is asked.
 * Answers its id and whether it is still open or already paid.
 */
export async function ensureStatementInvoice(stripe: Stripe, request: StatementInvoiceRequest): Promise<StatementInvoice> {
  const invoice = (await findStatementInvoice(stripe, request)) ?? (await createInvoice(stripe, request));
  if (invoice.status !== 'draft') return { invoiceId: invoice.id, status: invoice.status === 'paid' ? 'paid' : 'open' };
  await addMissingItems(stripe, invoice.id, request);
  const finalized = await stripe.invoices.finalizeInvoice(invoice.id, { auto_advance: true }, { idempotencyKey: idempotencyKey.statementFinalize(request.statementId) });
  return { invoiceId: finalized.id, status: finalized.status === 'paid' ? 'paid' : 'open' };
}

/**
 * Charges an open invoice now. No idempotency key on purpose: a declined attempt must be retryable, and
 * paying is idempotent by itself (a paid invoice is not open, so it is not charged again). `invoice.paid`
 * (the webhook) is what marks the statement PAID; this answers only whether Stripe collected now.
 */
export async function chargeStatementInvoice(stripe: Stripe, invoiceId: string): Promise<StatementInvoiceStatus> {
  const invoice = await stripe.invoices.retrieve(invoiceId);
  if (invoice.status !== 'open') return invoice.status === 'paid' ? 'paid' : 'open';
  try {
    const paid = await stripe.invoices.pay(invoiceId);
    return paid.status === 'paid' ? 'paid' : 'open';
  } catch (error) {
    // Declined: the invoice stays open, Stripe's own retries (auto_advance) go on, invoice.payment_failed tells us.
    if (error instanceof Stripe.errors.StripeCardError) return 'open';
    throw error;
  }
}
