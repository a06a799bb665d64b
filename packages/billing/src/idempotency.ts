// Every create call carries our own idempotency key, derived from our ids, so a retried operation (a
// retried mutation, a redelivered webhook, a re-run job) asks Stripe for the same thing again and gets the
// first answer back instead of a second customer, invoice, invoice item or transfer.
// Stripe keeps keys for at least 24 hours; where a retry can come later than that, the caller also
// looks for the existing object (invoices by metadata, customers and accounts stored on our rows).

export const idempotencyKey = {
  customer: (orgId: string) => `gs:org:${orgId}:customer`,
  connectAccount: (orgId: string) => `gs:org:${orgId}:connect-account`,
  /** A statement's invoice and what is done to it: docs/settlement.md names them `statement-<id>-…`. */
  statementInvoice: (statementId: string) => `statement-${statementId}-invoice`,
  /** One invoice item per statement line, by the line's position. */
  statementItem: (statementId: string, position: number) => `statement-${statementId}-item-${position}`,
  statementFinalize: (statementId: string) => `statement-${statementId}-finalize`,
  transfer: (dealId: string, invoiceId: string) => `gs:deal:${dealId}:invoice:${invoiceId}:transfer`,
  /**
   * Links (Checkout, portal, onboarding) expire within minutes, so their key includes a time window: within
   * it a repeated click gets the same link, after it a fresh one.
   */
  link: (orgId: string, purpose: string, window: number) => `gs:org:${orgId}:${purpose}:${window}`,
};

/** Ten-minute windows for link keys. */
export const linkWindow = (now: Date) => Math.floor(now.getTime() / 600_000);
