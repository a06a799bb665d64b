// Test-only: fast-check generators of valid revenue inputs, and small builders for closed-form cases.
// Not exported from the package.
import fc from 'fast-check';
import { hoursInYear } from '../calendar.js';
import { DEFAULT_REVENUE_INPUT } from '../defaults.js';
import type { TAiProfile, TBlendableProfile, TEnergyPrice, TRevenueInput } from '../schema.js';
import { availableMw } from '../site.js';

/** A mutable deep copy of the default input. */
export function defaultInput(): TRevenueInput {
  return structuredClone(DEFAULT_REVENUE_INPUT);
}

/** Deterministic pseudo-random series in [lo, hi] (mulberry32), so a test can use a whole year of data cheaply. */
export function seededSeries(seed: number, length: number, lo: number, hi: number): number[] {
  let a = seed >>> 0;
  const out = new Array<number>(length);
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = lo + (hi - lo) * (((t ^ (t >>> 14)) >>> 0) / 4_294_967_296);
  }
  return out;
}

const dbl = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const frac = dbl(0, 1);
const pct = fc.integer({ min: 0, max: 10_000 }).map((bp) => bp / 100);

const startDate = fc
  .date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const training = fc
  .record({
    busyUtilisation: frac,
    depthShare: frac,
    checkpointPeriodHours: fc.integer({ min: 1, max: 48 }),
    durationShare: frac,
    availability: frac,
    idleUtilisation: frac,
    jobCycleHours: fc.integer({ min: 1, max: 400 }),
  })
  .map(
    (r): TBlendableProfile => ({
      kind: 'training',
      busyUtilisation: r.busyUtilisation,
      checkpointDepth: r.busyUtilisation * r.depthShare,
      checkpointPeriodHours: r.checkpointPeriodHours,
      checkpointDurationHours: Math.floor(r.durationShare * r.checkpointPeriodHours),
      availability: r.availability,
      idleUtilisation: r.idleUtilisation,
      jobCycleHours: r.jobCycleHours,
    }),
  );

// Peak and trough windows that never overlap: the trough starts after the peak ends and ends before it starts.
const inference = fc
  .record({
    peakUtilisation: frac,
    peakStartHour: fc.integer({ min: 0, max: 23 }),
    peakLength: fc.integer({ min: 1, max: 11 }),
    gapBefore: fc.integer({ min: 0, max: 5 }),
    troughLength: fc.integer({ min: 1, max: 6 }),
    troughDepth: frac,
    weekendReduction: frac,
    utcOffsetHours: fc.integer({ min: -12, max: 14 }),
  })
  .map((r): TBlendableProfile => {
    const peakEndHour = (r.peakStartHour + r.peakLength) % 24;
    const troughStartHour = (peakEndHour + r.gapBefore) % 24;
    return {
      kind: 'inference',
      peakUtilisation: r.peakUtilisation,
      peakStartHour: r.peakStartHour,
      peakEndHour,
      troughStartHour,
      troughEndHour: (troughStartHour + r.troughLength) % 24,
      troughDepth: r.troughDepth,
      weekendReduction: r.weekendReduction,
      utcOffsetHours: r.utcOffsetHours,
    };
  });

function blendable(hours: number): fc.Arbitrary<TBlendableProfile> {
  return fc.oneof(
    training,
    inference,
    frac.map((utilisation): TBlendableProfile => ({ kind: 'flat', utilisation })),
    fc.integer().map((seed): TBlendableProfile => ({ kind: 'series', values: seededSeries(seed, hours, 0, 1) })),
  );
}

function aiProfile(hours: number): fc.Arbitrary<TAiProfile> {
  return fc.oneof(
    blendable(hours),
    fc
      .array(fc.record({ weight: dbl(0.01, 10), profile: blendable(hours) }), { minLength: 1, maxLength: 3 })
      .map((components): TAiProfile => ({ kind: 'blend', components })),
  );
}

function energyPrice(hours: number): fc.Arbitrary<TEnergyPrice> {
  return fc.oneof(
    dbl(-100, 400).map((usdPerMwh): TEnergyPrice => ({ kind: 'flat', usdPerMwh })),
    fc
      .record({
        utcOffsetHours: fc.integer({ min: -12, max: 14 }),
        baseUsdPerMwh: dbl(-50, 300),
        bands: fc.array(
          fc
            .record({
              startHour: fc.integer({ min: 0, max: 23 }),
              length: fc.integer({ min: 1, max: 23 }),
              days: fc.constantFrom('all' as const, 'weekdays' as const, 'weekends' as const),
              usdPerMwh: dbl(-50, 1_000),
            })
            .map((b) => ({ startHour: b.startHour, endHour: (b.startHour + b.length) % 24, days: b.days, usdPerMwh: b.usdPerMwh })),
          { maxLength: 3 },
        ),
      })
      .map((r): TEnergyPrice => ({ kind: 'time-of-use', ...r })),
    fc.integer().map((seed): TEnergyPrice => ({ kind: 'series', values: seededSeries(seed, hours, -50, 400) })),
  );
}

/** Any input ZRevenueInput accepts, spread over the whole valid range (not only realistic sites). */
export const arbitraryRevenueInput: fc.Arbitrary<TRevenueInput> = startDate.chain((date) => {
  const hours = hoursInYear(date);
  return fc
    .record({
      interconnectionMw: dbl(0.1, 500),
      pue: dbl(1, 2),
      reserveMwShare: fc.option(dbl(0, 0.5), { nil: undefined }),
      reservePercent: dbl(0, 50),
      itShare: frac,
      profile: aiProfile(hours),
      mining: fc.record({
        fleetMw: dbl(0, 300),
        jPerTh: dbl(1, 100),
        rampMwPerHour: fc.option(dbl(0.1, 200), { nil: null }),
        rampDownMwPerHour: fc.option(dbl(0.1, 200), { nil: null }),
        minRunHours: fc.integer({ min: 1, max: 12 }),
        uptimePercent: dbl(0, 100),
        poolFeePercent: fc.integer({ min: 0, max: 9_999 }).map((bp) => bp / 100),
        variableOpexUsdPerMwh: dbl(0, 50),
        fixedOpexUsdPerMwYear: dbl(0, 200_000),
      }),
      hashpriceUsdPerPhDay: dbl(0, 500),
      price: energyPrice(hours),
      events: fc.array(
        fc.record({ start: frac, durationHours: fc.integer({ min: 1, max: 48 }), paymentUsdPerMwh: dbl(0, 2_000) }),
        { maxLength: 3 },
      ),
      strike: fc.oneof(
        fc.constant({ kind: 'none' as const }),
        fc.constant({ kind: 'breakeven' as const }),
        dbl(-50, 300).map((maxUsdPerMwh) => ({ kind: 'price-cap' as const, maxUsdPerMwh })),
      ),
      colocationUsdPerKwMonth: dbl(0, 300),
      passThroughMargin: fc.option(pct, { nil: undefined }),
      hostPercent: pct,
      platformFeePercent: pct,
      aiNonPowerUsdPerMwItYear: dbl(0, 1_000_000),
      miningMultiple: dbl(1, 15),
      dataCentreMultiple: dbl(1, 30),
    })
    .map((r): TRevenueInput => {
      const reserve =
        r.reserveMwShare === undefined
          ? { kind: 'percent' as const, percent: r.reservePercent }
          : { kind: 'mw' as const, mw: r.reserveMwShare * r.interconnectionMw };
      const available = availableMw({ interconnectionMw: r.interconnectionMw, reserve });
      let contractedItMw = (r.itShare * available) / r.pue;
      while (contractedItMw * r.pue > available) contractedItMw *= 1 - 1e-12;
      return {
        startDate: date,
        site: { interconnectionMw: r.interconnectionMw, pue: r.pue, reserve },
        aiLoad: { contractedItMw, profile: r.profile },
        mining: r.mining,
        market: { hashpriceUsdPerPhDay: r.hashpriceUsdPerPhDay },
        energy: {
          price: r.price,
          demandResponseEvents: r.events.map((e) => {
            const startHour = Math.min(hours - 1, Math.floor(e.start * hours));
            return {
              startHour,
              durationHours: Math.min(e.durationHours, hours - startHour),
              paymentUsdPerMwh: e.paymentUsdPerMwh,
            };
          }),
          strike: r.strike,
        },
        deal: {
          colocationUsdPerKwMonth: r.colocationUsdPerKwMonth,
          energyPassThrough:
            r.passThroughMargin === undefined ? { kind: 'at-cost' } : { kind: 'margin', marginPercent: r.passThroughMargin },
          revenueShare: { hostPercent: r.hostPercent, tenantPercent: (10_000 - Math.round(r.hostPercent * 100)) / 100 },
          platformFeePercent: r.platformFeePercent,
        },
        opex: { aiNonPowerUsdPerMwItYear: r.aiNonPowerUsdPerMwItYear },
        valuation: { miningMultiple: r.miningMultiple, dataCentreMultiple: r.dataCentreMultiple },
      };
    });
});
