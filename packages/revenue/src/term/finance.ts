// Discounted cash flow over a term. Flows are yearly (index 0 = today, the upfront investment; index y = the
// end of year y), in cents; payback is counted on monthly flows (each year's spread evenly over its months).
import type { Cents } from '../money.js';

/** Net present value at `ratePercent` a year: sum of flow[y] / (1 + r)^y, in (fractional) cents. */
export function npv(ratePercent: number, flows: readonly number[]): number {
  const r = ratePercent / 100;
  let value = 0;
  let factor = 1;
  for (const flow of flows) {
    value += flow / factor;
    factor *= 1 + r;
  }
  return value;
}

const IRR_LOW = -0.9999;
const IRR_HIGH = 1_000;

/**
 * Internal rate of return, % a year: the rate at which the NPV is zero. Found by bisection between -99.99% and
 * 100,000%, where the NPV of a flow with one sign change moves monotonically; null when the NPV does not change
 * sign there (no investment to return, or never returned).
 */
export function irr(flows: readonly number[]): number | null {
  const at = (r: number) => npv(r * 100, flows);
  let lo = IRR_LOW;
  let hi = IRR_HIGH;
  let fLo = at(lo);
  const fHi = at(hi);
  if (!Number.isFinite(fLo) || !Number.isFinite(fHi) || fLo === 0 || Math.sign(fLo) === Math.sign(fHi)) return fLo === 0 ? lo * 100 : null;
  // 200 halvings take the bracket far below a double's resolution; stop when it stops moving.
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    const fMid = at(mid);
    if (fMid === 0) return mid * 100;
    if (Math.sign(fMid) === Math.sign(fLo)) {
      lo = mid;
      fLo = fMid;
    } else {
      hi = mid;
    }
  }
  return ((lo + hi) / 2) * 100;
}

/** A year's cents over its 12 months, in whole cents that add up to the year (largest-remainder by position). */
export function monthlyCents(yearCents: Cents): Cents[] {
  const months: Cents[] = [];
  let before = 0;
  for (let m = 1; m <= 12; m++) {
    const upTo = Math.trunc((yearCents * m) / 12);
    months.push(upTo - before);
    before = upTo;
  }
  return months;
}

/**
 * First month (1 = the term's first) at whose end the cumulative cash, from `initial` at the start, is back to
 * zero or above; 0 when nothing was invested; null when it never is within the months given.
 */
export function paybackMonth(initial: Cents, monthly: readonly Cents[]): number | null {
  if (initial >= 0) return 0;
  let cumulative = initial;
  for (let i = 0; i < monthly.length; i++) {
    cumulative += monthly[i]!;
    if (cumulative >= 0) return i + 1;
  }
  return null;
}
