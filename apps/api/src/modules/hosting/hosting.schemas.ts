import { ASIC_MODEL_IDS } from '@gridshare/hosting';
import { DEFAULT_REVENUE_INPUT, DEFAULT_TRAINING_PROFILE, ZInferenceProfile, ZTrainingProfile } from '@gridshare/revenue';
import { z } from 'zod';
import { ZId, ZPartialUpdate, ZPositiveMw } from '../common/common.schemas';
import { ZDate } from '../common/dates';

export const HOSTING_COOLINGS = ['AIR', 'IMMERSION', 'HYDRO'] as const;
export const HOSTING_PREEMPTORS = ['AI_LOAD', 'GRID', 'PRICE'] as const;
export const HOSTING_SERVICES = ['FULL_HOSTING', 'RACK_SPACE'] as const;

/** $/kWh with at most 5 decimals: stored as whole cents per MWh. */
const usdPerKwh = z
  .number()
  .finite()
  .min(0, 'must be 0 or more')
  .max(10, 'must be at most $10/kWh')
  .refine((v) => Math.abs(v * 100_000 - Math.round(v * 100_000)) < 1e-6, 'must have at most 5 decimals ($0.00001/kWh)');
const pct = (min: number) => z.number().finite().min(min, `must be at least ${min}%`).max(100, 'must be at most 100%');
const hoursPerMonth = z.number().int('must be a whole number of hours').min(0, 'must be 0 or more').max(744, 'must be at most 744 h (a month)');
const jPerTh = z.number().finite().min(5, 'must be at least 5 J/TH').max(200, 'must be at most 200 J/TH');
const months = z.number().int('must be a whole number').min(1, 'must be at least 1 month').max(120, 'must be at most 120 months');
const coolings = z.array(z.enum(HOSTING_COOLINGS)).min(1, 'must name at least one cooling').max(3);

const ZPricing = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('ALL_IN'), rateUsdPerKwh: usdPerKwh.refine((v) => v > 0, 'must be more than 0') }),
  z.strictObject({ kind: z.literal('PASS_THROUGH'), feeUsdPerKwMonth: z.number().finite().min(0, 'must be 0 or more').max(1_000, 'must be at most 1,000 USD/kW-month') }),
]);

const ZInterruptibility = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('FIRM') }),
  z.strictObject({
    kind: z.literal('INTERRUPTIBLE'),
    noticeSeconds: z.number().int('must be a whole number of seconds').min(0, 'must be 0 or more').max(86_400, 'must be at most a day'),
    maxCurtailedHoursPerMonth: hoursPerMonth.refine((h) => h > 0, 'must be more than 0 for interruptible power'),
    preemptors: z.array(z.enum(HOSTING_PREEMPTORS)).min(1, 'must name who may curtail').max(3),
  }),
]);

/**
 * The revenue model's documented default profile of each kind (packages/revenue defaults.ts): a profile
 * given in part (the portal's offer form sends the kind alone) is completed from it, as revenueModel does.
 */
const DEFAULT_AI_PROFILES: Readonly<Record<string, object>> = { [DEFAULT_REVENUE_INPUT.aiLoad.profile.kind]: DEFAULT_REVENUE_INPUT.aiLoad.profile, training: DEFAULT_TRAINING_PROFILE };
const withDefaultProfile = (profile: unknown) => {
  const kind = typeof profile === 'object' && profile !== null && 'kind' in profile ? String(profile.kind) : '';
  return Object.hasOwn(DEFAULT_AI_PROFILES, kind) ? { ...DEFAULT_AI_PROFILES[kind], ...(profile as object) } : profile;
};

/** The AI load behind an AI site's idle power: the revenue model's inference or training profile. */
const ZAiLoad = z.strictObject({
  contractedItMw: ZPositiveMw,
  pue: z.number().finite().min(1, 'must be at least 1.0').max(3, 'must be at most 3.0'),
  profile: z.preprocess(withDefaultProfile, z.discriminatedUnion('kind', [ZInferenceProfile, ZTrainingProfile])),
});

const offerFields = {
  mw: ZPositiveMw,
  availableFrom: ZDate,
  pricing: ZPricing,
  interruptibility: ZInterruptibility,
  uptimeCommitmentPct: pct(50),
  maxJPerTh: jPerTh.nullish(),
  coolings,
  service: z.enum(HOSTING_SERVICES),
  depositMonths: z.number().int('must be a whole number').min(0, 'must be 0 or more').max(12, 'must be at most 12 months'),
  minTermMonths: months,
  aiLoad: ZAiLoad.nullish(),
};

export const ZCreateHostingOfferInput = z.strictObject({ siteId: ZId, ...offerFields });
export type TCreateHostingOfferInput = z.infer<typeof ZCreateHostingOfferInput>;
export const ZUpdateHostingOfferInput = ZPartialUpdate(offerFields);
export type TUpdateHostingOfferInput = z.infer<typeof ZUpdateHostingOfferInput>;

export const ZFleet = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('MACHINES'),
    machines: z
      .array(z.strictObject({ model: z.enum(ASIC_MODEL_IDS), count: z.number().int('must be a whole number').min(1, 'must be at least 1').max(1_000_000, 'must be at most 1,000,000') }))
      .min(1, 'must list at least one model')
      .max(20, 'must list at most 20 models')
      .refine((ms) => new Set(ms.map((m) => m.model)).size === ms.length, 'must list each model once'),
  }),
  z.strictObject({ kind: z.literal('POWER'), mw: ZPositiveMw, jPerTh, cooling: z.enum(HOSTING_COOLINGS) }),
]);

const requestFields = {
  title: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  fleet: ZFleet,
  maxRateUsdPerKwh: usdPerKwh.refine((v) => v > 0, 'must be more than 0'),
  uptimeNeededPct: pct(0),
  curtailmentToleratedHoursPerMonth: hoursPerMonth,
  regions: z.array(z.string().trim().min(1, 'must not be empty').max(100)).max(50, 'must list at most 50 regions'),
  startDate: ZDate,
  termMonths: months,
  service: z.enum(HOSTING_SERVICES).nullish(),
};

export const ZCreateHostingRequestInput = z.strictObject(requestFields);
export type TCreateHostingRequestInput = z.infer<typeof ZCreateHostingRequestInput>;
export const ZUpdateHostingRequestInput = ZPartialUpdate(requestFields);
export type TUpdateHostingRequestInput = z.infer<typeof ZUpdateHostingRequestInput>;

/** The market every expected figure is computed at; the documented default when absent. */
export const ZHostingMarketInput = z.strictObject({
  hashpriceUsdPerPhDay: z.number().finite().min(0, 'must be 0 or more').max(10_000, 'must be at most 10,000'),
  poolFeePercent: z.number().finite().min(0, 'must be 0 or more').lt(100, 'must be below 100'),
});

export const ZHostingOfferSearch = z.strictObject({
  regions: z.array(z.string().max(100)).max(50).nullish(),
  countries: z.array(z.string().length(2, 'must be ISO 3166-1 alpha-2')).max(50).nullish(),
  minMw: z.number().finite().min(0, 'must be 0 or more').nullish(),
  maxRateUsdPerKwh: usdPerKwh.nullish(),
  coolings: z.array(z.enum(HOSTING_COOLINGS)).max(3).nullish(),
  firmOnly: z.boolean().nullish(),
  maxCurtailedHoursPerMonth: hoursPerMonth.nullish(),
  availableBy: ZDate.nullish(),
  /** The fleet's efficiency the margin is computed at (default: the S21's 17.5 J/TH). */
  jPerTh: jPerTh.nullish(),
  /** The fleet's MW, for expected monthly profit (default 1 MW). */
  fleetMw: ZPositiveMw.nullish(),
  market: ZHostingMarketInput.nullish(),
});
export type THostingOfferSearch = z.infer<typeof ZHostingOfferSearch>;

export const ZStatementMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM');

export const ZHostingReadings = z
  .array(z.strictObject({ intervalStart: z.date({ message: 'must be an ISO 8601 date-time' }), kwh: z.number().finite().min(0, 'must be 0 or more').max(10_000_000, 'must be at most 10,000,000 kWh') }))
  .min(1, 'must hold at least one reading')
  .max(10_000, 'must hold at most 10,000 readings')
  .superRefine((rows, ctx) => {
    const seen = new Set<number>();
    rows.forEach((r, i) => {
      const t = r.intervalStart.getTime();
      if (t % 3_600_000 !== 0) ctx.addIssue({ code: 'custom', path: [i, 'intervalStart'], message: 'must start on the hour (hourly readings)' });
      if (seen.has(t)) ctx.addIssue({ code: 'custom', path: [i, 'intervalStart'], message: 'appears twice' });
      seen.add(t);
    });
  });

export const ZHostingOutageInput = z
  .strictObject({ dealId: ZId, kind: z.enum(['CURTAILMENT', 'DOWNTIME']), startsAt: z.date({ message: 'must be an ISO 8601 date-time' }), endsAt: z.date({ message: 'must be an ISO 8601 date-time' }), note: z.string().max(500).nullish() })
  .refine((o) => o.endsAt > o.startsAt, { path: ['endsAt'], message: 'must be after startsAt' });
export type THostingOutageInput = z.infer<typeof ZHostingOutageInput>;
