import { yearCalendar } from './calendar.js';
import { fillDemandResponse, fillEnergyPrice, NO_EVENT, timeOfUseTable } from './energy.js';

const cal = yearCalendar('2025-01-01'); // a Wednesday

describe('energy price', () => {
  it('lets the first matching time-of-use band win and wraps bands past midnight', () => {
    const t = timeOfUseTable({
      kind: 'time-of-use',
      utcOffsetHours: 0,
      baseUsdPerMwh: 50,
      bands: [
        { startHour: 17, endHour: 20, days: 'weekdays', usdPerMwh: 150 },
        { startHour: 14, endHour: 22, days: 'all', usdPerMwh: 90 },
        { startHour: 22, endHour: 6, days: 'all', usdPerMwh: 25 },
      ],
    });
    expect(t[12]).toBe(50);
    expect(t[15]).toBe(90);
    expect(t[18]).toBe(150);
    expect(t[24 + 18]).toBe(90);
    expect(t[23]).toBe(25);
    expect(t[3]).toBe(25);
    expect(t[6]).toBe(50);
  });

  it('applies the UTC offset and weekends hour by hour', () => {
    const out = new Float64Array(cal.hours);
    fillEnergyPrice(out, cal, {
      kind: 'time-of-use',
      utcOffsetHours: -6,
      baseUsdPerMwh: 40,
      bands: [{ startHour: 16, endHour: 20, days: 'weekdays', usdPerMwh: 120 }],
    });
    // 16:00 local (UTC-6) on Wednesday 1 January = 22:00 UTC.
    expect(out[21]).toBe(40);
    expect(out[22]).toBe(120);
    expect(out[25]).toBe(120);
    expect(out[26]).toBe(40);
    // Saturday 4 January, 16:00 local = hour 3 x 24 + 22.
    expect(out[3 * 24 + 22]).toBe(40);
  });

  it('writes flat and series prices', () => {
    const out = new Float64Array(cal.hours);
    fillEnergyPrice(out, cal, { kind: 'flat', usdPerMwh: -12.5 });
    expect(out.every((v) => v === -12.5)).toBe(true);
    const values = Array.from({ length: cal.hours }, (_, h) => h);
    fillEnergyPrice(out, cal, { kind: 'series', values });
    expect(out[8_759]).toBe(8_759);
  });
});

describe('demand-response events', () => {
  it('marks event hours with their payment, the higher one where events overlap', () => {
    const out = new Float64Array(cal.hours);
    fillDemandResponse(out, cal, [
      { startHour: 10, durationHours: 3, paymentUsdPerMwh: 200 },
      { startHour: 12, durationHours: 2, paymentUsdPerMwh: 500 },
    ]);
    expect(out[9]).toBe(NO_EVENT);
    expect(Array.from(out.slice(10, 15))).toEqual([200, 200, 500, 500, NO_EVENT]);
  });
});
