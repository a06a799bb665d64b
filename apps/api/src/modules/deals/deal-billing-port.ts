// What deal activation needs from billing, said from the deals side: modules/billing implements it
// (deal-billing.ts) and the request context carries it, so the deals module never imports billing.
import type { AppTx, Deal } from '@gridshare/db';
import type { Authorized } from '../../auth/principal';

/** A step beyond a move's own effect, run in the move's transaction on the moved deal; its answer is audited. */
export type DealStep = (tx: AppTx, deal: Deal) => Promise<Record<string, unknown>>;

export interface DealBillingPort {
  /** Runs before the move's transaction (it may call Stripe); the step it answers runs inside it. */
  prepareActivation(auth: Authorized, dealId: string): Promise<DealStep>;
}
