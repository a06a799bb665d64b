import fc from 'fast-check';
import { interpolate, type Curve } from './curve.js';

const RISING: Curve = [
  [0, 0],
  [10, 0.1],
  [25, 0.3],
  [200, 1],
];

describe('interpolate', () => {
  it('is linear between points and flat beyond the ends', () => {
    expect(interpolate(RISING, -5)).toBe(0);
    expect(interpolate(RISING, 5)).toBeCloseTo(0.05, 12);
    expect(interpolate(RISING, 10)).toBe(0.1);
    expect(interpolate(RISING, 17.5)).toBeCloseTo(0.2, 12);
    expect(interpolate(RISING, 200)).toBe(1);
    expect(interpolate(RISING, 1e9)).toBe(1);
    expect(interpolate(RISING, Number.POSITIVE_INFINITY)).toBe(1);
  });

  it('reads NaN as the first point and an empty curve as 0', () => {
    expect(interpolate(RISING, Number.NaN)).toBe(0);
    expect(interpolate([], 3)).toBe(0);
  });

  it('never goes down on a rising curve, even across breakpoints in floating point', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 300, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), (x, step) => {
        expect(interpolate(RISING, x + step)).toBeGreaterThanOrEqual(interpolate(RISING, x));
      }),
    );
    for (const [x] of RISING) {
      expect(interpolate(RISING, x)).toBeGreaterThanOrEqual(interpolate(RISING, x - 1e-12));
      expect(interpolate(RISING, x + 1e-12)).toBeGreaterThanOrEqual(interpolate(RISING, x));
    }
  });
});
