// Money scheme: every yearly money figure is an integer number of cents.
// - Hourly metered amounts (energy, hash revenue, opex, demand response) are rounded to the cent once per
//   hour, half away from zero, and summed as integers, as a metered invoice would be. Integer sums of
//   JavaScript numbers are exact below 2^53 cents (~$90 trillion); the schema's bounds keep every total far
//   below that.
// - Lines that must add up are derived from each other by integer subtraction, never rounded twice.
// - Percentage splits use whole basis points in BigInt arithmetic, so they are exact and sum to the cent.

/** Integer cents. */
export type Cents = number;

/** A real number of cents to integer cents, half away from zero, never -0. */
export function roundHalfAway(cents: number): Cents {
  return (cents < 0 ? -Math.round(-cents) : Math.round(cents)) + 0;
}

/** Dollars to integer cents, half away from zero, never -0. */
export function roundCents(usd: number): Cents {
  return roundHalfAway(usd * 100);
}

/** A percentage with at most two decimals as whole basis points (12.34% -> 1234). */
export function basisPoints(percent: number): bigint {
  return BigInt(Math.round(percent * 100));
}

/** cents x percent / 100, rounded half away from zero, exactly. */
export function percentOf(cents: Cents, percent: number): Cents {
  const n = BigInt(cents) * basisPoints(percent);
  const abs = n < 0n ? -n : n;
  const q = (abs + 5_000n) / 10_000n;
  return Number(n < 0n ? -q : q) + 0;
}

/** cents x a real multiple (valuation multiples), rounded half away from zero. */
export function multiplyCents(cents: Cents, multiple: number): Cents {
  return roundHalfAway(cents * multiple);
}

export interface ShareSplit {
  readonly platformFee: Cents;
  readonly hostShare: Cents;
  readonly tenantShare: Cents;
}

/**
 * Splits a non-negative pool: the platform takes its fee, host and tenant share the rest. The host's share is
 * rounded down and the tenant takes the remainder, so the three add up to the pool exactly and the host's
 * share never falls when the pool grows (rounding half up would let one extra cent of pool cost the host one).
 */
export function splitPool(pool: Cents, hostPercent: number, platformFeePercent: number): ShareSplit {
  if (!Number.isSafeInteger(pool) || pool < 0) throw new RangeError(`pool must be a non-negative integer of cents, got ${pool}`);
  const p = BigInt(pool);
  const feeBp = basisPoints(platformFeePercent);
  const hostBp = basisPoints(hostPercent);
  const platformFee = (p * feeBp + 5_000n) / 10_000n;
  const hostShare = (p * (10_000n - feeBp) * hostBp) / 100_000_000n;
  return {
    platformFee: Number(platformFee),
    hostShare: Number(hostShare),
    tenantShare: Number(p - platformFee - hostShare),
  };
}
