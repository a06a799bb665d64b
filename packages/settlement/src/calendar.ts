// Calendar months in UTC. Pure: derived from the 'YYYY-MM' string only, never from the clock.
import { parseIsoDate } from '@gridshare/revenue';

export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 24 * MS_PER_HOUR;
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface MonthCalendar {
  readonly month: string;
  /** 00:00 UTC on the 1st, ms since epoch. */
  readonly startMs: number;
  readonly days: number;
  /** days x 24 (UTC has no daylight saving). */
  readonly hours: number;
  /** 'YYYY-MM-01'. */
  readonly firstDate: string;
  /** Day of week of the 1st, 0 = Sunday. */
  readonly startDayOfWeek: number;
}

export function isMonth(month: string): boolean {
  return MONTH_RE.test(month);
}

/** The calendar of a 'YYYY-MM' month; RangeError when it is not one. */
export function monthCalendar(month: string): MonthCalendar {
  const m = MONTH_RE.exec(month);
  if (m === null) throw new RangeError(`month: '${month}' is not a month as YYYY-MM`);
  const year = Number(m[1]);
  const index = Number(m[2]) - 1;
  const startMs = Date.UTC(year, index, 1);
  const days = Math.round((Date.UTC(year, index + 1, 1) - startMs) / MS_PER_DAY);
  return {
    month,
    startMs,
    days,
    hours: days * 24,
    firstDate: isoDate(startMs),
    startDayOfWeek: new Date(startMs).getUTCDay(),
  };
}

/** 'YYYY-MM-DD' of an instant (UTC). */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** ISO instant of hour `h` of the month. */
export function hourInstant(cal: MonthCalendar, h: number): string {
  return new Date(cal.startMs + h * MS_PER_HOUR).toISOString();
}

/** A 'YYYY-MM-DD' date as hours from the month's start, clamped to [0, hours]. */
export function dateToMonthHour(cal: MonthCalendar, date: string): number {
  const ms = parseIsoDate(date);
  if (ms === null) throw new RangeError(`'${date}' is not a valid YYYY-MM-DD date`);
  return Math.min(cal.hours, Math.max(0, Math.round((ms - cal.startMs) / MS_PER_HOUR)));
}

/** The hours [from, until) of the month inside the deal's active period [activeFrom, activeUntil). */
export function activeHourRange(
  cal: MonthCalendar,
  activeFrom: string,
  activeUntil: string | null,
): { readonly from: number; readonly until: number } {
  const from = dateToMonthHour(cal, activeFrom);
  const until = activeUntil === null ? cal.hours : dateToMonthHour(cal, activeUntil);
  return { from, until: Math.max(from, until) };
}
