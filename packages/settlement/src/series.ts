// Hourly series of an agreed scenario (energy prices, AI utilisation) cover one year from the scenario's
// start date. A later period reads them by calendar position, wrapping by year: hour k of 14 March reads
// hour k of 14 March of the series' year. So a seasonal price keeps its season every year, where indexing by
// elapsed hours would drift a day per leap year. 29 February reads 28 February when the series' year has no
// 29 February; a series' own 29 February is read only in leap years.
import { parseIsoDate, yearCalendar } from '@gridshare/revenue';
import { MS_PER_DAY, MS_PER_HOUR } from './calendar.js';

/** The series' first hour index for a day (UTC midnight ms), by calendar position. */
function seriesDayStart(seriesStartMs: number, seriesEndMs: number, dayMs: number): number {
  const day = new Date(dayMs);
  const month = day.getUTCMonth();
  const date = day.getUTCDate();
  const firstYear = new Date(seriesStartMs).getUTCFullYear();
  for (const year of [firstYear, firstYear + 1]) {
    let ms = Date.UTC(year, month, date);
    // 29 February in a year without one: Date.UTC rolled it to 1 March; take 28 February.
    if (new Date(ms).getUTCMonth() !== month) ms = Date.UTC(year, month, date - 1);
    if (ms >= seriesStartMs && ms < seriesEndMs) return Math.round((ms - seriesStartMs) / MS_PER_HOUR);
  }
  // Unreachable: every month-day falls once in a year that starts on seriesStart.
  throw new RangeError(`no day of the series matches ${day.toISOString().slice(0, 10)}`);
}

/**
 * `hours` hourly values from 00:00 UTC on `periodStartDate`, read from a one-year series that starts on
 * `seriesStartDate` (its length is that year's hours).
 */
export function seriesForPeriod(
  values: ArrayLike<number>,
  seriesStartDate: string,
  periodStartDate: string,
  hours: number,
): Float64Array {
  const seriesStart = parseIsoDate(seriesStartDate);
  const periodStart = parseIsoDate(periodStartDate);
  if (seriesStart === null) throw new RangeError(`seriesStartDate: '${seriesStartDate}' is not a valid YYYY-MM-DD date`);
  if (periodStart === null) throw new RangeError(`periodStartDate: '${periodStartDate}' is not a valid YYYY-MM-DD date`);
  const seriesHours = yearCalendar(seriesStartDate).hours;
  if (values.length !== seriesHours)
    throw new RangeError(`the series holds ${values.length} hourly values; a year from ${seriesStartDate} has ${seriesHours}`);
  const seriesEnd = seriesStart + seriesHours * MS_PER_HOUR;
  const out = new Float64Array(hours);
  for (let day = 0; day * 24 < hours; day++) {
    const from = seriesDayStart(seriesStart, seriesEnd, periodStart + day * MS_PER_DAY);
    const n = Math.min(24, hours - day * 24);
    for (let k = 0; k < n; k++) out[day * 24 + k] = values[from + k]!;
  }
  return out;
}
