import fc from 'fast-check';
import { ZRevenueInput, type TRevenueInput } from './schema.js';
import { simulateRevenue } from './simulate.js';
import { arbitraryRevenueInput, defaultInput } from './testing/arbitrary-input.js';
import type { RevenueResult } from './types.js';

function withHashprice(input: TRevenueInput, hashpriceUsdPerPhDay: number): TRevenueInput {
  return { ...input, market: { hashpriceUsdPerPhDay } };
}

/** Every number in the result, with its path, hourly arrays included. */
function* numbersIn(value: unknown, path: string): Generator<[string, number]> {
  if (typeof value === 'number') yield [path, value];
  else if (value instanceof Float64Array) for (let i = 0; i < value.length; i++) yield [`${path}.${i}`, value[i]!];
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) yield* numbersIn(v, path ? `${path}.${k}` : k);
}

describe('properties over any valid input', () => {
  it('the generator only makes inputs the schema accepts', () => {
    fc.assert(
      fc.property(arbitraryRevenueInput, (input) => {
        const r = ZRevenueInput.safeParse(input);
        if (!r.success) throw new Error(r.error.message);
      }),
      { numRuns: 200 },
    );
  });

  it('host EBITDA never decreases as the hashprice rises', () => {
    fc.assert(
      fc.property(
        arbitraryRevenueInput,
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        (input, low, rise) => {
          const a = simulateRevenue(withHashprice(input, low), { hourly: false }).totalsCents.hostEbitda;
          const b = simulateRevenue(withHashprice(input, low + rise), { hourly: false }).totalsCents.hostEbitda;
          expect(b).toBeGreaterThanOrEqual(a);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('host EBITDA never decreases as the hashprice rises by one cent', () => {
    fc.assert(
      fc.property(arbitraryRevenueInput, fc.integer({ min: 0, max: 50_000 }), (input, cents) => {
        const a = simulateRevenue(withHashprice(input, cents / 100), { hourly: false }).totalsCents.hostEbitda;
        const b = simulateRevenue(withHashprice(input, (cents + 1) / 100), { hourly: false }).totalsCents.hostEbitda;
        expect(b).toBeGreaterThanOrEqual(a);
      }),
      { numRuns: 100 },
    );
  });

  it('host EBITDA never decreases across a hashprice sweep of the seed case, with ramp and minimum-run limits', () => {
    const input = defaultInput();
    input.mining = { ...input.mining, rampMwPerHour: 5, minRunHours: 3 };
    input.energy.price = {
      kind: 'time-of-use',
      utcOffsetHours: -6,
      baseUsdPerMwh: 45,
      bands: [{ startHour: 14, endHour: 20, days: 'weekdays', usdPerMwh: 110 }],
    };
    let prev = Number.NEGATIVE_INFINITY;
    let rises = 0;
    for (let hp = 0; hp <= 150; hp += 0.5) {
      const e = simulateRevenue(withHashprice(input, hp), { hourly: false }).totalsCents.hostEbitda;
      expect(e).toBeGreaterThanOrEqual(prev);
      if (e > prev) rises++;
      prev = e;
    }
    expect(rises).toBeGreaterThan(100);
  });

  it('outputs are finite, money is whole cents, and every hour is conserved', () => {
    fc.assert(
      fc.property(arbitraryRevenueInput, (input) => {
        const r: RevenueResult = simulateRevenue(input);
        for (const [path, v] of numbersIn(r, '')) if (!Number.isFinite(v)) throw new Error(`${path} = ${v}`);
        for (const [k, v] of Object.entries(r.totalsCents)) if (!Number.isSafeInteger(v)) throw new Error(`${k} = ${v}`);
        const t = r.totalsCents;
        expect(t.hostShare + t.tenantShare + t.platformFee).toBe(t.backfillDistributed);
        expect(t.aiSegmentEbitda + t.miningSegmentEbitda).toBe(t.hostEbitda);
        const h = r.hourly!;
        for (let i = 0; i < r.hours; i++) {
          const sum = h.aiMw[i]! + h.miningMw[i]! + h.idleMw[i]!;
          if (Math.abs(sum - r.availableMw) > 1e-9 * Math.max(1, r.availableMw) || h.idleMw[i]! < 0 || h.miningMw[i]! < 0)
            throw new Error(`hour ${i}: ${h.aiMw[i]} + ${h.miningMw[i]} + ${h.idleMw[i]} != ${r.availableMw}`);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('mining never runs in a demand-response hour, above the fleet, or past the ramp limit', () => {
    fc.assert(
      fc.property(arbitraryRevenueInput, (input) => {
        const r = simulateRevenue(input);
        const m = r.hourly!.miningMw;
        const cap = (input.mining.fleetMw * input.mining.uptimePercent) / 100;
        for (const e of input.energy.demandResponseEvents)
          for (let h = e.startHour; h < e.startHour + e.durationHours; h++) expect(m[h]).toBe(0);
        const ramp = input.mining.rampMwPerHour ?? Number.POSITIVE_INFINITY;
        let prev = 0;
        for (let h = 0; h < r.hours; h++) {
          if (m[h]! > cap + 1e-9 || m[h]! - prev > ramp + 1e-9) throw new Error(`hour ${h}: ${m[h]} after ${prev}`);
          prev = m[h]!;
        }
      }),
      { numRuns: 60 },
    );
  });
});
