import { z } from 'zod';
import { ZPageArgs } from '../../graphql/pagination';
import { ZId, ZJsonValue } from '../common/common.schemas';
import { type InputModel, normaliseInput, TERM_MODEL, YEAR_MODEL } from './revenue-input';

/** An engine input as JSON → the full input with defaults filled; each issue keeps its field path. */
const inputJson = <T>(model: InputModel<T>) =>
  ZJsonValue.pipe(
    z.unknown().transform((raw, ctx) => {
      const result = normaliseInput(raw, model);
      if (result.ok) return result.input;
      for (const issue of result.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message, input: raw });
      return z.NEVER;
    }),
  );

export const ZRevenueJson = inputJson(YEAR_MODEL);
/** A term input (the one-year fields plus `term` and `finance`) as JSON, filled from DEFAULT_TERM_INPUT. */
export const ZTermJson = inputJson(TERM_MODEL);

export const HOURS_PER_WEEK = 168;
/** 31 days: enough for a month's chart, small enough that nobody ships 8,760 points by accident. */
export const MAX_HOURLY_POINTS = 744;
/** Each cell is a full site-year (~0.4 ms), so 1,000 cells hold a request for about half a second. */
export const MAX_SENSITIVITY_CELLS = 1_000;
const MAX_WEEK = 52; // week 52 holds the year's last one or two days
const ZWeek = z.int('must be a whole number').min(0, 'must be 0 or more').max(MAX_WEEK, `must be at most ${MAX_WEEK}`).nullish();

export const ZRevenueModelArgs = z.object({
  input: ZRevenueJson,
  week: ZWeek,
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

export const ZTermModelArgs = z.object({
  input: ZTermJson,
  year: z.int('must be a whole number').min(1, 'must be 1 or more').max(30, 'must be at most 30').nullish(),
  week: ZWeek,
});
export type TTermModelArgs = z.infer<typeof ZTermModelArgs>;

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

export const ZTermSensitivityArgs = z.object({ input: ZTermJson, axes: ZSensitivityArgs.shape.axes });
export type TTermSensitivityArgs = z.infer<typeof ZTermSensitivityArgs>;

export const ZTermTornadoArgs = z.object({ input: ZTermJson });

/** Where the modeller opens from: exactly one of a site, a block or a deal of the caller's. */
export const ZRevenueDefaultsArgs = z
  .object({ siteId: ZId.nullish(), blockId: ZId.nullish(), dealId: ZId.nullish() })
  .superRefine((v, ctx) => {
    if ([v.siteId, v.blockId, v.dealId].filter(Boolean).length !== 1)
      ctx.addIssue({ code: 'custom', path: ['siteId'], message: 'give one of siteId, blockId or dealId' });
  });
export type TRevenueDefaultsArgs = z.infer<typeof ZRevenueDefaultsArgs>;

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
