// Stripe customers and Connect accounts belong to organisations, created the first time they are needed.
// This runs on the system path (the owner connection): a host activating a deal needs the tenant's
// customer, which the host's row-level-security scope cannot see.
import type { AppPrisma } from '@gridshare/db';
import type Stripe from 'stripe';
import { createConnectAccount, createCustomer } from './operations';

/**
 * The organisation's Stripe customer id, created once. Two concurrent callers send the same idempotency
 * key, so Stripe answers both with one customer; the conditional update keeps whichever id came first.
 */
export async function ensureCustomer(prisma: AppPrisma, stripe: Stripe, orgId: string): Promise<string> {
  const org = await prisma.organization.findUniqueOrThrow({ where: { id: orgId }, select: { id: true, name: true, stripeCustomerId: true } });
  if (org.stripeCustomerId) return org.stripeCustomerId;
  const customerId = await createCustomer(stripe, org);
  await prisma.organization.updateMany({ where: { id: orgId, stripeCustomerId: null }, data: { stripeCustomerId: customerId } });
  const stored = await prisma.organization.findUniqueOrThrow({ where: { id: orgId }, select: { stripeCustomerId: true } });
  return stored.stripeCustomerId ?? customerId;
}

/** The organisation's Connect account id (hosts receive payouts there), created once. */
export async function ensureConnectAccount(prisma: AppPrisma, stripe: Stripe, orgId: string): Promise<string> {
  const org = await prisma.organization.findUniqueOrThrow({ where: { id: orgId }, select: { id: true, stripeAccountId: true } });
  if (org.stripeAccountId) return org.stripeAccountId;
  const accountId = await createConnectAccount(stripe, org);
  await prisma.organization.updateMany({ where: { id: orgId, stripeAccountId: null }, data: { stripeAccountId: accountId } });
  const stored = await prisma.organization.findUniqueOrThrow({ where: { id: orgId }, select: { stripeAccountId: true } });
  return stored.stripeAccountId ?? accountId;
}
