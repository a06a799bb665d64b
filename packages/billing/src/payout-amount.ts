// The host's share of a paid invoice: what the tenant paid less the platform fee, plus the host's share of
// backfill mining for the invoice's period from the revenue model's settlement. Integer cents throughout.

export interface PayoutInputs {
  /** What the tenant paid on the invoice. */
  amountPaidCents: number;
  /** Platform fee on colocation, basis points (300 = 3%). */
  platformFeeBps: number;
  /** Host's backfill-mining share for the whole settlement period (e.g. a simulated year), cents. */
  settlementHostShareCents: number;
  /** Length of that settlement period, hours. */
  settlementHours: number;
  /** The invoice's period. */
  periodStart: Date;
  periodEnd: Date;
}

const HOUR_MS = 3_600_000;

/** The settlement's host share for the invoice's hours (pro rata), rounded half up to the cent. */
export function miningShareForPeriod(inputs: Pick<PayoutInputs, 'settlementHostShareCents' | 'settlementHours' | 'periodStart' | 'periodEnd'>): number {
  const hours = Math.max(0, (inputs.periodEnd.getTime() - inputs.periodStart.getTime()) / HOUR_MS);
  if (inputs.settlementHours <= 0 || inputs.settlementHostShareCents <= 0) return 0;
  return Math.round((inputs.settlementHostShareCents * hours) / inputs.settlementHours);
}

/** Platform fee rounded half up, so the host never gets the rounding at the platform's expense twice. */
export function platformFeeCents(amountPaidCents: number, platformFeeBps: number): number {
  return Math.round((amountPaidCents * platformFeeBps) / 10_000);
}

export function hostPayoutCents(inputs: PayoutInputs): number {
  const colocation = inputs.amountPaidCents - platformFeeCents(inputs.amountPaidCents, inputs.platformFeeBps);
  return Math.max(0, colocation + miningShareForPeriod(inputs));
}
