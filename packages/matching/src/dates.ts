import type { DateInput } from './types.js';

const MS_PER_DAY = 86_400_000;
/** Average Gregorian month, so "months" do not depend on which months a span crosses. */
export const DAYS_PER_MONTH = 30.436875;

const DASH = 45;
const ZERO = 48;

function digit(s: string, i: number): number {
  const d = s.charCodeAt(i) - ZERO;
  return d >= 0 && d <= 9 ? d : Number.NaN;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil, no Date allocation). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * UTC day number of a 'YYYY-MM-DD' string (a longer ISO timestamp is cut to its date) or a Date.
 * Returns NaN for anything else, so a bad date compares false and never counts as available.
 * Hand-parsed because it runs once per block on 100,000-site inputs.
 */
export function toDay(value: DateInput): number {
  if (typeof value !== 'string') {
    const t = value instanceof Date ? value.getTime() : Number.NaN;
    return Number.isFinite(t) ? Math.floor(t / MS_PER_DAY) : Number.NaN;
  }
  if (value.length < 10 || (value.length > 10 && value.charCodeAt(10) !== 84 /* T */)) return Number.NaN;
  if (value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return Number.NaN;
  const year = digit(value, 0) * 1000 + digit(value, 1) * 100 + digit(value, 2) * 10 + digit(value, 3);
  const month = digit(value, 5) * 10 + digit(value, 6);
  const day = digit(value, 8) * 10 + digit(value, 9);
  if (!(month >= 1 && month <= 12 && day >= 1)) return Number.NaN;
  const maxDay = month === 2 && isLeap(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
  if (day > maxDay) return Number.NaN;
  return daysFromCivil(year, month, day);
}

/** 'YYYY-MM-DD' of a UTC day number. */
export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isValidDateString(value: string): boolean {
  return value.length === 10 && !Number.isNaN(toDay(value));
}
