import fc from 'fast-check';
import { multiplyCents, percentOf, roundCents, splitPool } from './money.js';

describe('money in integer cents', () => {
  it('rounds dollars to cents half away from zero, never to -0', () => {
    expect(roundCents(1.005)).toBe(100); // 1.005 is 1.00499999... in binary
    expect(roundCents(0.125)).toBe(13);
    expect(roundCents(-0.125)).toBe(-13);
    expect(Object.is(roundCents(-0.001), 0)).toBe(true);
    expect(roundCents(12_345_678.9)).toBe(1_234_567_890);
  });

  it('takes percentages exactly in basis points', () => {
    expect(percentOf(1_000, 12.34)).toBe(123);
    expect(percentOf(5, 10)).toBe(1); // 0.5 cent rounds away from zero
    expect(percentOf(-5, 10)).toBe(-1);
    expect(percentOf(2 ** 52, 100)).toBe(2 ** 52);
    expect(multiplyCents(-333, 1.5)).toBe(-500);
  });

  it('splits a pool so platform + host + tenant add up to it exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 50 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (pool, hostBp, feeBp) => {
          const s = splitPool(pool, hostBp / 100, feeBp / 100);
          expect(s.platformFee + s.hostShare + s.tenantShare).toBe(pool);
          expect(s.platformFee).toBeGreaterThanOrEqual(0);
          expect(s.hostShare).toBeGreaterThanOrEqual(0);
          expect(s.tenantShare).toBeGreaterThanOrEqual(0);
          expect(Math.abs(s.platformFee - (pool * feeBp) / 10_000)).toBeLessThanOrEqual(0.5 + pool * 1e-15);
          expect(Math.abs(s.hostShare - (pool * (1 - feeBp / 10_000) * hostBp) / 10_000)).toBeLessThan(1 + pool * 1e-15);
        },
      ),
    );
  });

  it("never lowers the host's share when the pool grows", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.integer({ min: 0, max: 1_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (pool, extra, hostBp, feeBp) => {
          const a = splitPool(pool, hostBp / 100, feeBp / 100);
          const b = splitPool(pool + extra, hostBp / 100, feeBp / 100);
          expect(b.hostShare).toBeGreaterThanOrEqual(a.hostShare);
        },
      ),
    );
  });

  it('refuses a negative or fractional pool', () => {
    expect(() => splitPool(-1, 50, 5)).toThrow(RangeError);
    expect(() => splitPool(1.5, 50, 5)).toThrow(RangeError);
  });
});
