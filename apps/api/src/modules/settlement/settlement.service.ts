// Settlement use-cases for the API: the caller is authorised in its own scope (withOrg), then the statement
// is computed or moved on the system path (statement-drafts.ts, statement-moves.ts), and answered as the
// caller reads it. After an agreement commits, the statement is invoiced at once when Stripe answers;
// otherwise the worker does it (modules/statement-billing).
import { type Billing, describeStripeError } from '@gridshare/billing';
import type { AppPrisma } from '@gridshare/db';
import type { Logger } from 'pino';
import type { Authorized } from '../../auth/principal';
import { recomputeStatement as recompute } from './statement-drafts';
import { invoiceStatement } from '../statement-billing/statement-invoicing';
import { COLOCATION_STATEMENT_BILLING } from './statement-billing';
import { type StatementRole, agreeStatement as agree, assertRole, disputeStatement as dispute, findPartyStatement, issueStatement as issue, reissueStatement as reissue } from './statement-moves';
import { getStatement } from './statement-reads';

export interface SettlementDeps {
  prisma: AppPrisma;
  billing: Billing;
  logger: Logger;
}

async function moveAs(prisma: AppPrisma, auth: Authorized, id: string, required: StatementRole, action: string, move: () => Promise<unknown>) {
  const { role } = await findPartyStatement(prisma, auth, id);
  assertRole(role, required, id, action);
  await move();
}

export async function recomputeStatement(prisma: AppPrisma, auth: Authorized, dealId: string, month: string) {
  const statement = await recompute(prisma, auth, dealId, month);
  return getStatement(prisma, auth, statement.id);
}

export async function issueStatement(prisma: AppPrisma, auth: Authorized, id: string) {
  await moveAs(prisma, auth, id, 'HOST', 'issue', () => issue(prisma, auth, id));
  return getStatement(prisma, auth, id);
}

export async function reissueStatement(prisma: AppPrisma, auth: Authorized, id: string) {
  await moveAs(prisma, auth, id, 'HOST', 're-issue', () => reissue(prisma, auth, id));
  return getStatement(prisma, auth, id);
}

export async function disputeStatement(prisma: AppPrisma, auth: Authorized, id: string, reason: string) {
  await moveAs(prisma, auth, id, 'TENANT', 'dispute', () => dispute(prisma, auth, id, reason));
  return getStatement(prisma, auth, id);
}

/** The agreement stands whatever Stripe does next: a failed invoicing is logged and retried by the worker. */
export async function agreeStatement({ prisma, billing, logger }: SettlementDeps, auth: Authorized, id: string) {
  await moveAs(prisma, auth, id, 'TENANT', 'agree', () => agree(prisma, auth, id));
  try {
    await invoiceStatement(COLOCATION_STATEMENT_BILLING, prisma, billing, id);
  } catch (error) {
    logger.warn({ statementId: id, stripeError: describeStripeError(error) }, 'statement agreed but not invoiced yet; the worker retries it');
  }
  return getStatement(prisma, auth, id);
}
