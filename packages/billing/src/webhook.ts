// Webhook verification: the raw body, the Stripe-Signature header and our signing secret, with Stripe's
// recommended 300-second tolerance against replays (never 0, which would turn the check off).
import Stripe from 'stripe';

export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** The `t=` of a Stripe-Signature header (seconds), when there is exactly one. */
function signedAt(signature: string): number | undefined {
  const stamps = signature.split(',').filter((part) => part.trim().startsWith('t='));
  if (stamps.length !== 1) return undefined;
  const seconds = Number(stamps[0]!.trim().slice(2));
  return Number.isInteger(seconds) ? seconds : undefined;
}

/**
 * The verified event, or throws (Stripe.errors.StripeSignatureVerificationError) when anything is off.
 * stripe-node refuses signatures older than the tolerance only; one stamped further ahead would stay
 * valid until its time came, so the tolerance is applied in both directions here.
 */
export function verifyWebhook(stripe: Stripe, rawBody: Buffer | string, signature: string | undefined, secret: string, nowSeconds = Math.floor(Date.now() / 1000)): Stripe.Event {
  const event = stripe.webhooks.constructEvent(rawBody, signature ?? '', secret, WEBHOOK_TOLERANCE_SECONDS);
  const timestamp = signedAt(signature ?? '');
  if (timestamp === undefined || timestamp - nowSeconds > WEBHOOK_TOLERANCE_SECONDS) {
    throw new Stripe.errors.StripeSignatureVerificationError(signature ?? '', rawBody, {
      message: 'Timestamp outside the tolerance zone (in the future)',
    });
  }
  return event;
}
