import { z } from 'zod';
import { ZPageArgs } from '../../graphql/pagination';
import { ZId, ZJsonValue } from '../common/common.schemas';
import { normaliseRevenueInput } from './revenue-input';

/** A revenue input as JSON → the engine's full input with defaults filled; each issue keeps its field path. */
export const ZRevenueJson = ZJsonValue.pipe(
  z.unknown().transform((raw, ctx) => {
    const result = normaliseRevenueInput(raw);
    if (result.ok) return result.input;
    for (const issue of result.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message, input: raw });
    return z.NEVER;
  }),
);

export const HOURS_PER_WEEK = 168;
/** 31 days: enough for a month's chart, small enough that nobody ships 8,760 points by accident. */
export const MAX_HOURLY_POINTS = 744;
/** Each cell is a full site-year (~0.4 ms), so 1,000 cells hold a request for about half a second. */
export const MAX_SENSITIVITY_CELLS = 1_000;
const MAX_WEEK = 52; // week 52 holds the year's last one or two days

export const ZRevenueModelArgs = z.object({
  input: ZRevenueJson,
  week: z.int('must be a whole number').min(0, 'must be 0 or more').max(MAX_WEEK, `must be at most ${MAX_WEEK}`).nullish(),
});
export type TRevenueModelArgs = z.infer<typeof ZRevenueModelArgs>;

export const ZHourlyArgs = z.object({
  fromHour: z.int('must be a whole number of hours').min(0, 'must be 0 or more'),
  hours: z
    .int('must be a whole number of hours')
    .min(1, 'must be at least 1')
    .max(MAX_HOURLY_POINTS, `must be at most ${MAX_HOURLY_POINTS} (31 days) per call`),
});
export type THourlyArgs = z.infer<typeof ZHourlyArgs>;

const ZSensitivityAxis = z.strictObject({
  path: z.string().trim().min(1, 'must name an input field, e.g. market.hashpriceUsdPerPhDay').max(200, 'must be at most 200 characters'),
  values: z.array(z.number().finite('must be finite numbers')).min(1, 'must hold at least one value'),
});

export const ZSensitivityArgs = z.object({
  input: ZRevenueJson,
  axes: z
    .array(ZSensitivityAxis)
    .min(1, 'must hold 1 or 2 axes')
    .max(2, 'must hold 1 or 2 axes')
    .superRefine((axes, ctx) => {
      const cells = axes.reduce((n, axis) => n * axis.values.length, 1);
      if (cells > MAX_SENSITIVITY_CELLS)
        ctx.addIssue({ code: 'custom', message: `${cells} cells is more than the limit of ${MAX_SENSITIVITY_CELLS}` });
    }),
});
export type TSensitivityArgs = z.infer<typeof ZSensitivityArgs>;

/** A scenario belongs to a site or to a deal: exactly one of the two ids. */
function oneSubject(value: { siteId?: string | null; dealId?: string | null }, ctx: z.RefinementCtx) {
  if (!value.siteId === !value.dealId) ctx.addIssue({ code: 'custom', path: ['siteId'], message: 'give siteId or dealId, exactly one of them' });
}

export const ZSaveRevenueScenarioInput = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    siteId: ZId.nullish(),
    dealId: ZId.nullish(),
    inputs: ZRevenueJson,
  })
  .superRefine(oneSubject);
export type TSaveRevenueScenarioInput = z.infer<typeof ZSaveRevenueScenarioInput>;

export const ZRevenueScenariosArgs = ZPageArgs.extend({ siteId: ZId.nullish(), dealId: ZId.nullish() }).superRefine(oneSubject);
export type TRevenueScenariosArgs = z.infer<typeof ZRevenueScenariosArgs>;
