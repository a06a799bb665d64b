import { daysFromCivil, formatDay, isValidDateString, toDay } from './dates.js';

describe('dates', () => {
  it('reads YYYY-MM-DD and Date as the same UTC day', () => {
    expect(toDay('1970-01-01')).toBe(0);
    expect(toDay('2026-03-01')).toBe(Date.UTC(2026, 2, 1) / 86_400_000);
    expect(toDay(new Date('2026-03-01T23:59:59Z'))).toBe(toDay('2026-03-01'));
    expect(toDay('2026-03-01T12:00:00Z')).toBe(toDay('2026-03-01'));
  });

  it('agrees with Date.UTC over leap years and centuries', () => {
    for (const [y, m, d] of [
      [2000, 2, 29],
      [1900, 3, 1],
      [2024, 12, 31],
      [2100, 2, 28],
      [1969, 12, 31],
    ] as const) {
      expect(daysFromCivil(y, m, d)).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
    }
  });

  it('rejects impossible or malformed dates with NaN', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '26-01-01', '2026/01/01', '2026-01-01x', '']) {
      expect(toDay(bad)).toBeNaN();
      expect(isValidDateString(bad)).toBe(false);
    }
    expect(toDay(new Date('nope'))).toBeNaN();
    expect(isValidDateString('2024-02-29')).toBe(true);
  });

  it('formats day numbers back', () => {
    expect(formatDay(toDay('2027-07-04'))).toBe('2027-07-04');
  });
});
