// zod schemas for the revenue input. Every rule says which field broke it: the issue path names the field and
// the message says what a valid value looks like. Bounds above the physical range keep every yearly total
// below 2^53 cents, where JavaScript numbers stop being exact integers (see money.ts).
import { z } from 'zod';
import { parseIsoDate, yearCalendar } from './calendar.js';
import { availableMw } from './site.js';

/** An hourly series: a plain array (JSON) or a Float64Array (parseHourlyCsv). */
export type HourlySeries = ReadonlyArray<number> | Float64Array;

const num = (what: string) => z.number({ error: `${what} must be a finite number` });
const fraction = (what: string) => num(what).min(0, `${what} must be between 0 and 1`).max(1, `${what} must be between 0 and 1`);
const nonNegative = (what: string, max: number) =>
  num(what).min(0, `${what} must be 0 or more`).max(max, `${what} must be at most ${max}`);
const wholeHours = (what: string, min: number, max: number) =>
  z
    .int({ error: `${what} must be a whole number of hours` })
    .min(min, `${what} must be at least ${min}`)
    .max(max, `${what} must be at most ${max}`);
const hourOfDay = (what: string) => wholeHours(what, 0, 23);
const utcOffset = z
  .int({ error: 'utcOffsetHours must be a whole number of hours (e.g. -5 for US Eastern standard time)' })
  .min(-12, 'utcOffsetHours must be between -12 and 14')
  .max(14, 'utcOffsetHours must be between -12 and 14');

/** Contract percentages are whole basis points, so splits can be done in exact integer arithmetic. */
const isBasisPoints = (v: number) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-7;
const percent = (what: string, maxExclusive = false) =>
  (maxExclusive
    ? num(what).min(0, `${what} must be between 0 and 100`).lt(100, `${what} must be below 100`)
    : num(what).min(0, `${what} must be between 0 and 100`).max(100, `${what} must be between 0 and 100`)
  ).refine(isBasisPoints, `${what} must have at most 2 decimal places (whole basis points)`);

function hourlySeries(what: string, min: number, max: number) {
  return z
    .custom<HourlySeries>((v) => Array.isArray(v) || v instanceof Float64Array, {
      error: `${what} must be an array of hourly numbers`,
    })
    .superRefine((values, ctx) => {
      // One loop, first bad value only: a series has 8,760 entries and one clear message beats thousands.
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
          ctx.addIssue({
            code: 'custom',
            path: [i],
            message: `${what}: hour ${i} is ${String(v)}; each value must be a number from ${min} to ${max}`,
          });
          return;
        }
      }
    });
}

export const ZReserve = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mw'), mw: nonNegative('reserve.mw', 100_000) }),
  z.object({ kind: z.literal('percent'), percent: nonNegative('reserve.percent', 100) }),
]);

export const ZSite = z.object({
  interconnectionMw: num('interconnectionMw')
    .positive('interconnectionMw must be greater than 0')
    .max(10_000, 'interconnectionMw must be at most 10,000'),
  pue: num('pue').min(1, 'pue must be at least 1.0').max(3, 'pue must be at most 3.0'),
  reserve: ZReserve,
});

export const ZTrainingProfile = z
  .object({
    kind: z.literal('training'),
    busyUtilisation: fraction('busyUtilisation'),
    checkpointPeriodHours: wholeHours('checkpointPeriodHours', 1, 8_784),
    checkpointDurationHours: wholeHours('checkpointDurationHours', 0, 8_784),
    checkpointDepth: fraction('checkpointDepth'),
    availability: fraction('availability'),
    idleUtilisation: fraction('idleUtilisation'),
    jobCycleHours: wholeHours('jobCycleHours', 1, 8_784),
  })
  .superRefine((p, ctx) => {
    if (p.checkpointDurationHours > p.checkpointPeriodHours)
      ctx.addIssue({
        code: 'custom',
        path: ['checkpointDurationHours'],
        message: 'checkpointDurationHours must not exceed checkpointPeriodHours',
      });
    if (p.checkpointDepth > p.busyUtilisation)
      ctx.addIssue({
        code: 'custom',
        path: ['checkpointDepth'],
        message: 'checkpointDepth must not exceed busyUtilisation (the load cannot drop below zero)',
      });
  });

export const ZInferenceProfile = z
  .object({
    kind: z.literal('inference'),
    peakUtilisation: fraction('peakUtilisation'),
    peakStartHour: hourOfDay('peakStartHour'),
    peakEndHour: hourOfDay('peakEndHour'),
    troughStartHour: hourOfDay('troughStartHour'),
    troughEndHour: hourOfDay('troughEndHour'),
    troughDepth: fraction('troughDepth'),
    weekendReduction: fraction('weekendReduction'),
    utcOffsetHours: utcOffset,
  })
  .superRefine((p, ctx) => {
    if (p.peakStartHour === p.peakEndHour)
      ctx.addIssue({ code: 'custom', path: ['peakEndHour'], message: 'peakEndHour must differ from peakStartHour' });
    if (p.troughStartHour === p.troughEndHour)
      ctx.addIssue({
        code: 'custom',
        path: ['troughEndHour'],
        message: 'troughEndHour must differ from troughStartHour',
      });
    const inWindow = (h: number, s: number, e: number) => (h - s + 24) % 24 < (e - s + 24) % 24;
    for (let h = 0; h < 24; h++) {
      if (inWindow(h, p.peakStartHour, p.peakEndHour) && inWindow(h, p.troughStartHour, p.troughEndHour)) {
        ctx.addIssue({
          code: 'custom',
          path: ['troughStartHour'],
          message: `the trough window overlaps the peak window at local hour ${h}`,
        });
        return;
      }
    }
  });

export const ZFlatProfile = z.object({ kind: z.literal('flat'), utilisation: fraction('utilisation') });

export const ZSeriesProfile = z.object({
  kind: z.literal('series'),
  /** Utilisation of the contracted IT MW, 0..1, one value per hour of the year. */
  values: hourlySeries('values', 0, 1),
});

const ZBlendableProfile = z.discriminatedUnion('kind', [ZTrainingProfile, ZInferenceProfile, ZFlatProfile, ZSeriesProfile]);

export const ZBlendProfile = z
  .object({
    kind: z.literal('blend'),
    components: z
      .array(z.object({ weight: nonNegative('weight', 1_000_000), profile: ZBlendableProfile }))
      .min(1, 'components must hold at least one profile'),
  })
  .superRefine((p, ctx) => {
    if (p.components.reduce((s, c) => s + c.weight, 0) <= 0)
      ctx.addIssue({ code: 'custom', path: ['components'], message: 'component weights must sum to more than 0' });
  });

export const ZAiProfile = z.discriminatedUnion('kind', [
  ZTrainingProfile,
  ZInferenceProfile,
  ZFlatProfile,
  ZSeriesProfile,
  ZBlendProfile,
]);

export const ZAiLoad = z.object({
  contractedItMw: nonNegative('contractedItMw', 10_000),
  profile: ZAiProfile,
});

export const ZMining = z.object({
  fleetMw: nonNegative('fleetMw', 10_000),
  // >= 1 rather than > 0: today's best ASICs are ~13.5 J/TH, and the floor bounds revenue per MWh.
  jPerTh: num('jPerTh')
    .min(1, 'jPerTh must be greater than 0 J/TH, and at least 1 (the best ASICs are ~13.5)')
    .max(1_000, 'jPerTh must be at most 1,000'),
  /** Ramp-up limit; null = none (fleets curtail and restart within seconds). */
  rampMwPerHour: num('rampMwPerHour').positive('rampMwPerHour must be greater than 0, or null for no limit').nullable(),
  /**
   * Ramp-down limit; null = the fleet drops at once. With a limit the fleet ramps down ahead of an hour it
   * must not mine (it knows the modelled prices and load), so it is never caught above a hard limit.
   */
  rampDownMwPerHour: num('rampDownMwPerHour')
    .positive('rampDownMwPerHour must be greater than 0, or null for no limit')
    .nullable()
    .default(null),
  minRunHours: wholeHours('minRunHours', 1, 8_784),
  uptimePercent: nonNegative('uptimePercent', 100),
  poolFeePercent: percent('poolFeePercent', true),
  variableOpexUsdPerMwh: nonNegative('variableOpexUsdPerMwh', 10_000),
  fixedOpexUsdPerMwYear: nonNegative('fixedOpexUsdPerMwYear', 10_000_000),
});

export const ZMarket = z.object({
  hashpriceUsdPerPhDay: nonNegative('hashpriceUsdPerPhDay', 10_000),
});

const price = (what: string) =>
  num(what).min(-50_000, `${what} must be at least -50,000`).max(50_000, `${what} must be at most 50,000`);

export const ZTouBand = z
  .object({
    startHour: hourOfDay('startHour'),
    endHour: hourOfDay('endHour'),
    days: z.enum(['all', 'weekdays', 'weekends'], { error: "days must be 'all', 'weekdays' or 'weekends'" }),
    usdPerMwh: price('usdPerMwh'),
  })
  .refine((b) => b.startHour !== b.endHour, { path: ['endHour'], error: 'endHour must differ from startHour' });

export const ZEnergyPrice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('flat'), usdPerMwh: price('usdPerMwh') }),
  z.object({
    kind: z.literal('time-of-use'),
    utcOffsetHours: utcOffset,
    baseUsdPerMwh: price('baseUsdPerMwh'),
    /** First matching band wins; hours outside every band pay the base price. */
    bands: z.array(ZTouBand),
  }),
  z.object({ kind: z.literal('series'), values: hourlySeries('values', -50_000, 50_000) }),
]);

export const ZDemandResponseEvent = z.object({
  /** Hours from 00:00 UTC on the start date. */
  startHour: wholeHours('startHour', 0, 8_783),
  durationHours: wholeHours('durationHours', 1, 8_784),
  paymentUsdPerMwh: nonNegative('paymentUsdPerMwh', 50_000),
});

export const ZStrike = z.discriminatedUnion('kind', [
  /** Mining runs every hour it has room (e.g. a fixed-price supply contract). */
  z.object({ kind: z.literal('none') }),
  /** Mining runs only when net hash revenue per MWh beats the energy price plus variable opex. */
  z.object({ kind: z.literal('breakeven') }),
  /** Mining runs only when the energy price is at or below a fixed strike (ERCOT-style). */
  z.object({ kind: z.literal('price-cap'), maxUsdPerMwh: price('maxUsdPerMwh') }),
]);

export const ZEnergy = z.object({
  price: ZEnergyPrice,
  demandResponseEvents: z.array(ZDemandResponseEvent),
  strike: ZStrike,
});

export const ZDeal = z.object({
  colocationUsdPerKwMonth: nonNegative('colocationUsdPerKwMonth', 100_000),
  energyPassThrough: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('at-cost') }),
    z.object({ kind: z.literal('margin'), marginPercent: percent('marginPercent') }),
  ]),
  revenueShare: z
    .object({ hostPercent: percent('hostPercent'), tenantPercent: percent('tenantPercent') })
    .superRefine((s, ctx) => {
      if (Math.round(s.hostPercent * 100) + Math.round(s.tenantPercent * 100) !== 10_000)
        ctx.addIssue({
          code: 'custom',
          path: ['tenantPercent'],
          message: `hostPercent + tenantPercent must sum to 100 (got ${s.hostPercent} + ${s.tenantPercent})`,
        });
    }),
  platformFeePercent: percent('platformFeePercent'),
});

export const ZOpex = z.object({
  aiNonPowerUsdPerMwItYear: nonNegative('aiNonPowerUsdPerMwItYear', 100_000_000),
});

export const ZValuation = z.object({
  miningMultiple: num('miningMultiple').positive('miningMultiple must be greater than 0').max(100, 'miningMultiple must be at most 100'),
  dataCentreMultiple: num('dataCentreMultiple')
    .positive('dataCentreMultiple must be greater than 0')
    .max(100, 'dataCentreMultiple must be at most 100'),
});

export const ZRevenueFields = z.object({
  /** 'YYYY-MM-DD'; the year runs from 00:00 UTC on this date for one calendar year. */
  startDate: z.string().refine((d) => parseIsoDate(d) !== null, 'startDate must be a real date as YYYY-MM-DD'),
  site: ZSite,
  aiLoad: ZAiLoad,
  mining: ZMining,
  market: ZMarket,
  energy: ZEnergy,
  deal: ZDeal,
  opex: ZOpex,
  valuation: ZValuation,
});

/** Rules across fields of one scenario: the AI load fits the site, series match the year, events end in it. */
export function checkScenario(input: z.infer<typeof ZRevenueFields>, ctx: z.RefinementCtx): void {
  const available = availableMw(input.site);
  if (available < 0)
    ctx.addIssue({
      code: 'custom',
      path: ['site', 'reserve'],
      message: `the reserve (${input.site.interconnectionMw - available} MW) exceeds interconnectionMw (${input.site.interconnectionMw} MW)`,
    });
  const facility = input.aiLoad.contractedItMw * input.site.pue;
  if (available >= 0 && facility > available)
    ctx.addIssue({
      code: 'custom',
      path: ['aiLoad', 'contractedItMw'],
      message: `contractedItMw x PUE (${facility.toFixed(3)} MW) exceeds the interconnection less reserve (${available.toFixed(3)} MW)`,
    });

  if (parseIsoDate(input.startDate) === null) return;
  const { hours } = yearCalendar(input.startDate);
  const checkLength = (values: HourlySeries, path: (string | number)[]) => {
    if (values.length !== hours)
      ctx.addIssue({
        code: 'custom',
        path,
        message: `expected ${hours} hourly values for a year starting ${input.startDate}, got ${values.length}`,
      });
  };
  const profile = input.aiLoad.profile;
  if (profile.kind === 'series') checkLength(profile.values, ['aiLoad', 'profile', 'values']);
  if (profile.kind === 'blend')
    profile.components.forEach((c, i) => {
      if (c.profile.kind === 'series')
        checkLength(c.profile.values, ['aiLoad', 'profile', 'components', i, 'profile', 'values']);
    });
  if (input.energy.price.kind === 'series') checkLength(input.energy.price.values, ['energy', 'price', 'values']);
  input.energy.demandResponseEvents.forEach((e, i) => {
    if (e.startHour + e.durationHours > hours)
      ctx.addIssue({
        code: 'custom',
        path: ['energy', 'demandResponseEvents', i, 'durationHours'],
        message: `event ends at hour ${e.startHour + e.durationHours}, after the year's ${hours} hours`,
      });
  });
}

export const ZRevenueInput = ZRevenueFields.superRefine(checkScenario);

export type TRevenueInput = z.infer<typeof ZRevenueInput>;
export type TSite = z.infer<typeof ZSite>;
export type TAiProfile = z.infer<typeof ZAiProfile>;
export type TBlendableProfile = z.infer<typeof ZBlendableProfile>;
export type TTrainingProfile = z.infer<typeof ZTrainingProfile>;
export type TInferenceProfile = z.infer<typeof ZInferenceProfile>;
export type TMining = z.infer<typeof ZMining>;
export type TEnergy = z.infer<typeof ZEnergy>;
export type TEnergyPrice = z.infer<typeof ZEnergyPrice>;
export type TDemandResponseEvent = z.infer<typeof ZDemandResponseEvent>;
export type TStrike = z.infer<typeof ZStrike>;
export type TDeal = z.infer<typeof ZDeal>;
