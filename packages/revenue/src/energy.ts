// Energy price and demand-response events for every hour of the year.
import { fillFromLocalTable, mod, type YearCalendar } from './calendar.js';
import type { TDemandResponseEvent, TEnergyPrice } from './schema.js';

/** Marks an hour with no demand-response event in the payment series. */
export const NO_EVENT = -1;

/** Price for local hours 0-23 of a weekday, then of a weekend day. The first band that matches wins. */
export function timeOfUseTable(price: Extract<TEnergyPrice, { kind: 'time-of-use' }>): Float64Array {
  const table = new Float64Array(48).fill(price.baseUsdPerMwh);
  // Walk the bands backwards so earlier bands overwrite later ones.
  for (let i = price.bands.length - 1; i >= 0; i--) {
    const b = price.bands[i]!;
    for (let h = 0; h < 24; h++) {
      if (mod(h - b.startHour, 24) >= mod(b.endHour - b.startHour, 24)) continue;
      if (b.days !== 'weekends') table[h] = b.usdPerMwh;
      if (b.days !== 'weekdays') table[24 + h] = b.usdPerMwh;
    }
  }
  return table;
}

/** Writes the energy price ($/MWh) for every hour into out[0..hours). */
export function fillEnergyPrice(out: Float64Array, cal: YearCalendar, price: TEnergyPrice): void {
  switch (price.kind) {
    case 'flat':
      out.fill(price.usdPerMwh, 0, cal.hours);
      return;
    case 'time-of-use':
      fillFromLocalTable(out, cal, price.utcOffsetHours, timeOfUseTable(price), 1, false);
      return;
    case 'series':
      for (let h = 0; h < cal.hours; h++) out[h] = price.values[h]!;
      return;
  }
}

/**
 * Writes the demand-response payment ($/MWh curtailed) for every hour, NO_EVENT where there is none.
 * Overlapping events pay the higher rate: the grid operator pays once for one curtailed MWh.
 */
export function fillDemandResponse(out: Float64Array, cal: YearCalendar, events: readonly TDemandResponseEvent[]): void {
  out.fill(NO_EVENT, 0, cal.hours);
  for (const e of events) {
    const end = Math.min(cal.hours, e.startHour + e.durationHours);
    for (let h = e.startHour; h < end; h++) if (e.paymentUsdPerMwh > out[h]!) out[h] = e.paymentUsdPerMwh;
  }
}
