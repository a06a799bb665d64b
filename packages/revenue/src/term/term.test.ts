import { addYears, daysBetween } from '../calendar.js';
import { DEFAULT_TRAINING_PROFILE } from '../defaults.js';
import { RevenueInputError } from '../errors.js';
import { simulateRevenue } from '../simulate.js';
import { DEFAULT_TERM_INPUT } from './defaults.js';
import { irr, monthlyCents, npv, paybackMonth } from './finance.js';
import { firstYearOf, simulateTerm } from './simulate-term.js';
import type { TTermInput } from './schema.js';

/** A mutable ten-year term with nothing moving: flat hashprice, no escalators, phases or refreshes. */
function steadyTerm(): TTermInput {
  const input = structuredClone(DEFAULT_TERM_INPUT) as TTermInput;
  input.term = { ...input.term, colocationEscalatorPercent: 0, energyEscalatorPercent: 0, hashprice: { kind: 'flat' } };
  return input;
}

describe('closed forms', () => {
  it('a flat path over ten years is ten single years, leap days counted', () => {
    const input = steadyTerm();
    const term = simulateTerm(input);
    // 2025-2034 holds 29 February 2028 and 2032.
    expect(term.hours).toBe(8_760 * 10 + 48);
    expect(term.yearly.map((y) => y.hours)).toEqual([8_760, 8_760, 8_760, 8_784, 8_760, 8_760, 8_760, 8_784, 8_760, 8_760]);
    term.yearly.forEach((year, y) => {
      const single = simulateRevenue({ ...firstYearOf(input), startDate: addYears(input.startDate, y) }, { hourly: false });
      expect(year.totalsCents).toEqual(single.totalsCents);
    });
    // The term's lines reproduce from its years.
    expect(term.totalsCents.hostEbitda).toBe(term.yearly.reduce((s, y) => s + y.totalsCents.hostEbitda, 0));
  });

  it('a halving on day k halves the subsidy part of hash revenue from day k exactly', () => {
    const input = steadyTerm();
    const k = 100;
    const fees = 10;
    input.term.years = 1;
    input.term.hashprice = { kind: 'halvings', difficultyGrowthPercentPerYear: 0, feeSharePercent: fees, halvingDates: ['2025-04-11'] };
    expect(daysBetween(input.startDate, '2025-04-11')).toBe(k);
    // Flat AI load and no strike: the fleet mines the same MW every hour, so revenue follows the hashprice.
    input.aiLoad.profile = { kind: 'flat', utilisation: 0.5 };
    input.energy.strike = { kind: 'none' };
    const term = simulateTerm(input, { hourly: true });
    const hp = term.hashpriceDaily;
    expect(hp[k - 1]).toBe(44);
    expect(hp[k]).toBe(44 * (0.1 + 0.9 * 0.5));
    expect(hp[364]).toBe(hp[k]);
    const h = term.hourly!;
    const netAt = (hour: number) => h.miningMarginUsdPerMwh[hour]! + h.energyPriceUsdPerMwh[hour]! + input.mining.variableOpexUsdPerMwh;
    const before = netAt(24 * k - 1);
    expect(netAt(24 * k)).toBeCloseTo(before * (fees / 100) + before * (1 - fees / 100) * 0.5, 9);
    // The year's gross: k days at the full rate, the rest with the subsidy halved (cent rounding per hour).
    const mw = h.miningMw[0]!;
    const grossPerMwh = (1_000 / input.mining.jPerTh) * 44 / 24;
    const expected = mw * 24 * grossPerMwh * (k + (365 - k) * (0.1 + 0.9 * 0.5)) * 100;
    expect(Math.abs(term.totalsCents.miningGrossRevenue - expected)).toBeLessThanOrEqual(8_760 * 0.5);
  });

  it('NPV of a constant cash flow is the annuity formula', () => {
    const c = 1_000_000;
    for (const [rate, years] of [[10, 10], [7.5, 15], [0, 12]] as const) {
      const r = rate / 100;
      const annuity = r === 0 ? c * years : (c * (1 - Math.pow(1 + r, -years))) / r;
      expect(npv(rate, [0, ...Array<number>(years).fill(c)])).toBeCloseTo(annuity, 6);
    }
  });

  it('IRR of a known series', () => {
    // -100 + 60/(1+r) + 60/(1+r)^2 = 0  <=>  x = 1/(1+r) = (-60 + sqrt(60^2 + 4 x 60 x 100)) / 120
    const x = (-60 + Math.sqrt(3_600 + 24_000)) / 120;
    expect(irr([-100, 60, 60])).toBeCloseTo((1 / x - 1) * 100, 8);
    expect(irr([-1_000, 100, 100, 1_100])).toBeCloseTo(10, 8);
    expect(irr([100, 100])).toBeNull(); // nothing invested
    expect(irr([-100, 10, 10])).toBeLessThan(0); // never returned: a negative rate
  });

  it('payback month: monthly cents add up to the year, and the month the cumulative cash turns', () => {
    expect(monthlyCents(1_000_003).reduce((a, b) => a + b, 0)).toBe(1_000_003);
    expect(paybackMonth(-1_200, Array<number>(24).fill(100))).toBe(12);
    expect(paybackMonth(-1_201, Array<number>(24).fill(100))).toBe(13);
    expect(paybackMonth(0, [])).toBe(0);
    expect(paybackMonth(-1, Array<number>(5).fill(0))).toBeNull();

    // Through the term: upfront = 2.5 years of a steady EBITDA pays back at the end of month 30, a cent more at 31.
    const input = steadyTerm();
    const ebitda = simulateTerm(input).yearly[0]!.totalsCents.hostEbitda;
    const upfront = 2 * ebitda + Math.trunc(ebitda / 2);
    input.finance = { ...input.finance, hostUpfrontCapexUsd: upfront / 100 };
    expect(simulateTerm(input).host.paybackMonth).toBe(30);
    input.finance = { ...input.finance, hostUpfrontCapexUsd: (upfront + 1) / 100 };
    expect(simulateTerm(input).host.paybackMonth).toBe(31);
  });
});

describe('the term', () => {
  it('escalates the colocation price and energy price each year', () => {
    const input = steadyTerm();
    input.term = { ...input.term, years: 3, colocationEscalatorPercent: 3, energyEscalatorPercent: 2 };
    const [y1, y2, y3] = simulateTerm(input).yearly;
    expect(y2!.totalsCents.colocationRevenue).toBe(Math.round(154 * 1.03 * 70 * 1_000 * 12 * 100));
    expect(y3!.colocationUsdPerKwMonth).toBeCloseTo(154 * 1.03 * 1.03, 9);
    expect(y2!.energyPriceFactor).toBeCloseTo(1.02, 12);
    expect(y1!.energyPriceFactor).toBe(1);
  });

  it('contracted MW follows the phases, and a phase that does not fit is refused by its field', () => {
    const input = steadyTerm();
    input.term = { ...input.term, years: 4, phases: [{ fromYear: 1, contractedItMw: 30 }, { fromYear: 3, contractedItMw: 70 }] };
    const term = simulateTerm(input);
    expect(term.yearly.map((y) => y.contractedItMw)).toEqual([30, 30, 70, 70]);
    expect(term.yearly[0]!.totalsCents.colocationRevenue).toBe(154 * 30 * 1_000 * 12 * 100);
    expect(term.valuation.basisYear).toBe(3);
    input.term.phases = [{ fromYear: 2, contractedItMw: 80 }];
    expect(() => simulateTerm(input)).toThrow(/term\.phases\.0\.contractedItMw: contractedItMw x PUE \(104\.000 MW\) exceeds/);
  });

  it('a fleet refresh lowers J/TH from its year, earns more per MWh and costs its capex that year', () => {
    const input = steadyTerm();
    input.market = { hashpriceUsdPerPhDay: 60 };
    input.term = { ...input.term, years: 3, fleetRefreshes: [{ year: 2, jPerTh: 13.5, capexUsdPerMw: 500_000 }] };
    const term = simulateTerm(input);
    expect(term.yearly.map((y) => y.jPerTh)).toEqual([17.5, 13.5, 13.5]);
    expect(term.yearly[1]!.fleetCapexCents).toBe(500_000 * 40 * 100);
    expect(term.yearly[1]!.hostCashFlowCents).toBe(term.yearly[1]!.totalsCents.hostEbitda - 500_000 * 40 * 100);
    expect(term.yearly[2]!.totalsCents.miningGrossRevenue).toBeGreaterThan(term.yearly[0]!.totalsCents.miningGrossRevenue);
  });

  it('tenant view: effective cost per kW-month after its backfill credit, levelised over the term', () => {
    const input = steadyTerm();
    input.market = { hashpriceUsdPerPhDay: 60 };
    const term = simulateTerm(input);
    const y1 = term.yearly[0]!;
    expect(y1.totalsCents.tenantShare).toBeGreaterThan(0);
    expect(y1.tenantEffectiveUsdPerKwMonth).toBeCloseTo((y1.totalsCents.colocationRevenue - y1.totalsCents.tenantShare) / 100 / (70_000 * 12), 9);
    expect(y1.tenantEffectiveUsdPerKwMonth!).toBeLessThan(154);
    // Nothing moves year to year but the calendar: the levelised figure sits within the years' range.
    const effective = term.yearly.map((y) => y.tenantEffectiveUsdPerKwMonth!);
    expect(term.tenant.levelisedEffectiveUsdPerKwMonth!).toBeGreaterThanOrEqual(Math.min(...effective) - 1e-9);
    expect(term.tenant.levelisedEffectiveUsdPerKwMonth!).toBeLessThanOrEqual(Math.max(...effective) + 1e-9);
    // With no value given, the tenant's flows are its costs: negative NPV, no IRR.
    expect(term.tenant.npvCents).toBeLessThan(0);
    expect(term.tenant.irrPercent).toBeNull();
    input.finance = { ...input.finance, tenantValueUsdPerKwMonth: 300, tenantUpfrontUsd: 50_000_000 };
    const valued = simulateTerm(input).tenant;
    expect(valued.irrPercent).not.toBeNull();
    expect(valued.paybackMonth).toBeGreaterThan(0);
  });

  it('valuation is a range at both ends of each multiple, with the uplift', () => {
    const { valuation: v } = simulateTerm(DEFAULT_TERM_INPUT);
    expect(v.atMiningMultiple).toEqual({ low: v.ebitdaCents * 6, high: v.ebitdaCents * 12 });
    expect(v.atDataCentreMultiple).toEqual({ low: v.ebitdaCents * 20, high: v.ebitdaCents * 25 });
    expect(v.uplift).toEqual({ low: v.ebitdaCents * 8, high: v.ebitdaCents * 19 });
  });
});

describe('ramp limits', () => {
  /** The issue's case: a $250/MWh weekday afternoon band, where an unlimited fleet drops and returns in an hour. */
  function bandCase(profile: 'inference' | 'training', ramp: number | null) {
    const input = steadyTerm();
    input.term.years = 1;
    if (profile === 'training') input.aiLoad.profile = DEFAULT_TRAINING_PROFILE;
    input.energy.price = {
      kind: 'time-of-use',
      utcOffsetHours: -6,
      baseUsdPerMwh: 40,
      bands: [{ startHour: 14, endHour: 20, days: 'weekdays', usdPerMwh: 250 }],
    };
    input.mining = { ...input.mining, rampMwPerHour: ramp, rampDownMwPerHour: ramp };
    return simulateTerm(input, { hourly: true });
  }

  it('without limits, the band makes the load less smooth (the issue as reported)', () => {
    const { loadShape } = bandCase('inference', null);
    expect(loadShape!.withBackfill.maxRampMw).toBeGreaterThan(loadShape!.aiOnly.maxRampMw);
  });

  it.each([
    ['inference', 2],
    ['inference', 5],
    ['inference', 10],
    ['training', 2],
    ['training', 10],
    ['training', 40],
  ] as const)('with %s and a %d MW/h ramp both ways, backfill never makes the max ramp worse than AI alone', (profile, ramp) => {
    const term = bandCase(profile, ramp);
    const { aiOnly, withBackfill } = term.loadShape!;
    // The guarantee holds for a fleet ramp up to the AI load's own largest move.
    if (ramp <= aiOnly.maxRampMw) expect(withBackfill.maxRampMw).toBeLessThanOrEqual(aiOnly.maxRampMw + 1e-9);
    const m = term.hourly!.miningMw;
    let fleetRamp = 0;
    for (let h = 1; h < m.length; h++) fleetRamp = Math.max(fleetRamp, Math.abs(m[h]! - m[h - 1]!));
    expect(fleetRamp).toBeLessThanOrEqual(ramp + 1e-9);
    // Never in a band hour: it ramped down ahead of it.
    const price = term.hourly!.energyPriceUsdPerMwh;
    expect(m.filter((_mw, h) => price[h]! === 250 && m[h]! > 0)).toHaveLength(0);
  });
});

describe('validation', () => {
  it.each([
    ['term.years', (i: TTermInput) => (i.term.years = 0), /term\.years: years must be at least 1/],
    ['finance.discountRatePercent', (i: TTermInput) => (i.finance.discountRatePercent = -1), /finance\.discountRatePercent/],
    ['term.hashprice.name', (i: TTermInput) => ((i.term.hashprice as { name: string }).name = 'moon'), /term\.hashprice\.name: name must be one of/],
    ['term.fleetRefreshes.0.jPerTh', (i: TTermInput) => (i.term.fleetRefreshes = [{ year: 2, jPerTh: 0, capexUsdPerMw: 1 }]), /term\.fleetRefreshes\.0\.jPerTh/],
    ['finance.miningMultipleHigh', (i: TTermInput) => (i.finance.miningMultipleHigh = 1), /finance\.miningMultipleHigh: miningMultipleHigh must be at least/],
    ['term.hashprice.dailyUsdPerPhDay', (i: TTermInput) => (i.term.hashprice = { kind: 'series', dailyUsdPerPhDay: [40, 41] }), /expected at least 3652 daily values/],
    ['mining.rampDownMwPerHour', (i: TTermInput) => (i.mining.rampDownMwPerHour = 0), /mining\.rampDownMwPerHour/],
  ])('refuses a bad %s, naming it', (field, spoil, message) => {
    const input = structuredClone(DEFAULT_TERM_INPUT) as TTermInput;
    spoil(input);
    let error: unknown;
    try {
      simulateTerm(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RevenueInputError);
    expect((error as RevenueInputError).issues.map((i) => i.path)).toContain(field);
    expect((error as Error).message).toMatch(message);
  });
});
