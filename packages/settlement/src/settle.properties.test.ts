// Properties of every statement, for any valid input (fast-check): the money balances, nothing is paid out
// that was not collected, every line reproduces from its detail, and the engine reads nothing but its input.
import { DEFAULT_REVENUE_INPUT, percentOf, simulateRevenue } from '@gridshare/revenue';
import fc from 'fast-check';
import { settleMonth } from './settle.js';
import { arbMonthInput } from './testing/arbitrary.js';
import { reproduce } from './testing/reproduce.js';
import type { SettlementMonthInput, SettlementStatementOut } from './types.js';

const RUNS = { numRuns: 150 };

/** A deep copy, typed arrays included. */
const copy = (input: SettlementMonthInput): SettlementMonthInput => structuredClone(input);

describe('settleMonth, for any valid input', () => {
  it('balances: T = payout + fee exactly, 0 ≤ fee ≤ T, payout ≥ 0, and T and the carry-out sum to the lines', () => {
    fc.assert(
      fc.property(arbMonthInput, (input) => {
        const s = settleMonth(input);
        const sum = s.lines.reduce((t, l) => t + l.amountCents, 0);
        expect(s.tenantTotalCents).toBe(s.hostPayoutCents + s.platformFeeCents);
        expect(s.hostPayoutCents).toBeGreaterThanOrEqual(0);
        expect(s.platformFeeCents).toBeGreaterThanOrEqual(0);
        expect(s.platformFeeCents).toBeLessThanOrEqual(s.tenantTotalCents);
        expect(s.tenantTotalCents).toBe(Math.max(0, sum));
        expect(s.tenantTotalCents + s.tenantCarryOutCents).toBe(sum);
        expect(s.tenantCarryOutCents).toBeLessThanOrEqual(0);
        // The fee owed is taken now or carried: fee + carry-out = fee bps x fee base + fee carried in.
        const feeBase = s.lines.reduce((t, l) => (l.feeBase ? t + l.amountCents : t), 0);
        expect(s.platformFeeCents + s.feeCarryOutCents).toBe(percentOf(feeBase, input.terms.platformFeeBps / 100) + input.carriedPlatformFeeCents);
      }),
      RUNS,
    );
  });

  it('gives integer amounts that each reproduce from their line’s detail, and finite, JSON-safe figures', () => {
    fc.assert(
      fc.property(arbMonthInput, (input) => {
        const s = settleMonth(input);
        const amounts = [...s.lines.map((l) => l.amountCents), s.tenantTotalCents, s.platformFeeCents, s.hostPayoutCents, s.tenantCarryOutCents, s.feeCarryOutCents];
        for (const a of amounts) expect(Number.isSafeInteger(a) && !Object.is(a, -0)).toBe(true);
        for (const l of s.lines) {
          // Stored as JSON (StatementLine.detail): the stored detail must reproduce the amount too.
          expect(reproduce({ ...l, detail: JSON.parse(JSON.stringify(l.detail)) })).toBe(l.amountCents);
          expect(l.kind === 'COLOCATION' || l.kind === 'ENERGY_PASS_THROUGH' || l.kind === 'ADJUSTMENT' || l.amountCents <= 0).toBe(true);
        }
        for (const [k, v] of Object.entries(s.summary.backfill)) expect([k, Number.isSafeInteger(v)]).toEqual([k, true]);
        // NaN or Infinity anywhere would not survive a JSON round trip.
        expect(JSON.parse(JSON.stringify(s))).toEqual(s);
        expect(s.summary.availability.pct).toBeGreaterThanOrEqual(0);
        expect(s.summary.availability.pct).toBeLessThanOrEqual(100);
      }),
      RUNS,
    );
  });

  it('is deterministic and reads nothing but its input: not the clock, not randomness, not a scenario simulated in between', () => {
    const absurd = { ...DEFAULT_REVENUE_INPUT, market: { hashpriceUsdPerPhDay: 10_000 }, energy: { ...DEFAULT_REVENUE_INPUT.energy, price: { kind: 'flat' as const, usdPerMwh: -500 } } };
    fc.assert(
      fc.property(arbMonthInput, fc.integer({ min: 0, max: 4_102_444_800_000 }), (input, now) => {
        const before = copy(input);
        const first: SettlementStatementOut = settleMonth(input);
        // Another time, other random numbers, and the revenue engine's module state filled by an absurd
        // scenario: the same statement.
        jest.useFakeTimers({ now });
        const random = jest.spyOn(Math, 'random').mockReturnValue(0.999);
        simulateRevenue(absurd);
        try {
          expect(settleMonth(copy(input))).toEqual(first);
        } finally {
          random.mockRestore();
          jest.useRealTimers();
        }
        // The input is left as it was.
        expect(input).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });
});
