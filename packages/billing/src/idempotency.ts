// Every create call carries our own idempotency key, derived from our ids, so a retried operation (a
// retried mutation, a redelivered webhook, a re-run job) asks Stripe for the same thing again and gets the
// first answer back instead of a second customer, subscription, transfer or meter event.
// Stripe keeps keys for at least 24 hours; where a retry can come later than that, the caller also
// looks for the existing object (subscriptions by metadata, customers and accounts stored on our rows).

export const idempotencyKey = {
  customer: (orgId: string) => `gs:org:${orgId}:customer`,
  connectAccount: (orgId: string) => `gs:org:${orgId}:connect-account`,
  dealProduct: (dealId: string) => `gs:deal:${dealId}:product`,
  dealSubscription: (dealId: string) => `gs:deal:${dealId}:subscription`,
  dealCancel: (dealId: string) => `gs:deal:${dealId}:cancel-at-period-end`,
  /** One agreed change (`changeId`: when it was proposed): 40 → 30 → 40 → 30 MW is three updates, not two. */
  dealQuantity: (dealId: string, kw: number, changeId: string) => `gs:deal:${dealId}:quantity:${kw}:${changeId}`,
  transfer: (dealId: string, invoiceId: string) => `gs:deal:${dealId}:invoice:${invoiceId}:transfer`,
  meterEvent: (dealId: string, day: string) => `gs:deal:${dealId}:usage:${day}`,
  /**
   * Links (Checkout, portal, onboarding) expire within minutes, so their key includes a time window: within
   * it a repeated click gets the same link, after it a fresh one.
   */
  link: (orgId: string, purpose: string, window: number) => `gs:org:${orgId}:${purpose}:${window}`,
};

/** Ten-minute windows for link keys. */
export const linkWindow = (now: Date) => Math.floor(now.getTime() / 600_000);
