import { label } from '@/lib/format';

const TIER_CLASS: Record<string, string> = { AI_READY: 'ok', CONVERTIBLE: 'warn', MINING_ONLY: 'bad' };
const STATUS_CLASS: Record<string, string> = {
  PUBLISHED: 'ok', SIGNED: 'ok', ACTIVE: 'ok', ACCEPTED: 'ok', OPEN: 'ok', VERIFIED: 'ok',
  DRAFT: 'warn', PROPOSED: 'warn', PENDING: 'warn', RESERVED: 'warn',
  REJECTED: 'bad', WITHDRAWN: 'bad', SUSPENDED: 'bad', ENDED: 'bad',
  // Billing and webhooks (Stripe's own statuses come lower-case; StatusBadge upper-cases them).
  // Settlement: statements and curtailment events.
  ISSUED: 'warn', AGREED: 'ok', INVOICED: 'ok', DISPUTED: 'bad', RECORDED: 'ok',
  PAID: 'ok', DELIVERED: 'ok', TRIALING: 'ok', FAILED: 'bad', PAYMENT_FAILED: 'bad', PAST_DUE: 'bad', CANCELED: 'bad',
};

export function TierBadge({ tier }: { tier: string }) {
  return <span className={`badge ${TIER_CLASS[tier] ?? ''}`}>{label(tier)}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge ${STATUS_CLASS[status.toUpperCase()] ?? ''}`}>{label(status)}</span>;
}
