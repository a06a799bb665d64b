// The simulated year: hour 0 is 00:00 UTC on the start date; the year runs to the same date one year later.
// Pure: derived from the date string only, never from the clock.

const MS_PER_HOUR = 3_600_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface YearCalendar {
  /** 8,760, or 8,784 when the year contains 29 February. */
  readonly hours: number;
  /** Day of week of the start date, 0 = Sunday (UTC). */
  readonly startDayOfWeek: number;
  /** 'YYYY-MM-DD' of the first day after the simulated year. */
  readonly endDate: string;
}

/** Parses 'YYYY-MM-DD' as a real calendar date (UTC midnight, ms since epoch), or null. */
export function parseIsoDate(date: string): number | null {
  const m = DATE_RE.exec(date);
  if (m === null) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2023-02-30 over to March; a round trip catches it.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms;
}

/**
 * One calendar year from `startDate`. A start on 29 February ends on 1 March of the next year
 * (Date.UTC's rollover), so that year also has 366 days.
 */
export function yearCalendar(startDate: string): YearCalendar {
  const start = parseIsoDate(startDate);
  if (start === null) throw new RangeError(`startDate: '${startDate}' is not a valid YYYY-MM-DD date`);
  const s = new Date(start);
  const end = Date.UTC(s.getUTCFullYear() + 1, s.getUTCMonth(), s.getUTCDate());
  return {
    hours: Math.round((end - start) / MS_PER_HOUR),
    startDayOfWeek: s.getUTCDay(),
    endDate: new Date(end).toISOString().slice(0, 10),
  };
}

/** 'YYYY-MM-DD' `years` calendar years after a valid date (29 February rolls over to 1 March, as yearCalendar). */
export function addYears(date: string, years: number): string {
  const s = new Date(parseIsoDate(date) ?? Number.NaN);
  return new Date(Date.UTC(s.getUTCFullYear() + years, s.getUTCMonth(), s.getUTCDate())).toISOString().slice(0, 10);
}

/** Whole days from one valid date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round(((parseIsoDate(to) ?? Number.NaN) - (parseIsoDate(from) ?? Number.NaN)) / 86_400_000);
}

/** Hours in the year that starts on `startDate` (8,760 or 8,784). */
export function hoursInYear(startDate: string): number {
  return yearCalendar(startDate).hours;
}

/** x mod n, never negative. */
export function mod(x: number, n: number): number {
  return ((x % n) + n) % n;
}

/**
 * Writes (or adds, times `weight`) a local-time table into `out` for every hour of the year: `table` holds 48
 * values, local hours 0-23 of a weekday then of a weekend day. A fixed UTC offset: daylight saving is not
 * modelled (a one-hour shift for part of the year, inside these profiles' precision).
 */
export function fillFromLocalTable(
  out: Float64Array,
  cal: YearCalendar,
  utcOffsetHours: number,
  table: Float64Array,
  weight: number,
  add: boolean,
): void {
  let localHour = mod(utcOffsetHours, 24);
  let dow = mod(cal.startDayOfWeek + Math.floor(utcOffsetHours / 24), 7);
  for (let h = 0; h < cal.hours; h++) {
    const weekend = dow === 0 || dow === 6 ? 24 : 0;
    const v = weight * table[weekend + localHour]!;
    out[h] = add ? out[h]! + v : v;
    if (++localHour === 24) {
      localHour = 0;
      dow = dow === 6 ? 0 : dow + 1;
    }
  }
}
