// What billing needs of a kind of monthly statement (colocation: modules/settlement; mining hosting:
// modules/hosting), so that one implementation invoices every agreed statement and pays its host out
// (statement-invoicing.ts, statement-payment.ts). Each kind keeps its own table, states and audit; the
// money path (invoice lines = statement lines, payout = collected − fee, once per statement) is shared.
import type { StatementInvoiceLine } from '@gridshare/billing';
import type { AppTx, Prisma, StatementStatus } from '@gridshare/db';

export type StatementKind = 'COLOCATION' | 'HOSTING';

/** An agreed statement as billing sees it. */
export interface BillableStatement {
  id: string;
  dealId: string;
  /** Who is invoiced (the tenant, the fleet) and who is paid out (the host). */
  payerOrgId: string;
  payeeOrgId: string;
  /** 'YYYY-MM'. */
  month: string;
  status: StatementStatus;
  /** T: Σ lines (≥ 0); what the invoice asks for. */
  totalCents: bigint;
  /** The platform's fee (≤ T): kept out of the host's payout. */
  feeCents: bigint;
  /** In statement order; their amounts sum to T. */
  lines: readonly StatementInvoiceLine[];
}

/** The billing moves of a statement after its agreement. */
export type BillingMove =
  | { status: 'INVOICED'; invoicedAt: Date; stripeInvoiceId: string }
  | { status: 'PAID'; paidAt: Date; stripeInvoiceId?: string; invoicedAt?: Date };

/** Who acts, for the audit row: the system on the payer's behalf (it is the payer's money). */
export interface BillingActor {
  orgId: string;
  actor: string;
}

export interface StatementBillingPort {
  readonly kind: StatementKind;
  /** `system:<name>` audits the invoicing. */
  readonly systemName: string;
  /** The statement and its lines (system path), or null. */
  find(db: AppTx, id: string): Promise<BillableStatement | null>;
  /** AGREED statements, oldest agreement first: the worker invoices them. */
  agreedIds(db: AppTx, limit: number): Promise<string[]>;
  /** Locks the statement row until the transaction ends; its status, or null when there is none. */
  lock(tx: AppTx, id: string): Promise<StatementStatus | null>;
  /** Applies `move` if the statement is still in `from`; answers whether it moved. */
  move(tx: AppTx, id: string, from: StatementStatus, move: BillingMove): Promise<boolean>;
  /** The move's audit row (and partner events, where the kind has them), in the move's transaction. */
  recordMove(tx: AppTx, by: BillingActor, id: string, action: 'invoice' | 'paid', changes: Record<string, unknown>): Promise<void>;
  /** The invoice row's deal column. */
  invoiceDeal(statement: BillableStatement): Pick<Prisma.InvoiceUncheckedCreateInput, 'dealId' | 'hostingDealId'>;
  /** The host's payout row for the statement: its unique key and its deal and statement columns. */
  payout(statement: BillableStatement): {
    where: Prisma.PayoutWhereUniqueInput;
    columns: Pick<Prisma.PayoutUncheckedCreateInput, 'dealId' | 'statementId' | 'hostingDealId' | 'hostingStatementId'>;
  };
}
