// A Stripe call that fails reaches the client as BILLING_UNAVAILABLE with no detail from Stripe (which
// could name accounts or keys); the detail goes to the log, secret-free.
import { describeStripeError } from '@gridshare/billing';
import type { Logger } from 'pino';
import { DomainError, appError } from '../../errors/domain-errors';

export function billingUnavailable(logger: Logger, error: unknown): DomainError {
  logger.error({ stripeError: describeStripeError(error) }, 'stripe call failed');
  return appError('BILLING_UNAVAILABLE', 'Billing could not reach Stripe; nothing was changed. Try again shortly.');
}

/** Runs a Stripe step; domain errors (ours) pass, anything else becomes BILLING_UNAVAILABLE. */
export async function viaStripe<T>(logger: Logger, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw billingUnavailable(logger, error);
  }
}
