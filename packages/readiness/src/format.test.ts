import fc from 'fast-check';
import { formatDate, formatNumber, formatUsd, plural } from './format.js';

describe('format', () => {
  it('prints at most one decimal without a trailing .0', () => {
    expect(formatNumber(12)).toBe('12');
    expect(formatNumber(12.04)).toBe('12');
    expect(formatNumber(12.345)).toBe('12.3');
    expect(formatNumber(22.5)).toBe('22.5');
    expect(formatNumber(0.05)).toBe('0.1');
    expect(formatNumber(-0.3)).toBe('-0.3');
    expect(formatNumber(-2.5)).toBe('-2.5');
    expect(formatNumber(1e21)).toBe('1e+21');
  });

  it('agrees with the plain way of rounding to one decimal', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        expect(Number(formatNumber(x))).toBeCloseTo(Math.round(x * 10) / 10, 9);
      }),
    );
  });

  it('prints dollars as $, k, M and B', () => {
    expect(formatUsd(500)).toBe('$500');
    expect(formatUsd(860_000)).toBe('$860k');
    expect(formatUsd(14_113_400)).toBe('$14.1M');
    expect(formatUsd(326_714_025)).toBe('$326.7M');
    expect(formatUsd(2_150_000_000)).toBe('$2.2B');
  });

  it('pluralises and prints dates as YYYY-MM-DD', () => {
    expect(plural(1, 'carrier', 'carriers')).toBe('1 carrier');
    expect(plural(3, 'carrier', 'carriers')).toBe('3 carriers');
    expect(formatDate('2027-11-21T08:00:00Z')).toBe('2027-11-21');
    expect(formatDate(new Date(Date.UTC(2027, 0, 5)))).toBe('2027-01-05');
    expect(formatDate(new Date(Date.UTC(2027, 10, 21)))).toBe('2027-11-21');
  });
});
