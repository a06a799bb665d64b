import { DEFAULT_TRAINING_PROFILE } from './defaults.js';
import { RevenueInputError } from './errors.js';
import { hashRevenuePerMwh } from './mining.js';
import { roundCents } from './money.js';
import type { TRevenueInput } from './schema.js';
import { simulateRevenue } from './simulate.js';
import { defaultInput, seededSeries } from './testing/arbitrary-input.js';
import type { HourlyOutput, RevenueResult } from './types.js';

/** A site with no AI tenant: 100 MW, no reserve, a 50 MW fleet at 12.5 J/TH, everything else neutral. */
function miningOnly(): TRevenueInput {
  const input = defaultInput();
  input.site = { interconnectionMw: 100, pue: 1.2, reserve: { kind: 'mw', mw: 0 } };
  input.aiLoad = { contractedItMw: 0, profile: { kind: 'flat', utilisation: 0 } };
  input.mining = {
    fleetMw: 50,
    jPerTh: 12.5,
    rampMwPerHour: null,
    rampDownMwPerHour: null,
    minRunHours: 1,
    uptimePercent: 100,
    poolFeePercent: 0,
    variableOpexUsdPerMwh: 0,
    fixedOpexUsdPerMwYear: 0,
  };
  // (1,000 / 12.5) PH/s per MW x $48/PH/day / 24 = $160/MWh, exact in binary floating point.
  input.market = { hashpriceUsdPerPhDay: 48 };
  input.energy = { price: { kind: 'flat', usdPerMwh: 40 }, demandResponseEvents: [], strike: { kind: 'breakeven' } };
  return input;
}

function hourlyOf(r: RevenueResult): HourlyOutput {
  if (r.hourly === null) throw new Error('expected hourly output');
  return r.hourly;
}

function expectConservation(r: RevenueResult): void {
  const { aiMw, miningMw, idleMw } = hourlyOf(r);
  expect(aiMw).toHaveLength(r.hours);
  for (let h = 0; h < r.hours; h++) {
    const ai = aiMw[h]!;
    const m = miningMw[h]!;
    const idle = idleMw[h]!;
    if (Math.abs(ai + m + idle - r.availableMw) > 1e-9 || ai < 0 || m < 0 || idle < 0)
      throw new Error(`hour ${h}: ai ${ai} + mining ${m} + idle ${idle} != available ${r.availableMw}`);
  }
}

function expectMoneyAddsUp(r: RevenueResult): void {
  const t = r.totalsCents;
  for (const [k, v] of Object.entries(t)) if (!Number.isSafeInteger(v)) throw new Error(`${k} = ${v} is not whole cents`);
  expect(t.hostShare + t.tenantShare + t.platformFee).toBe(t.backfillDistributed);
  expect(t.backfillDistributed).toBe(Math.max(0, t.backfillPool));
  expect(t.miningGrossRevenue - t.poolFees - t.miningEnergyCost - t.miningVariableOpex - t.miningFixedOpex + t.demandResponseIncome).toBe(
    t.miningNet,
  );
  expect(t.aiEnergyCost + t.miningEnergyCost).toBe(t.energyCost);
  expect(t.colocationRevenue + t.energyPassThroughRevenue - t.aiEnergyCost - t.aiNonPowerOpex).toBe(t.aiSegmentEbitda);
  expect(t.miningNet - t.tenantShare - t.platformFee).toBe(t.miningSegmentEbitda);
  expect(t.aiSegmentEbitda + t.miningSegmentEbitda).toBe(t.hostEbitda);
  expect(t.colocationRevenue + t.energyPassThroughRevenue - t.tenantShare).toBe(t.tenantNetCost);
  expect(r.valuationCents.atDataCentreMultiple - r.valuationCents.atMiningMultiple).toBe(r.valuationCents.uplift);
}

describe('closed forms', () => {
  it('with no AI load, cheap flat energy and no ramp limit, mines every hour at fleet MW and earns exactly the formula', () => {
    const r = simulateRevenue(miningOnly());
    const perMwh = hashRevenuePerMwh(12.5, 48);
    expect(perMwh).toBe(160);
    const { miningMw, idleMw } = hourlyOf(r);
    expect(miningMw.every((m) => m === 50)).toBe(true);
    expect(idleMw.every((m) => m === 50)).toBe(true);
    const t = r.totalsCents;
    expect(r.hours).toBe(8_760);
    expect(t.miningGrossRevenue).toBe(50 * 160 * 8_760 * 100);
    expect(t.miningEnergyCost).toBe(50 * 40 * 8_760 * 100);
    expect(t.miningNet).toBe(50 * (160 - 40) * 8_760 * 100);
    expect(t.poolFees).toBe(0);
    expect(r.energyMwh.mining).toBe(50 * 8_760);
    // No tenant: all mining sits in the host's own headroom and nothing is shared.
    expect(r.energyMwh.backfill).toBe(0);
    expect(t.backfillPool).toBe(0);
    expect(t.hostEbitda).toBe(t.miningNet);
    expectMoneyAddsUp(r);
  });

  it('meters hash revenue per hour to the cent for prices that are not round numbers', () => {
    const input = miningOnly();
    input.mining.jPerTh = 17.5;
    input.mining.poolFeePercent = 2;
    input.mining.variableOpexUsdPerMwh = 3;
    input.market.hashpriceUsdPerPhDay = 54.3;
    const r = simulateRevenue(input);
    const perMwh = ((1_000 / 17.5) * 54.3) / 24;
    expect(hashRevenuePerMwh(17.5, 54.3)).toBeCloseTo(perMwh, 12);
    const t = r.totalsCents;
    expect(t.miningGrossRevenue).toBe(8_760 * roundCents(50 * perMwh));
    expect(Math.abs(t.miningGrossRevenue - 50 * perMwh * 8_760 * 100)).toBeLessThanOrEqual(0.5 * 8_760);
    expect(t.miningVariableOpex).toBe(50 * 3 * 8_760 * 100);
    // The pool keeps 2%; the energy line (the remainder) stays within 2 cents an hour of MW x price.
    expect(Math.abs(t.poolFees - 0.02 * t.miningGrossRevenue)).toBeLessThanOrEqual(8_760);
    expect(Math.abs(t.miningEnergyCost - 50 * 40 * 8_760 * 100)).toBeLessThanOrEqual(2 * 8_760);
    expectMoneyAddsUp(r);
  });

  it('never mines with a break-even strike when energy costs more than hash revenue', () => {
    const input = miningOnly();
    input.energy.price = { kind: 'flat', usdPerMwh: 160.01 };
    const r = simulateRevenue(input);
    expect(hourlyOf(r).miningMw.every((m) => m === 0)).toBe(true);
    expect(r.energyMwh.mining).toBe(0);
    expect(r.totalsCents.miningGrossRevenue).toBe(0);
    expect(r.totalsCents.miningNet).toBe(0);
    expect(r.breakEven.energyUsdPerMwh).toBe(160);
  });

  it('stops at exactly break-even: the margin must be above zero', () => {
    const input = miningOnly();
    input.energy.price = { kind: 'flat', usdPerMwh: 160 };
    expect(simulateRevenue(input).energyMwh.mining).toBe(0);
    input.energy.price = { kind: 'flat', usdPerMwh: 159.99 };
    expect(simulateRevenue(input).energyMwh.mining).toBe(50 * 8_760);
  });

  it('without a strike, mines through unprofitable hours and books the loss', () => {
    const input = miningOnly();
    input.energy.price = { kind: 'flat', usdPerMwh: 200 };
    input.energy.strike = { kind: 'none' };
    const r = simulateRevenue(input);
    expect(r.energyMwh.mining).toBe(50 * 8_760);
    expect(r.totalsCents.miningNet).toBe(50 * (160 - 200) * 8_760 * 100);
  });

  it('with a price-cap strike, mines only hours priced at or below the cap', () => {
    const input = miningOnly();
    input.energy.price = {
      kind: 'time-of-use',
      utcOffsetHours: 0,
      baseUsdPerMwh: 30,
      bands: [{ startHour: 16, endHour: 20, days: 'all', usdPerMwh: 95 }],
    };
    input.energy.strike = { kind: 'price-cap', maxUsdPerMwh: 90 };
    const r = simulateRevenue(input);
    const { miningMw } = hourlyOf(r);
    for (let h = 0; h < 48; h++) expect(miningMw[h]).toBe(h % 24 >= 16 && h % 24 < 20 ? 0 : 50);
    expect(r.energyMwh.mining).toBe(50 * 20 * 365);
  });

  it('with a full-load AI tenant, mines only in the headroom the interconnection leaves', () => {
    const input = defaultInput();
    input.aiLoad.profile = { kind: 'flat', utilisation: 1 };
    const r = simulateRevenue(input);
    // 100 MW less 5% reserve = 95 MW; 70 MW IT x PUE 1.3 = 91 MW; 4 MW left, less than the fleet's 38.8 MW.
    expect(r.availableMw).toBe(95);
    expect(r.contractedFacilityMw).toBe(91);
    const { aiMw, miningMw, idleMw } = hourlyOf(r);
    expect(aiMw.every((v) => v === 91)).toBe(true);
    expect(miningMw.every((v) => v === 4)).toBe(true);
    expect(idleMw.every((v) => v === 0)).toBe(true);
    // The tenant uses all it reserved: nothing is backfilled, nothing shared.
    expect(r.energyMwh.backfill).toBe(0);
    expect(r.totalsCents.tenantShare).toBe(0);
    expect(r.totalsCents.platformFee).toBe(0);
    expect(r.interconnectionUtilisation.withoutBackfill).toBeCloseTo(0.91, 12);
    expect(r.interconnectionUtilisation.withBackfill).toBeCloseTo(0.95, 12);
  });

  it('derates the fleet by its uptime and caps mining at fleet MW', () => {
    const input = miningOnly();
    input.mining.uptimePercent = 90;
    input.mining.fleetMw = 200;
    const r = simulateRevenue(input);
    expect(hourlyOf(r).miningMw.every((m) => m === 100)).toBe(true);
    input.mining.fleetMw = 60;
    expect(hourlyOf(simulateRevenue(input)).miningMw.every((m) => Math.abs(m - 54) < 1e-12)).toBe(true);
  });
});

describe('colocation and deal terms', () => {
  it('bills colocation as price x contracted kW x 12 months and passes energy through at cost or with a margin', () => {
    const input = defaultInput();
    const atCost = simulateRevenue(input).totalsCents;
    expect(atCost.colocationRevenue).toBe(154 * 70_000 * 12 * 100);
    expect(atCost.energyPassThroughRevenue).toBe(atCost.aiEnergyCost);
    input.deal.energyPassThrough = { kind: 'margin', marginPercent: 10 };
    const withMargin = simulateRevenue(input).totalsCents;
    expect(withMargin.energyPassThroughRevenue - withMargin.aiEnergyCost).toBe(Math.round(withMargin.aiEnergyCost / 10));
    expect(withMargin.hostEbitda - atCost.hostEbitda).toBe(Math.round(atCost.aiEnergyCost / 10));
  });

  it('splits the backfill net between platform, host and tenant to the cent', () => {
    const r = simulateRevenue(defaultInput());
    const t = r.totalsCents;
    expect(t.backfillPool).toBeGreaterThan(0);
    expect(t.platformFee).toBe(Math.round(t.backfillDistributed * 0.05));
    expect(Math.abs(t.hostShare - t.backfillDistributed * 0.95 * 0.7)).toBeLessThan(1);
    expect(Math.abs(t.tenantShare - t.backfillDistributed * 0.95 * 0.3)).toBeLessThan(2);
    expectMoneyAddsUp(r);
  });

  it('keeps a backfill loss with the host: nothing is distributed', () => {
    const input = defaultInput();
    input.energy.strike = { kind: 'none' };
    input.energy.price = { kind: 'flat', usdPerMwh: 150 };
    const t = simulateRevenue(input).totalsCents;
    expect(t.backfillPool).toBeLessThan(0);
    expect(t.backfillDistributed).toBe(0);
    expect(t.tenantShare).toBe(0);
    expect(t.platformFee).toBe(0);
    expect(t.miningSegmentEbitda).toBe(t.miningNet);
  });

  it('values host EBITDA at the mining and the data-centre multiple', () => {
    const r = simulateRevenue(defaultInput());
    const e = r.totalsCents.hostEbitda;
    expect(r.valuationCents.atMiningMultiple).toBe(e * 8);
    expect(r.valuationCents.atDataCentreMultiple).toBe(e * 22);
    expect(r.valuationCents.uplift).toBe(e * 14);
    expect(r.valuationCents.sumOfParts).toBe(r.totalsCents.aiSegmentEbitda * 22 + r.totalsCents.miningSegmentEbitda * 8);
  });

  it('charges AI non-power opex per MW of IT and fixed mining opex per fleet MW', () => {
    const t = simulateRevenue(defaultInput()).totalsCents;
    expect(t.aiNonPowerOpex).toBe(70 * 300_000 * 100);
    expect(t.miningFixedOpex).toBe(40 * 25_000 * 100);
  });
});

describe('dispatch limits', () => {
  it('ramps mining up by at most the ramp limit per hour and drops it at once', () => {
    const input = defaultInput();
    input.aiLoad.profile = DEFAULT_TRAINING_PROFILE;
    input.mining.rampMwPerHour = 3;
    const r = simulateRevenue(input);
    const { miningMw } = hourlyOf(r);
    let sawDrop = false;
    let prev = 0;
    for (let h = 0; h < r.hours; h++) {
      const m = miningMw[h]!;
      expect(m - prev).toBeLessThanOrEqual(3 + 1e-9);
      if (prev - m > 3) sawDrop = true;
      prev = m;
    }
    expect(sawDrop).toBe(true);
    expectConservation(r);
  });

  it('starts a run only when it can last the minimum run', () => {
    // Cheap energy for 2 hours a day and 4 hours at weekends; otherwise too dear to mine.
    const input = miningOnly();
    input.energy.price = {
      kind: 'time-of-use',
      utcOffsetHours: 0,
      baseUsdPerMwh: 500,
      bands: [
        { startHour: 2, endHour: 4, days: 'weekdays', usdPerMwh: 20 },
        { startHour: 2, endHour: 6, days: 'weekends', usdPerMwh: 20 },
      ],
    };
    const minedHours = (minRun: number) => {
      input.mining.minRunHours = minRun;
      const r = simulateRevenue(input);
      const { miningMw } = hourlyOf(r);
      let run = 0;
      for (let h = 0; h <= r.hours; h++) {
        const on = h < r.hours && miningMw[h]! > 0;
        if (on) run++;
        else if (run > 0) {
          expect(run).toBeGreaterThanOrEqual(minRun);
          run = 0;
        }
      }
      return r.energyMwh.mining / 50;
    };
    // 2025: 261 weekdays x 2 h + 104 weekend days x 4 h.
    expect(minedHours(1)).toBe(261 * 2 + 104 * 4);
    expect(minedHours(2)).toBe(261 * 2 + 104 * 4);
    expect(minedHours(3)).toBe(104 * 4);
    expect(minedHours(5)).toBe(0);
  });

  it('stops mining for demand-response events and is paid on the pre-event level', () => {
    const input = miningOnly();
    input.energy.demandResponseEvents = [
      { startHour: 100, durationHours: 3, paymentUsdPerMwh: 1_000 },
      { startHour: 0, durationHours: 2, paymentUsdPerMwh: 500 },
    ];
    const r = simulateRevenue(input);
    const { miningMw } = hourlyOf(r);
    for (const h of [0, 1, 100, 101, 102]) expect(miningMw[h]).toBe(0);
    expect(miningMw[99]).toBe(50);
    expect(miningMw[103]).toBe(50);
    // The year starts with the fleet off, so the first event has no baseline and pays nothing.
    expect(r.energyMwh.curtailed).toBe(150);
    expect(r.totalsCents.demandResponseIncome).toBe(150 * 1_000 * 100);
    expect(r.energyMwh.mining).toBe(50 * (8_760 - 5));
    expectMoneyAddsUp(r);
  });

  it('shares demand-response income earned on the tenant\'s reserved power', () => {
    const input = defaultInput();
    input.energy.demandResponseEvents = [{ startHour: 3_000, durationHours: 2, paymentUsdPerMwh: 2_000 }];
    const withEvent = simulateRevenue(input);
    input.energy.demandResponseEvents = [];
    const without = simulateRevenue(input);
    expect(withEvent.totalsCents.demandResponseIncome).toBeGreaterThan(0);
    expect(withEvent.totalsCents.tenantShare).toBeGreaterThan(without.totalsCents.tenantShare);
    expectMoneyAddsUp(withEvent);
  });
});

describe('conservation: AI + mining + idle = available every hour', () => {
  const cases: [string, (i: TRevenueInput) => void][] = [
    ['inference (default)', () => {}],
    ['training', (i) => (i.aiLoad.profile = DEFAULT_TRAINING_PROFILE)],
    [
      'blend with ramp, min run, DR and time of use',
      (i) => {
        i.aiLoad.profile = {
          kind: 'blend',
          components: [
            { weight: 2, profile: DEFAULT_TRAINING_PROFILE },
            { weight: 1, profile: structuredClone(i.aiLoad.profile) as Extract<TRevenueInput['aiLoad']['profile'], { kind: 'inference' }> },
          ],
        };
        i.mining = { ...i.mining, fleetMw: 80, rampMwPerHour: 7, minRunHours: 3 };
        i.energy.price = {
          kind: 'time-of-use',
          utcOffsetHours: -6,
          baseUsdPerMwh: 45,
          bands: [{ startHour: 15, endHour: 21, days: 'weekdays', usdPerMwh: 140 }],
        };
        i.energy.demandResponseEvents = [{ startHour: 4_500, durationHours: 6, paymentUsdPerMwh: 800 }];
      },
    ],
    [
      'uploaded AI and price series',
      (i) => {
        i.aiLoad.profile = { kind: 'series', values: seededSeries(1, 8_760, 0, 1) };
        i.energy.price = { kind: 'series', values: seededSeries(2, 8_760, -20, 200) };
      },
    ],
  ];
  it.each(cases)('%s', (_name, change) => {
    const input = defaultInput();
    change(input);
    const r = simulateRevenue(input);
    expectConservation(r);
    expectMoneyAddsUp(r);
    const { miningMw } = hourlyOf(r);
    const cap = (input.mining.fleetMw * input.mining.uptimePercent) / 100;
    expect(miningMw.every((m) => m <= cap + 1e-12)).toBe(true);
    expect(r.energyMwh.ai + r.energyMwh.mining + r.energyMwh.idle).toBeCloseTo(r.availableMw * r.hours, 6);
  });
});

describe('backfill and the shape of the load', () => {
  it('never makes the seed case (inference with a deep night trough) less smooth, and raises utilisation', () => {
    const input = defaultInput();
    expect(input.aiLoad.profile.kind).toBe('inference');
    const r = simulateRevenue(input);
    const { aiOnly, withBackfill } = r.loadShape;
    expect(withBackfill.peakToAverage).toBeLessThan(aiOnly.peakToAverage);
    expect(withBackfill.maxRampMw).toBeLessThanOrEqual(aiOnly.maxRampMw + 1e-9);
    expect(withBackfill.stdDevMw).toBeLessThan(aiOnly.stdDevMw);
    expect(r.interconnectionUtilisation.withBackfill).toBeGreaterThan(r.interconnectionUtilisation.withoutBackfill);
    expect(aiOnly.peakToAverage).toBeGreaterThan(1.3);
  });

  it('flattens the load completely when the fleet can fill every trough', () => {
    const input = defaultInput();
    input.mining.fleetMw = 100;
    input.mining.uptimePercent = 100;
    const { withBackfill } = simulateRevenue(input).loadShape;
    // AI + (available - AI) is 95 MW up to one rounding of the last bit.
    expect(withBackfill.peakMw).toBeCloseTo(95, 12);
    expect(withBackfill.peakToAverage).toBeCloseTo(1, 12);
    expect(withBackfill.maxRampMw).toBeLessThan(1e-9);
    expect(withBackfill.stdDevMw).toBeLessThan(1e-9);
  });

  it('computes the load statistics from the hourly series', () => {
    const r = simulateRevenue(defaultInput());
    const { aiMw } = hourlyOf(r);
    const mean = aiMw.reduce((s, v) => s + v, 0) / r.hours;
    let peak = 0;
    let ramp = 0;
    let ss = 0;
    for (let h = 0; h < r.hours; h++) {
      peak = Math.max(peak, aiMw[h]!);
      if (h > 0) ramp = Math.max(ramp, Math.abs(aiMw[h]! - aiMw[h - 1]!));
      ss += (aiMw[h]! - mean) ** 2;
    }
    const s = r.loadShape.aiOnly;
    expect(s.meanMw).toBeCloseTo(mean, 9);
    expect(s.peakMw).toBe(peak);
    expect(s.peakToAverage).toBeCloseTo(peak / mean, 9);
    expect(s.maxRampMw).toBeCloseTo(ramp, 12);
    expect(s.stdDevMw).toBeCloseTo(Math.sqrt(ss / r.hours), 9);
  });
});

describe('the year', () => {
  it.each([
    ['2024-01-01', 8_784, '2025-01-01'],
    ['2025-01-01', 8_760, '2026-01-01'],
    ['2023-03-01', 8_784, '2024-03-01'],
    ['2024-03-01', 8_760, '2025-03-01'],
  ])('starting %s has %i hours', (startDate, hours, endDate) => {
    const input = defaultInput();
    input.startDate = startDate;
    const r = simulateRevenue(input);
    expect(r.hours).toBe(hours);
    expect(r.endDate).toBe(endDate);
    expect(hourlyOf(r).miningMw).toHaveLength(hours);
    expect(r.energyMwh.ai + r.energyMwh.mining + r.energyMwh.idle).toBeCloseTo(r.availableMw * hours, 6);
  });

  it('rejects an uploaded series of the wrong length for the year, naming the field', () => {
    const input = defaultInput();
    input.startDate = '2024-01-01';
    input.aiLoad.profile = { kind: 'series', values: seededSeries(3, 8_760, 0, 1) };
    expect(() => simulateRevenue(input)).toThrow(RevenueInputError);
    expect(() => simulateRevenue(input)).toThrow(/aiLoad\.profile\.values: expected 8784 hourly values .* got 8760/);
  });

  it('breaks even at the formula: hashprice = (price + opex) x 24 x J/TH / 1,000 / (1 - pool fee)', () => {
    const input = miningOnly();
    input.mining.poolFeePercent = 2;
    input.mining.variableOpexUsdPerMwh = 4;
    const r = simulateRevenue(input);
    expect(r.breakEven.averageEnergyUsdPerMwh).toBe(40);
    expect(r.breakEven.hashpriceUsdPerPhDay).toBeCloseTo(((40 + 4) * 24 * 12.5) / 1_000 / 0.98, 9);
    expect(r.breakEven.energyUsdPerMwh).toBeCloseTo(160 * 0.98 - 4, 9);
    input.market.hashpriceUsdPerPhDay = r.breakEven.hashpriceUsdPerPhDay * 1.0001;
    expect(simulateRevenue(input).energyMwh.mining).toBe(50 * 8_760);
    input.market.hashpriceUsdPerPhDay = r.breakEven.hashpriceUsdPerPhDay * 0.9999;
    expect(simulateRevenue(input).energyMwh.mining).toBe(0);
  });

  it('skips the hourly arrays on request and gives the same totals', () => {
    const input = defaultInput();
    const full = simulateRevenue(input);
    const lean = simulateRevenue(input, { hourly: false });
    expect(lean.hourly).toBeNull();
    expect(lean.totalsCents).toEqual(full.totalsCents);
    expect(lean.loadShape).toEqual(full.loadShape);
  });

  it('is deterministic and leaves its input untouched', () => {
    const input = defaultInput();
    const copy = structuredClone(input);
    expect(simulateRevenue(input).totalsCents).toEqual(simulateRevenue(input).totalsCents);
    expect(input).toEqual(copy);
  });
});
