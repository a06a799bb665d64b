// Colocation: the contracted kW in force each day x the price per kW-month, prorated by day.
import { roundHalfAway } from '@gridshare/revenue';
import { MS_PER_DAY, isoDate, type MonthCalendar } from './calendar.js';
import type { Cents, KwChange } from './types.js';

/** Contracted IT kW in force on each day of the month: the last change effective on or before it. */
export function contractedKwByDay(cal: MonthCalendar, contractedKw: number, changes: readonly KwChange[]): Float64Array {
  const out = new Float64Array(cal.days);
  let kw = contractedKw;
  let next = 0;
  for (let d = 0; d < cal.days; d++) {
    const date = isoDate(cal.startMs + d * MS_PER_DAY);
    while (next < changes.length && changes[next]!.effectiveOn <= date) kw = changes[next++]!.kw;
    out[d] = kw;
  }
  return out;
}

export interface ColocationPeriod {
  readonly from: string;
  /** Exclusive. */
  readonly until: string;
  readonly kw: number;
  readonly days: number;
}

export interface Colocation {
  readonly amountCents: Cents;
  readonly kwDays: number;
  readonly activeDays: number;
  readonly periods: readonly ColocationPeriod[];
}

/** round(Σ over active days of kW_d x price / days in month), rounded once. */
export function colocation(
  cal: MonthCalendar,
  activeDays: { readonly from: number; readonly until: number },
  kwByDay: Float64Array,
  priceCentsPerKwMonth: number,
): Colocation {
  const periods: ColocationPeriod[] = [];
  let kwDays = 0;
  for (let d = activeDays.from; d < activeDays.until; d++) {
    const kw = kwByDay[d]!;
    kwDays += kw;
    const last = periods[periods.length - 1];
    const until = isoDate(cal.startMs + (d + 1) * MS_PER_DAY);
    if (last !== undefined && last.kw === kw) periods[periods.length - 1] = { ...last, until, days: last.days + 1 };
    else periods.push({ from: isoDate(cal.startMs + d * MS_PER_DAY), until, kw, days: 1 });
  }
  return {
    amountCents: roundHalfAway((kwDays * priceCentsPerKwMonth) / cal.days),
    kwDays,
    activeDays: activeDays.until - activeDays.from,
    periods,
  };
}
