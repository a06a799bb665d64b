// zod schemas for the request input, so the API rejects a bad request with a message naming the field.
import { z } from 'zod';
import { isValidDateString, toDay } from './dates.js';
import { toKw } from './constraints.js';
import { SPLIT_RULES } from './weights.js';

/** Columns are Decimal(10,3): MW to the kW. */
function hasAtMost3Decimals(mw: number): boolean {
  return Math.abs(mw * 1000 - Math.round(mw * 1000)) < 1e-6;
}

function zMw(field: string) {
  return z
    .number({ error: `${field} must be a number of MW` })
    .positive({ error: `${field} must be greater than 0 MW` })
    .max(1_000_000, { error: `${field} must be at most 1,000,000 MW` })
    .refine(hasAtMost3Decimals, { error: `${field} must have at most 3 decimals (kW precision)` });
}

function zDate(field: string) {
  const message = `${field} must be a date 'YYYY-MM-DD'`;
  return z.union([z.string({ error: message }).refine(isValidDateString, { error: message }), z.date({ error: message })], {
    error: message,
  });
}

function zNames(field: string) {
  return z
    .array(
      z
        .string({ error: `${field} must be a list of names` })
        .trim()
        .min(1, { error: `${field} must not contain empty names` })
        .max(100, { error: `${field} names must be at most 100 characters` }),
      { error: `${field} must be a list of names` },
    )
    .max(200, { error: `${field} must list at most 200 names` })
    .default([]);
}

function zOptionalPositiveInt(field: string, unit: string, max: number) {
  return z
    .number({ error: `${field} must be a whole number of ${unit}` })
    .int({ error: `${field} must be a whole number of ${unit}` })
    .positive({ error: `${field} must be greater than 0` })
    .max(max, { error: `${field} must be at most ${max} ${unit}` })
    .nullable()
    .default(null);
}

export const ZCoolingType = z.enum(['AIR', 'WATER', 'IMMERSION', 'DIRECT_TO_CHIP'], {
  error: 'cooling must be one of AIR, WATER, IMMERSION, DIRECT_TO_CHIP',
});
export type TCoolingType = z.infer<typeof ZCoolingType>;

export const ZRedundancy = z.enum(['N', 'N_PLUS_1', 'TWO_N'], {
  error: 'minRedundancy must be one of N, N_PLUS_1, TWO_N',
});
export type TRedundancy = z.infer<typeof ZRedundancy>;

export const ZMatchPhase = z.object(
  {
    mw: zMw('phases.mw'),
    neededBy: zDate('phases.neededBy'),
  },
  { error: 'phases must be a list of { mw, neededBy }' },
);
export type TMatchPhase = z.infer<typeof ZMatchPhase>;

export const ZMatchRequestInput = z
  .object(
    {
      totalMw: zMw('totalMw'),
      minContiguousMw: zMw('minContiguousMw'),
      phases: z
        .array(ZMatchPhase, { error: 'phases must be a list of { mw, neededBy }' })
        .min(1, { error: 'phases must hold at least one phase' })
        .max(24, { error: 'phases must hold at most 24 phases' }),
      countries: z
        .array(
          z
            .string({ error: 'countries must be ISO 3166-1 alpha-2 codes such as "US"' })
            .trim()
            .regex(/^[A-Za-z]{2}$/, { error: 'countries must be ISO 3166-1 alpha-2 codes such as "US"' })
            .transform((c) => c.toUpperCase()),
          { error: 'countries must be a list of ISO 3166-1 alpha-2 codes' },
        )
        .max(250, { error: 'countries must list at most 250 codes' })
        .default([]),
      regions: zNames('regions'),
      gridOperators: zNames('gridOperators'),
      maxLatencyMs: z
        .number({ error: 'maxLatencyMs must be a number of milliseconds' })
        .positive({ error: 'maxLatencyMs must be greater than 0' })
        .max(10_000, { error: 'maxLatencyMs must be at most 10,000 ms' })
        .nullable()
        .default(null),
      cooling: ZCoolingType.nullable().default(null),
      minRackDensityKw: zOptionalPositiveInt('minRackDensityKw', 'kW', 2_000),
      minRedundancy: ZRedundancy.nullable().default(null),
      maxPriceCentsPerKwMonth: zOptionalPositiveInt('maxPriceCentsPerKwMonth', 'cents', 10_000_000),
      termMonths: z
        .number({ error: 'termMonths must be a whole number of months' })
        .int({ error: 'termMonths must be a whole number of months' })
        .positive({ error: 'termMonths must be greater than 0' })
        .max(600, { error: 'termMonths must be at most 600 months' }),
      backfillMiningAllowed: z.boolean({ error: 'backfillMiningAllowed must be true or false' }).default(false),
      maxSplitSites: z
        .number({ error: 'maxSplitSites must be a whole number of sites' })
        .int({ error: 'maxSplitSites must be a whole number of sites' })
        .min(1, { error: 'maxSplitSites must be at least 1 (one site only)' })
        .max(SPLIT_RULES.maxSitesLimit, { error: `maxSplitSites must be at most ${SPLIT_RULES.maxSitesLimit} sites` })
        .nullable()
        .default(null),
      maxSplitDistanceKm: z
        .number({ error: 'maxSplitDistanceKm must be a number of km' })
        .positive({ error: 'maxSplitDistanceKm must be greater than 0 km' })
        .max(20_000, { error: 'maxSplitDistanceKm must be at most 20,000 km' })
        .nullable()
        .default(null),
    },
    { error: 'request must be an object' },
  )
  .superRefine((r, ctx) => {
    if (r.minContiguousMw > r.totalMw) {
      ctx.addIssue({
        code: 'custom',
        path: ['minContiguousMw'],
        message: `minContiguousMw (${r.minContiguousMw}) must be at most totalMw (${r.totalMw})`,
      });
    }
    // Compared in kW so 0.1 + 0.2 MW equals 0.3 MW.
    const sumKw = r.phases.reduce((s, p) => s + toKw(p.mw), 0);
    if (sumKw !== toKw(r.totalMw)) {
      ctx.addIssue({
        code: 'custom',
        path: ['phases'],
        message: `phases must add up to totalMw (${r.totalMw} MW); they add up to ${sumKw / 1000} MW`,
      });
    }
    for (let i = 1; i < r.phases.length; i++) {
      const prev = r.phases[i - 1];
      const cur = r.phases[i];
      if (prev && cur && toDay(cur.neededBy) < toDay(prev.neededBy)) {
        ctx.addIssue({
          code: 'custom',
          path: ['phases', i, 'neededBy'],
          message: `phases[${i}].neededBy must not be before phases[${i - 1}].neededBy (phases are in date order)`,
        });
      }
    }
  });
export type TMatchRequestInput = z.infer<typeof ZMatchRequestInput>;

export const ZMatchOptions = z.object({
  limit: z
    .number({ error: 'limit must be a whole number' })
    .int({ error: 'limit must be a whole number' })
    .min(0, { error: 'limit must be at least 0' })
    .max(1_000, { error: 'limit must be at most 1,000' })
    .optional(),
  asOf: zDate('asOf').optional(),
});
export type TMatchOptions = z.infer<typeof ZMatchOptions>;
