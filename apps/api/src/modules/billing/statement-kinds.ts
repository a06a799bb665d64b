// Every kind of statement that is invoiced and paid out: colocation deals' (modules/settlement) and mining
// hosting deals' (modules/hosting), each through its StatementBillingPort.
import type { Billing } from '@gridshare/billing';
import type { AppPrisma } from '@gridshare/db';
import { HOSTING_STATEMENT_BILLING } from '../hosting/hosting-billing';
import { COLOCATION_STATEMENT_BILLING } from '../settlement/statement-billing';
import type { StatementBillingPort } from '../statement-billing/statement-billing-port';
import { type InvoicingRun, invoiceAgreedStatements as invoiceAgreed } from '../statement-billing/statement-invoicing';

export const STATEMENT_BILLING: readonly StatementBillingPort[] = [COLOCATION_STATEMENT_BILLING, HOSTING_STATEMENT_BILLING];

/** The worker's run: every AGREED statement of every kind. */
export const invoiceAgreedStatements = (prisma: AppPrisma, billing: Billing, limit?: number): Promise<InvoicingRun> => invoiceAgreed(STATEMENT_BILLING, prisma, billing, limit);
