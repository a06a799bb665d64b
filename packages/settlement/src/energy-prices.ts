// The agreed energy price for every hour of a month, from the agreed scenario's energy terms, with the
// revenue engine's own price code (flat and time-of-use); an hourly series is read by calendar position
// (series.ts).
import { fillEnergyPrice, hoursInYear, parseIsoDate, ZEnergyPrice, type TEnergyPrice } from '@gridshare/revenue';
import { z } from 'zod';
import { MS_PER_HOUR, isoDate as isoDateOf, monthCalendar } from './calendar.js';
import { parseOrThrow } from './errors.js';
import { isoDate, month as monthSchema } from './schema.js';
import { seriesForPeriod } from './series.js';

const ZArgs = z
  .object({ energyPrice: ZEnergyPrice, month: monthSchema('month'), seriesStartDate: isoDate('seriesStartDate') })
  .superRefine(({ energyPrice, seriesStartDate }, ctx) => {
    if (energyPrice.kind !== 'series' || parseIsoDate(seriesStartDate) === null) return;
    const hours = hoursInYear(seriesStartDate);
    if (energyPrice.values.length !== hours)
      ctx.addIssue({
        code: 'custom',
        path: ['energyPrice', 'values'],
        message: `expected ${hours} hourly values for a year starting ${seriesStartDate}, got ${energyPrice.values.length}`,
      });
  });

/**
 * $/MWh for each hour of `month` ('YYYY-MM'). `seriesStartDate` is the agreed scenario's start date: hour 0
 * of a `series` price (the other kinds ignore it). Throws SettlementInputError naming the field.
 */
export function energyPricesForMonth(energyPrice: TEnergyPrice, month: string, seriesStartDate: string): Float64Array {
  const { energyPrice: price } = parseOrThrow(ZArgs, { energyPrice, month, seriesStartDate });
  const cal = monthCalendar(month);
  if (price.kind === 'series') return seriesForPeriod(price.values, seriesStartDate, cal.firstDate, cal.hours);
  const out = new Float64Array(cal.hours);
  // fillEnergyPrice walks any run of hours from a start weekday; the month is such a run.
  fillEnergyPrice(out, { hours: cal.hours, startDayOfWeek: cal.startDayOfWeek, endDate: isoDateOf(cal.startMs + cal.hours * MS_PER_HOUR) }, price);
  return out;
}
