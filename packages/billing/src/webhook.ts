// Webhook verification: the raw body, the Stripe-Signature header and our signing secret, with Stripe's
// recommended 300-second tolerance against replays (never 0, which would turn the check off).
import type Stripe from 'stripe';

export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** The verified event, or throws (Stripe.errors.StripeSignatureVerificationError) when anything is off. */
export function verifyWebhook(stripe: Stripe, rawBody: Buffer | string, signature: string | undefined, secret: string): Stripe.Event {
  return stripe.webhooks.constructEvent(rawBody, signature ?? '', secret, WEBHOOK_TOLERANCE_SECONDS);
}
