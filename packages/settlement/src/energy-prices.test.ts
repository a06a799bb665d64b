// The agreed energy price of each hour of a month: flat and time-of-use through the revenue engine's own
// code, an hourly series by calendar position from the scenario's start, wrapping by year.
import { DEFAULT_REVENUE_INPUT, simulateRevenue, type TEnergyPrice } from '@gridshare/revenue';
import { energyPricesForMonth } from './energy-prices.js';
import { issuePaths } from './testing/fixtures.js';

/** Series value = its own hour index, so a price read shows where it was read from. */
const indexSeries = (hours: number): TEnergyPrice => ({ kind: 'series', values: Array.from({ length: hours }, (_, h) => h) });
const DAY = 24;

describe('energyPricesForMonth', () => {
  it('fills a flat price into every hour of the month', () => {
    const prices = energyPricesForMonth({ kind: 'flat', usdPerMwh: 40 }, '2026-02', '2025-01-01');
    expect(prices).toHaveLength(28 * DAY);
    expect(new Set(prices)).toEqual(new Set([40]));
  });

  it('prices time-of-use by local hour and weekday, as the revenue engine does', () => {
    const tou: TEnergyPrice = {
      kind: 'time-of-use',
      utcOffsetHours: -6,
      baseUsdPerMwh: 45,
      bands: [{ startHour: 14, endHour: 20, days: 'weekdays', usdPerMwh: 120 }],
    };
    const prices = energyPricesForMonth(tou, '2026-07', '2025-01-01');
    // 1 July 2026 is a Wednesday: 14:00 local (UTC-6) is 20:00 UTC -> $120; 13:00 local (19:00 UTC) -> $45.
    expect(prices[20]).toBe(120);
    expect(prices[19]).toBe(45);
    // Saturday 4 July, 20:00 UTC: a weekend, so the base price.
    expect(prices[3 * DAY + 20]).toBe(45);
    // The same hours as the revenue engine's own year from 1 July 2026.
    const year = simulateRevenue({ ...DEFAULT_REVENUE_INPUT, startDate: '2026-07-01', energy: { ...DEFAULT_REVENUE_INPUT.energy, price: tou } });
    expect(prices).toEqual(year.hourly!.energyPriceUsdPerMwh.slice(0, 31 * DAY));
  });

  it('reads an hourly series by calendar position, wrapping by year', () => {
    // Series from 1 July 2025 (8,760 h). December 2026 reads December 2025: 1 December 2025 is
    // 31 + 31 + 30 + 31 + 30 = 153 days after 1 July.
    const prices = energyPricesForMonth(indexSeries(8_760), '2026-12', '2025-07-01');
    expect(prices[0]).toBe(153 * DAY);
    expect(prices[31 * DAY - 1]).toBe(184 * DAY - 1);
    // March 2026 reads March 2026, inside the series' own year: 31 + 31 + 30 + 31 + 30 + 31 + 31 + 28 = 243.
    expect(energyPricesForMonth(indexSeries(8_760), '2026-03', '2025-07-01')[0]).toBe(243 * DAY);
  });

  it('reads 28 February for a 29 February the series does not have, and skips one it has in a common year', () => {
    // Series from 1 January 2025 (no 29 February): February 2028 has 29 days; the 29th repeats the 28th
    // (day 58 of the series: 31 + 27).
    const leap = energyPricesForMonth(indexSeries(8_760), '2028-02', '2025-01-01');
    expect(leap).toHaveLength(29 * DAY);
    expect(leap[28 * DAY + 5]).toBe(58 * DAY + 5);
    expect(leap[27 * DAY + 5]).toBe(58 * DAY + 5);
    // Series from 1 January 2024 (8,784 h, with 29 February): 1 March 2025 reads 1 March 2024, day 60.
    expect(energyPricesForMonth(indexSeries(8_784), '2025-03', '2024-01-01')[0]).toBe(60 * DAY);
  });

  it('names the field of a bad argument', () => {
    expect(issuePaths(() => energyPricesForMonth(indexSeries(8_000), '2026-01', '2025-01-01'))).toEqual(['energyPrice.values']);
    expect(issuePaths(() => energyPricesForMonth({ kind: 'flat', usdPerMwh: 40 }, '2026-1', '2025-01-01'))).toEqual(['month']);
    expect(issuePaths(() => energyPricesForMonth({ kind: 'flat', usdPerMwh: Number.NaN }, '2026-01', '2025-01-01'))).toEqual(['energyPrice.usdPerMwh']);
    expect(issuePaths(() => energyPricesForMonth(indexSeries(8_760), '2026-01', '2025-02-30'))).toEqual(['seriesStartDate']);
  });
});
