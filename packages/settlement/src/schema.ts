// zod schemas of the engine's inputs. Every rule names its field (the issue path) and says what a valid value
// looks like. Bounds sit above any real site (10 GW, $50,000/MWh) and keep every line an exact integer of
// cents (below 2^53); the statement checks its sums too, which a thousand huge adjustments could push past.
import { parseIsoDate } from '@gridshare/revenue';
import { z } from 'zod';
import { isMonth, monthCalendar } from './calendar.js';
import type { SettlementMonthInput, SettlementTerms } from './types.js';

const num = (what: string) => z.number({ error: `${what} must be a finite number` });
const between = (what: string, min: number, max: number) =>
  num(what).min(min, `${what} must be at least ${min}`).max(max, `${what} must be at most ${max}`);
const int = (what: string, min: number, max: number) =>
  z
    .int({ error: `${what} must be a whole number` })
    .min(min, `${what} must be at least ${min}`)
    .max(max, `${what} must be at most ${max}`);
const bps = (what: string, max = 10_000) => int(`${what} (basis points)`, 0, max);
export const isoDate = (what: string) =>
  z.string({ error: `${what} must be a date as YYYY-MM-DD` }).refine((d) => parseIsoDate(d) !== null, `${what} must be a real date as YYYY-MM-DD`);
export const month = (what: string) => z.string({ error: `${what} must be a month as YYYY-MM` }).refine(isMonth, `${what} must be a month as YYYY-MM`);
const instant = (what: string) =>
  z.iso.datetime({ offset: true, error: `${what} must be an ISO instant with a zone, e.g. 2026-07-03T14:00:00Z` });

/** Largest cents figure a caller may pass (carries, adjustments): far below 2^53. */
const MAX_CENTS = 1e13;
/** MWh in one hour: twice the revenue model's largest site (10,000 MW). */
const MAX_MWH_PER_HOUR = 20_000;
/** A day's hashprice, $/PH/day; the revenue model's bound. */
const MAX_HASHPRICE = 10_000;
/** Energy price, $/MWh, either sign; the revenue model's bound. */
const MAX_PRICE = 50_000;

export const ZSlaTier = z.object({
  minAvailabilityPct: between('minAvailabilityPct', 0, 100),
  creditPct: between('creditPct', 0, 100).refine(
    (v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-7,
    'creditPct must have at most 2 decimal places (whole basis points)',
  ),
});

/**
 * Best tier first. Every availability falls in exactly one tier, so: thresholds strictly falling to 0,
 * credits strictly rising from 0 (the first tier is the commitment: no credit at or above it).
 */
export const ZSlaTiers = z
  .array(ZSlaTier, { error: 'slaTiers must be a list of { minAvailabilityPct, creditPct }' })
  .min(1, 'slaTiers must hold at least one tier')
  .max(20, 'slaTiers must hold at most 20 tiers')
  .superRefine((tiers, ctx) => {
    // zod runs refinements even when .min(1) failed: an empty list has nothing more to check.
    if (tiers.length === 0) return;
    if (tiers[0]!.creditPct !== 0)
      ctx.addIssue({ code: 'custom', path: [0, 'creditPct'], message: 'the first (best) tier must credit 0%: it is the availability commitment' });
    if (tiers[tiers.length - 1]!.minAvailabilityPct !== 0)
      ctx.addIssue({
        code: 'custom',
        path: [tiers.length - 1, 'minAvailabilityPct'],
        message: 'the last tier must start at 0% so that every availability has a tier',
      });
    for (let i = 1; i < tiers.length; i++) {
      if (!(tiers[i]!.minAvailabilityPct < tiers[i - 1]!.minAvailabilityPct))
        ctx.addIssue({ code: 'custom', path: [i, 'minAvailabilityPct'], message: 'tiers must be listed best first, thresholds strictly falling' });
      if (!(tiers[i]!.creditPct > tiers[i - 1]!.creditPct))
        ctx.addIssue({ code: 'custom', path: [i, 'creditPct'], message: 'each lower tier must credit more than the one above it' });
    }
  });

export const ZSettlementTerms = z.object({
  priceCentsPerKwMonth: int('priceCentsPerKwMonth', 0, 10_000_000),
  contractedKw: num('contractedKw').positive('contractedKw must be greater than 0').max(10_000_000, 'contractedKw must be at most 10,000,000'),
  pue: between('pue', 1, 3),
  energyMarginBps: bps('energyMarginBps'),
  jPerTh: between('jPerTh', 1, 1_000),
  poolFeeBps: bps('poolFeeBps', 9_999),
  variableOpexCentsPerMwh: between('variableOpexCentsPerMwh', 0, 1_000_000),
  tenantBackfillShareBps: bps('tenantBackfillShareBps'),
  tenantDemandResponseShareBps: bps('tenantDemandResponseShareBps'),
  platformFeeBps: bps('platformFeeBps'),
  slaTiers: ZSlaTiers,
  maintenanceAllowanceHours: between('maintenanceAllowanceHours', 0, 744),
  hashpriceSource: z.enum(['INDEX', 'POOL_STATEMENTS'], { error: "hashpriceSource must be 'INDEX' or 'POOL_STATEMENTS'" }),
}) satisfies z.ZodType<SettlementTerms>;

const CAUSES = ['GRID_EMERGENCY', 'DEMAND_RESPONSE', 'PRICE', 'FACILITY', 'TENANT', 'MAINTENANCE_PLANNED'] as const;
const CHANNELS = ['AI_IT', 'MINING', 'SITE_IMPORT'] as const;
/** Line kinds an adjustment may correct (not adjustments or carries themselves). */
export const CORRECTABLE_KINDS = ['COLOCATION', 'SLA_CREDIT', 'ENERGY_PASS_THROUGH', 'BACKFILL_CREDIT', 'DEMAND_RESPONSE_CREDIT'] as const;

export const ZSettlementEvent = z
  .object({
    id: z.string({ error: 'id must be text' }).min(1, 'id must not be empty').max(200, 'id must be at most 200 characters'),
    cause: z.enum(CAUSES, { error: `cause must be one of ${CAUSES.join(', ')}` }),
    channel: z.enum(CHANNELS, { error: `channel must be one of ${CHANNELS.join(', ')}` }),
    startsAt: instant('startsAt'),
    endsAt: instant('endsAt'),
    mwAffected: between('mwAffected', 0, 100_000),
    paymentCentsPerMwh: between('paymentCentsPerMwh', 0, MAX_PRICE * 100).nullable(),
    disputed: z.boolean({ error: 'disputed must be true or false' }),
  })
  .superRefine((e, ctx) => {
    const start = Date.parse(e.startsAt);
    const end = Date.parse(e.endsAt);
    if (Number.isFinite(start) && Number.isFinite(end) && !(end > start))
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'endsAt must be after startsAt' });
    if (e.cause === 'DEMAND_RESPONSE' && e.paymentCentsPerMwh === null)
      ctx.addIssue({ code: 'custom', path: ['paymentCentsPerMwh'], message: 'a DEMAND_RESPONSE event needs its payment per MWh (0 if unpaid)' });
  });

export const ZKwChange = z.object({
  effectiveOn: isoDate('effectiveOn'),
  kw: num('kw').positive('kw must be greater than 0').max(10_000_000, 'kw must be at most 10,000,000'),
});

export const ZAdjustmentInput = z.object({
  month: month('month'),
  corrects: z.enum(CORRECTABLE_KINDS, { error: `corrects must be one of ${CORRECTABLE_KINDS.join(', ')}` }),
  amountCents: int('amountCents', -MAX_CENTS, MAX_CENTS),
  reason: z.string({ error: 'reason must be text' }).min(1, 'reason must not be empty').max(500, 'reason must be at most 500 characters'),
});

/** An hourly Float64Array; NaN allowed where `gaps` (missing data). Reports the first bad hour only. */
function hourly(what: string, min: number, max: number, gaps: boolean) {
  return z
    // By tag rather than instanceof: an array made in another realm (a worker thread, structuredClone in a
    // test VM) is a Float64Array all the same.
    .custom<Float64Array>((v) => Object.prototype.toString.call(v) === '[object Float64Array]', { error: `${what} must be a Float64Array of hourly values` })
    .superRefine((values, ctx) => {
      for (let i = 0; i < values.length; i++) {
        const v = values[i]!;
        if (Number.isNaN(v) ? !gaps : !(v >= min && v <= max)) {
          ctx.addIssue({
            code: 'custom',
            path: [i],
            message: `${what}: hour ${i} is ${v}; each value must be a number from ${min} to ${max}${gaps ? ' (NaN for no data)' : ''}`,
          });
          return;
        }
      }
    });
}

export const ZSettlementMonthInput = z
  .object({
    month: month('month'),
    activeFrom: isoDate('activeFrom'),
    activeUntil: isoDate('activeUntil').nullable(),
    terms: ZSettlementTerms,
    kwChanges: z.array(ZKwChange).max(1_000, 'kwChanges must hold at most 1,000 changes'),
    aiItMwh: hourly('aiItMwh', 0, MAX_MWH_PER_HOUR, true),
    miningMwh: hourly('miningMwh', 0, MAX_MWH_PER_HOUR, true),
    energyPriceUsdPerMwh: hourly('energyPriceUsdPerMwh', -MAX_PRICE, MAX_PRICE, false),
    hashpriceUsdPerPhDay: z.array(between('hashpriceUsdPerPhDay', 0, MAX_HASHPRICE).nullable()),
    events: z.array(ZSettlementEvent).max(10_000, 'events must hold at most 10,000 events'),
    carriedTenantCreditCents: int('carriedTenantCreditCents', -MAX_CENTS, 0),
    carriedPlatformFeeCents: int('carriedPlatformFeeCents', -MAX_CENTS, MAX_CENTS),
    adjustments: z.array(ZAdjustmentInput).max(1_000, 'adjustments must hold at most 1,000 lines'),
  })
  // Runs after field errors too (zod 4 keeps going after a failed refinement), so each rule first checks
  // that what it compares is well formed.
  .superRefine((input, ctx) => {
    const validDates = parseIsoDate(input.activeFrom) !== null && (input.activeUntil === null || parseIsoDate(input.activeUntil) !== null);
    if (validDates && input.activeUntil !== null && !(input.activeUntil > input.activeFrom))
      ctx.addIssue({ code: 'custom', path: ['activeUntil'], message: 'activeUntil must be after activeFrom (or null while the deal runs)' });
    input.kwChanges.forEach((c, i) => {
      if (i > 0 && !(c.effectiveOn > input.kwChanges[i - 1]!.effectiveOn))
        ctx.addIssue({ code: 'custom', path: ['kwChanges', i, 'effectiveOn'], message: 'kwChanges must be in order of effectiveOn, one per day' });
    });
    if (!isMonth(input.month)) return;
    input.adjustments.forEach((a, i) => {
      if (isMonth(a.month) && !(a.month < input.month))
        ctx.addIssue({ code: 'custom', path: ['adjustments', i, 'month'], message: `an adjustment corrects an earlier month than ${input.month}` });
    });
    const cal = monthCalendar(input.month);
    const lengths: [keyof SettlementMonthInput, number, number][] = [
      ['aiItMwh', input.aiItMwh.length, cal.hours],
      ['miningMwh', input.miningMwh.length, cal.hours],
      ['energyPriceUsdPerMwh', input.energyPriceUsdPerMwh.length, cal.hours],
      ['hashpriceUsdPerPhDay', input.hashpriceUsdPerPhDay.length, cal.days],
    ];
    for (const [field, got, expected] of lengths)
      if (got !== expected)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `expected ${expected} ${field === 'hashpriceUsdPerPhDay' ? 'daily' : 'hourly'} values for ${input.month}, got ${got}`,
        });
  });
