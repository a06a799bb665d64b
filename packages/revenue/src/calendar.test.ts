import { hoursInYear, mod, parseIsoDate, yearCalendar } from './calendar.js';

describe('the simulated year', () => {
  it('has 8,784 hours when it contains 29 February and 8,760 otherwise', () => {
    expect(hoursInYear('2024-01-01')).toBe(8_784);
    expect(hoursInYear('2025-01-01')).toBe(8_760);
    expect(hoursInYear('2023-06-15')).toBe(8_784);
    expect(hoursInYear('2024-06-15')).toBe(8_760);
    expect(hoursInYear('2100-01-01')).toBe(8_760); // not a leap year
    expect(hoursInYear('2000-01-01')).toBe(8_784); // a leap year
  });

  it('starting on 29 February, ends on 1 March', () => {
    expect(yearCalendar('2024-02-29')).toEqual({ hours: 8_784, startDayOfWeek: 4, endDate: '2025-03-01' });
  });

  it('knows the weekday it starts on (0 = Sunday)', () => {
    expect(yearCalendar('2025-01-01').startDayOfWeek).toBe(3);
    expect(yearCalendar('2023-01-01').startDayOfWeek).toBe(0);
  });

  it('rejects dates that are not real', () => {
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('2025-13-01')).toBeNull();
    expect(parseIsoDate('2025-1-01')).toBeNull();
    expect(parseIsoDate('2025-01-01T00:00')).toBeNull();
    expect(() => yearCalendar('yesterday')).toThrow(/startDate/);
  });

  it('mod is never negative', () => {
    expect(mod(-5, 24)).toBe(19);
    expect(mod(29, 24)).toBe(5);
  });
});
