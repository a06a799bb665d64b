// fast-check arbitraries of valid settlement inputs: any month, partial or whole active periods, MW changes,
// gaps, events of every cause (overlapping, clipped, sub-hour), missing hashprice days, carries and
// adjustments. An hourly series is a level x a daily shape (24 values) x a factor per day, with gap hours
// chosen apart: all from fast-check, so a failure shrinks to a small case, and a run stays fast.
import fc from 'fast-check';
import { DEFAULT_SLA_TIERS } from '../availability.js';
import { MS_PER_DAY, MS_PER_HOUR, isoDate, monthCalendar } from '../calendar.js';
import { CORRECTABLE_KINDS } from '../schema.js';
import type { CurtailmentCause, MeterChannel, SettlementEvent, SettlementMonthInput, SettlementTerms } from '../types.js';

const bps = (max = 10_000) => fc.integer({ min: 0, max });
/** A level from min to max in 1,000 steps (fc.double favours denormals and edges, which hide the middle). */
const level = (min: number, max: number) => fc.integer({ min: 0, max: 1_000 }).map((i) => min + ((max - min) * i) / 1_000);

interface Shape {
  readonly hourOfDay: readonly number[];
  readonly day: readonly number[];
}
const arbShape = (days: number): fc.Arbitrary<Shape> =>
  fc.record({
    hourOfDay: fc.array(level(0, 1), { minLength: 24, maxLength: 24 }),
    day: fc.array(level(0, 1), { minLength: days, maxLength: days }),
  });
/** Hours without data: none, a few scattered, or a run. */
const arbGaps = (hours: number): fc.Arbitrary<readonly number[]> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant<readonly number[]>([]) },
    fc.uniqueArray(fc.integer({ min: 0, max: hours - 1 }), { maxLength: 20 }),
    fc.record({ from: fc.integer({ min: 0, max: hours - 1 }), length: fc.integer({ min: 1, max: 72 }) }).map(({ from, length }) =>
      Array.from({ length: Math.min(length, hours - from) }, (_, i) => from + i),
    ),
  );

/** level x shape of the hour of day x factor of the day; NaN in the gap hours. */
function series(hours: number, scale: number, shape: Shape, gaps: readonly number[]): Float64Array {
  const out = new Float64Array(hours);
  for (let h = 0; h < hours; h++) out[h] = scale * shape.hourOfDay[h % 24]! * shape.day[Math.floor(h / 24)]!;
  for (const h of gaps) out[h] = Number.NaN;
  return out;
}

export const arbTerms: fc.Arbitrary<SettlementTerms> = fc.record({
  priceCentsPerKwMonth: fc.integer({ min: 0, max: 50_000 }),
  contractedKw: fc.integer({ min: 1, max: 200_000 }),
  pue: fc.double({ min: 1, max: 2, noNaN: true }),
  energyMarginBps: bps(3_000),
  jPerTh: fc.double({ min: 10, max: 40, noNaN: true }),
  poolFeeBps: bps(500),
  variableOpexCentsPerMwh: fc.integer({ min: 0, max: 2_000 }),
  tenantBackfillShareBps: bps(),
  tenantDemandResponseShareBps: bps(),
  platformFeeBps: bps(2_000),
  slaTiers: fc.constantFrom(DEFAULT_SLA_TIERS, [
    { minAvailabilityPct: 99.99, creditPct: 0 },
    { minAvailabilityPct: 95, creditPct: 12.5 },
    { minAvailabilityPct: 0, creditPct: 100 },
  ]),
  maintenanceAllowanceHours: fc.integer({ min: 0, max: 24 }),
  hashpriceSource: fc.constantFrom('INDEX' as const, 'POOL_STATEMENTS' as const),
});

const CAUSES: CurtailmentCause[] = ['GRID_EMERGENCY', 'DEMAND_RESPONSE', 'PRICE', 'FACILITY', 'TENANT', 'MAINTENANCE_PLANNED'];
const CHANNELS: MeterChannel[] = ['AI_IT', 'MINING', 'SITE_IMPORT'];

/** Events around the month (some outside it), in 15-minute steps, 15 min to 3 days long, up to 1.5x the MW. */
function arbEvents(startMs: number, days: number, contractedMw: number): fc.Arbitrary<SettlementEvent[]> {
  return fc.array(
    fc.record({
      cause: fc.constantFrom(...CAUSES, 'FACILITY'),
      channel: fc.constantFrom(...CHANNELS, 'AI_IT'),
      startQuarter: fc.integer({ min: -4 * 24 * 3, max: 4 * 24 * (days + 1) }),
      quarters: fc.integer({ min: 1, max: 4 * 72 }),
      share: level(0, 1.5),
      payment: fc.integer({ min: 0, max: 100_000 }),
      disputed: fc.boolean(),
    }),
    { maxLength: 8 },
  ).map((events) =>
    events.map((e, i) => ({
      id: `e${i}`,
      cause: e.cause,
      channel: e.channel,
      startsAt: new Date(startMs + (e.startQuarter * MS_PER_HOUR) / 4).toISOString(),
      endsAt: new Date(startMs + ((e.startQuarter + e.quarters) * MS_PER_HOUR) / 4).toISOString(),
      mwAffected: e.share * contractedMw,
      paymentCentsPerMwh: e.cause === 'DEMAND_RESPONSE' ? e.payment : null,
      disputed: e.disputed,
    })),
  );
}

export const arbMonthInput: fc.Arbitrary<SettlementMonthInput> = fc
  .record({ year: fc.integer({ min: 2024, max: 2030 }), month: fc.integer({ min: 1, max: 12 }), terms: arbTerms })
  .chain(({ year, month, terms }) => {
    const cal = monthCalendar(`${year}-${String(month).padStart(2, '0')}`);
    const day = (d: number) => isoDate(cal.startMs + d * MS_PER_DAY);
    return fc.record({
      month: fc.constant(cal.month),
      fromDay: fc.oneof(fc.constant(-40), fc.integer({ min: -40, max: cal.days - 1 })),
      untilDay: fc.option(fc.integer({ min: 1, max: cal.days + 40 })),
      terms: fc.constant(terms),
      changes: fc.uniqueArray(fc.integer({ min: 0, max: cal.days - 1 }), { maxLength: 3 }),
      changeKw: fc.array(fc.integer({ min: 1, max: 200_000 }), { minLength: 3, maxLength: 3 }),
      aiLevel: level(0, 1.02),
      aiShape: arbShape(cal.days),
      aiGaps: arbGaps(cal.hours),
      // Of the reserved facility MW: from none to beyond the headroom.
      miningShare: level(0, 1.5),
      miningShape: arbShape(cal.days),
      miningGaps: arbGaps(cal.hours),
      priceLevel: level(-50, 300),
      priceShape: arbShape(cal.days),
      hashprice: fc.array(fc.option(level(0, 300), { freq: 100 }), { minLength: cal.days, maxLength: cal.days }),
      events: arbEvents(cal.startMs, cal.days, terms.contractedKw / 1_000),
      carriedTenantCreditCents: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: -2_000_000_000, max: 0 })),
      carriedPlatformFeeCents: fc.oneof(fc.constant(0), fc.integer({ min: -5_000_000, max: 50_000_000 })),
      adjustments: fc.array(
        fc.record({
          monthsBack: fc.integer({ min: 1, max: 12 }),
          corrects: fc.constantFrom(...CORRECTABLE_KINDS),
          amountCents: fc.integer({ min: -500_000_000, max: 500_000_000 }),
        }),
        { maxLength: 3 },
      ),
    }).map((p): SettlementMonthInput => {
      const sortedChanges = [...p.changes].sort((a, b) => a - b);
      return {
        month: p.month,
        activeFrom: day(p.fromDay),
        activeUntil: p.untilDay === null ? null : day(Math.max(p.fromDay + 1, p.untilDay)),
        terms: p.terms,
        kwChanges: sortedChanges.map((d, i) => ({ effectiveOn: day(d), kw: p.changeKw[i]! })),
        aiItMwh: series(cal.hours, (p.aiLevel * p.terms.contractedKw) / 1_000, p.aiShape, p.aiGaps),
        miningMwh: series(cal.hours, (p.miningShare * p.terms.contractedKw * p.terms.pue) / 1_000, p.miningShape, p.miningGaps),
        energyPriceUsdPerMwh: series(cal.hours, p.priceLevel, p.priceShape, []),
        hashpriceUsdPerPhDay: p.hashprice,
        events: p.events,
        carriedTenantCreditCents: p.carriedTenantCreditCents,
        carriedPlatformFeeCents: p.carriedPlatformFeeCents,
        adjustments: p.adjustments.map((a) => {
          const back = new Date(Date.UTC(year, month - 1 - a.monthsBack, 1)).toISOString().slice(0, 7);
          return { month: back, corrects: a.corrects, amountCents: a.amountCents, reason: 'correction' };
        }),
      };
    });
  });
