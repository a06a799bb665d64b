import fc from 'fast-check';
import { RevenueInputError } from '../errors.js';
import { arbitraryRevenueInput } from '../testing/arbitrary-input.js';
import { DEFAULT_FINANCE, DEFAULT_TERM_INPUT } from './defaults.js';
import { termSensitivity, termTornado } from './sensitivity.js';
import { simulateTerm } from './simulate-term.js';
import type { TTermInput } from './schema.js';

const term = (over: Partial<TTermInput['term']> = {}): TTermInput => ({ ...DEFAULT_TERM_INPUT, term: { ...DEFAULT_TERM_INPUT.term, ...over } });
const npvAt = (input: TTermInput) => simulateTerm(input, { stats: false }).host.npvCents;

describe('term sensitivity grid', () => {
  it('price axes (daily aggregates): every cell is the full simulation within the per-hour cent rounding', () => {
    const input = term({ years: 3 });
    const hashprices = [30, 44, 70];
    const energy = [40, 60, 95];
    const grid = termSensitivity(input, [
      { path: 'market.hashpriceUsdPerPhDay', values: hashprices },
      { path: 'energy.price.usdPerMwh', values: energy },
    ]);
    expect(grid.shape).toEqual([3, 3]);
    hashprices.forEach((hp, i) =>
      energy.forEach((price, j) => {
        const full = npvAt({ ...input, market: { hashpriceUsdPerPhDay: hp }, energy: { ...input.energy, price: { kind: 'flat', usdPerMwh: price } } });
        // At most half a cent per hour and money line (five lines feed EBITDA) over three years.
        expect(Math.abs(grid.hostNpvCents[i * 3 + j]! - full)).toBeLessThanOrEqual(3 * 8_784 * 2.5);
      }),
    );
  });

  it('a shape axis (AI utilisation) and an hourly axis (minimum run) match the full simulation', () => {
    const input = term({ years: 2 });
    const util = termSensitivity(input, [{ path: 'aiLoad.profile.peakUtilisation', values: [0.6, 0.9] }]);
    const at = (v: number) => npvAt({ ...input, aiLoad: { ...input.aiLoad, profile: { ...(input.aiLoad.profile as object), peakUtilisation: v } as TTermInput['aiLoad']['profile'] } });
    expect(Math.abs(util.hostNpvCents[0]! - at(0.6))).toBeLessThanOrEqual(2 * 8_784 * 2.5);
    // An axis the daily aggregates cannot model runs hour by hour, exact to the cent.
    const minRun = termSensitivity(input, [{ path: 'mining.minRunHours', values: [3] }]);
    expect(minRun.hostNpvCents[0]).toBe(npvAt({ ...input, mining: { ...input.mining, minRunHours: 3 } }));
  });

  it('finance and deal axes re-settle the same hourly sums, exactly', () => {
    const input = term({ years: 3 });
    const grid = termSensitivity(input, [
      { path: 'deal.revenueShare.hostPercent', values: [50, 80] },
      { path: 'finance.discountRatePercent', values: [6, 12] },
    ]);
    const cell = {
      ...input,
      deal: { ...input.deal, revenueShare: { hostPercent: 80, tenantPercent: 20 } },
      finance: { ...DEFAULT_FINANCE, discountRatePercent: 6 },
    };
    expect(grid.hostNpvCents[2]).toBe(npvAt(cell));
    expect(grid.tenantNpvCents[2]).toBe(simulateTerm(cell).tenant.npvCents);
  });

  it('refuses a grid whose cells would run hour by hour beyond the limit given, and only that one', () => {
    const input = term({ years: 1 });
    const hourly = [{ path: 'mining.minRunHours', values: Array.from({ length: 11 }, (_, i) => i + 1) }];
    expect(() => termSensitivity(input, hourly, { maxHourlyCells: 10 })).toThrow(/11 cells that each run hour by hour .* limit of 10/);
    const price = [{ path: 'market.hashpriceUsdPerPhDay', values: Array.from({ length: 11 }, (_, i) => 30 + i) }];
    expect(termSensitivity(input, price, { maxHourlyCells: 10 }).hostNpvCents).toHaveLength(11);
  });

  it('names the axis and the cell of a value that breaks a rule', () => {
    expect(() => termSensitivity(DEFAULT_TERM_INPUT, [{ path: 'market.hashpriceUsdPerPhDay', values: [40, -1] }])).toThrow(
      /market\.hashpriceUsdPerPhDay: in cell market\.hashpriceUsdPerPhDay=-1/,
    );
    expect(() => termSensitivity(DEFAULT_TERM_INPUT, [{ path: 'market.nope', values: [1] }])).toThrow(RevenueInputError);
  });

  it('the tornado sorts one-at-a-time swings, widest first, around the base NPV', () => {
    const input = term({ years: 3 });
    const tornado = termTornado(input);
    expect(tornado.baseHostNpvCents).toBe(npvAt(input));
    const swings = tornado.bars.map((b) => b.swingCents);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    const hashprice = tornado.bars.find((b) => b.path === 'market.hashpriceUsdPerPhDay')!;
    expect(hashprice.hostNpvHighCents).toBeGreaterThanOrEqual(hashprice.hostNpvLowCents);
    expect(tornado.bars.map((b) => b.path)).toEqual(expect.arrayContaining(['energy.price.usdPerMwh', 'deal.revenueShare.hostPercent', 'term.hashprice.difficultyGrowthPercentPerYear']));
  });
});

/** A random valid one-year scenario over a short term with a random hashprice path. */
const arbitraryTerm = fc
  .record({
    year: arbitraryRevenueInput,
    years: fc.integer({ min: 1, max: 3 }),
    path: fc.oneof(
      fc.constant({ kind: 'flat' as const }),
      fc.record({ kind: fc.constant('difficulty' as const), difficultyGrowthPercentPerYear: fc.integer({ min: -20, max: 100 }) }),
      fc.constantFrom('difficulty-2025', 'hashrate-boom', 'price-offset').map((name) => ({ kind: 'preset' as const, name })),
    ),
    escalator: fc.integer({ min: -5, max: 10 }),
    rate: fc.integer({ min: 0, max: 30 }),
  })
  .map(
    ({ year, years, path, escalator, rate }): TTermInput => ({
      ...year,
      term: { ...DEFAULT_TERM_INPUT.term, years, hashprice: path, colocationEscalatorPercent: escalator, energyEscalatorPercent: escalator },
      finance: { ...DEFAULT_FINANCE, discountRatePercent: rate },
    }),
  );

describe('properties over any valid term', () => {
  it('host NPV never decreases as the hashprice rises', () => {
    fc.assert(
      fc.property(arbitraryTerm, fc.double({ min: 0, max: 300, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (input, low, rise) => {
        const a = npvAt({ ...input, market: { hashpriceUsdPerPhDay: low } });
        const b = npvAt({ ...input, market: { hashpriceUsdPerPhDay: low + rise } });
        expect(b).toBeGreaterThanOrEqual(a);
      }),
      { numRuns: 25 },
    );
  });

  it('every output is finite', () => {
    fc.assert(
      fc.property(arbitraryTerm, (input) => {
        const r = simulateTerm(input);
        const numbers = [
          ...r.yearly.flatMap((y) => Object.values(y.totalsCents)),
          ...Object.values(r.totalsCents),
          r.host.npvCents,
          r.tenant.npvCents,
          r.valuation.uplift.low,
          r.valuation.uplift.high,
          ...r.hashpriceDaily,
          r.interconnectionUtilisation.withBackfill,
        ];
        for (const n of numbers) expect(Number.isFinite(n)).toBe(true);
        for (const y of r.yearly) expect(Number.isSafeInteger(y.totalsCents.hostEbitda)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('an invalid term is refused at the field that broke', () => {
    fc.assert(
      fc.property(arbitraryTerm, fc.constantFrom('term.years', 'term.energyEscalatorPercent', 'finance.discountRatePercent', 'finance.hostUpfrontCapexUsd'), (input, field) => {
        const [section, key] = field.split('.') as ['term' | 'finance', string];
        const spoiled = { ...input, [section]: { ...input[section], [key]: -1_000 } };
        try {
          simulateTerm(spoiled);
          throw new Error('accepted');
        } catch (e) {
          expect(e).toBeInstanceOf(RevenueInputError);
          expect((e as RevenueInputError).issues.map((i) => i.path)).toContain(field);
        }
      }),
      { numRuns: 20 },
    );
  });
});
