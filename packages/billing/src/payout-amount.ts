// What the host receives for a paid statement invoice (docs/settlement.md, "Money"): what was collected, but
// never more than the statement's total, less the platform fee the statement took. Integer cents. The
// amounts come from the agreed statement and Stripe's invoice; nothing a party saved (a revenue scenario,
// a form) enters it.

export interface StatementPayoutInputs {
  /** What Stripe collected on the statement's invoice. */
  amountPaidCents: number;
  /** The agreed statement's tenant total T (what the invoice asked for). */
  tenantTotalCents: number;
  /** The agreed statement's platform fee (≤ T). */
  platformFeeCents: number;
}

/** max(0, min(collected, T) − fee): a partial payment pays out less, an overpayment never more. */
export function statementPayoutCents(inputs: StatementPayoutInputs): number {
  return Math.max(0, Math.min(inputs.amountPaidCents, inputs.tenantTotalCents) - inputs.platformFeeCents);
}
