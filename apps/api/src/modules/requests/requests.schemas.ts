import { CoolingType, Redundancy, RequestStatus } from '@gridshare/db';
import { SPLIT_RULES } from '@gridshare/matching';
import { z } from 'zod';
import { ZPartialUpdate, ZPositiveMw } from '../common/common.schemas';
import { ZDate } from '../common/dates';
import { COUNTRY } from '../sites/sites.schemas';
import { findShapeIssue } from './request-shape';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const list = <T extends z.ZodType>(item: T, what: string) => z.array(item).max(50, `must list at most 50 ${what}`);
const whole = (min: number, max: number, unit: string) =>
  z.number().int('must be a whole number').min(min, `must be at least ${min} ${unit}`).max(max, `must be at most ${max} ${unit}`);

export const ZPhase = z.strictObject({ mw: ZPositiveMw, neededBy: ZDate });

/** Every field of a request as the API speaks it (USD, MW); optional ones are nullable so an update can clear them. */
const fields = {
  title: text(200),
  totalMw: ZPositiveMw,
  minContiguousMw: ZPositiveMw,
  phases: z.array(ZPhase).min(1, 'must list at least one phase').max(20, 'must list at most 20 phases'),
  countries: list(COUNTRY, 'countries'),
  regions: list(text(100), 'regions'),
  gridOperators: list(text(50).transform((value) => value.toUpperCase()), 'grid operators'),
  maxLatencyMs: z.number().finite().min(0.01, 'must be at least 0.01 ms').max(1_000, 'must be at most 1,000 ms').nullable(),
  cooling: z.enum(CoolingType).nullable(),
  minRackDensityKw: whole(1, 500, 'kW').nullable(),
  minRedundancy: z.enum(Redundancy).nullable(),
  maxPriceUsdPerKwMonth: z.number().finite().min(0, 'must be 0 or more').max(10_000, 'must be at most 10,000 USD/kW-month').nullable(),
  termMonths: whole(1, 360, 'months'),
  backfillMiningAllowed: z.boolean(),
  maxSplitSites: whole(1, SPLIT_RULES.maxSitesLimit, 'sites').nullable(),
  maxSplitDistanceKm: whole(1, 20_000, 'km').nullable(),
};
export type TRequestFields = z.infer<z.ZodObject<typeof fields>>;

export const ZCreateRequestInput = z
  .strictObject({
    ...fields,
    countries: fields.countries.default([]),
    regions: fields.regions.default([]),
    gridOperators: fields.gridOperators.default([]),
    maxLatencyMs: fields.maxLatencyMs.optional(),
    cooling: fields.cooling.optional(),
    minRackDensityKw: fields.minRackDensityKw.optional(),
    minRedundancy: fields.minRedundancy.optional(),
    maxPriceUsdPerKwMonth: fields.maxPriceUsdPerKwMonth.optional(),
    backfillMiningAllowed: fields.backfillMiningAllowed.default(false),
    maxSplitSites: fields.maxSplitSites.optional(),
    maxSplitDistanceKm: fields.maxSplitDistanceKm.optional(),
    open: z.boolean().default(false),
  })
  .superRefine((input, ctx) => {
    const issue = findShapeIssue(input);
    if (issue) ctx.addIssue({ code: 'custom', path: issue.paths[0], message: issue.message });
  });
export type TCreateRequestInput = z.infer<typeof ZCreateRequestInput>;

export const ZUpdateRequestInput = ZPartialUpdate(fields);
export type TUpdateRequestInput = z.infer<typeof ZUpdateRequestInput>;

export const ZRequestFilter = z.strictObject({
  statuses: z.array(z.enum(RequestStatus)).max(Object.keys(RequestStatus).length).nullish(),
});
export type TRequestFilter = z.infer<typeof ZRequestFilter>;

export const ZOpenRequestFilter = z.strictObject({
  regions: fields.regions.nullish(),
  gridOperators: fields.gridOperators.nullish(),
  minTotalMw: ZPositiveMw.nullish(),
});
export type TOpenRequestFilter = z.infer<typeof ZOpenRequestFilter>;
