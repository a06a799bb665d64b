import { z } from 'zod';
import { ZDate } from '../common/dates';
import { ZId, ZMw, ZPartialUpdate, ZPositiveMw } from '../common/common.schemas';

export const CAPACITY_KINDS = ['POWERED_SHELL', 'COLOCATION', 'BUILD_TO_SUIT', 'MINING_HOSTING'] as const;
export const CAPACITY_STATUSES = ['DRAFT', 'PUBLISHED', 'RESERVED', 'LEASED'] as const;

const fields = {
  kind: z.enum(CAPACITY_KINDS),
  mw: ZPositiveMw,
  firmMw: ZMw,
  interruptibleMw: ZMw,
  availableFrom: ZDate,
  priceUsdPerKwMonth: z.number().finite().min(0, 'must be 0 or more').max(10_000, 'must be at most 10,000 USD/kW-month'),
  minTermMonths: z.number().int('must be a whole number').min(1, 'must be at least 1 month').max(360, 'must be at most 360 months'),
};

/** firm + interruptible = mw, to the kW. */
export function checkSplit(block: { mw: number; firmMw: number; interruptibleMw: number }, ctx: z.RefinementCtx, prefix: string[] = []) {
  if (block.firmMw > block.mw) ctx.addIssue({ code: 'custom', path: [...prefix, 'firmMw'], message: `must not exceed mw (${block.mw} MW)` });
  else if (Math.abs(block.firmMw + block.interruptibleMw - block.mw) > 0.0005) {
    ctx.addIssue({ code: 'custom', path: [...prefix, 'interruptibleMw'], message: `firmMw + interruptibleMw must equal mw (${block.mw} MW)` });
  }
}

export const ZCreateCapacityBlockInput = z
  .strictObject({ siteId: ZId, ...fields, interruptibleMw: ZMw.optional() })
  .transform((input) => ({ ...input, interruptibleMw: input.interruptibleMw ?? Math.round((input.mw - input.firmMw) * 1000) / 1000 }))
  .superRefine((input, ctx) => checkSplit(input, ctx));
export type TCreateCapacityBlockInput = z.infer<typeof ZCreateCapacityBlockInput>;

export const ZUpdateCapacityBlockInput = ZPartialUpdate(fields);
export type TUpdateCapacityBlockInput = z.infer<typeof ZUpdateCapacityBlockInput>;

export const ZCapacityBlockFilter = z.strictObject({
  siteId: ZId.nullish(),
  statuses: z.array(z.enum(CAPACITY_STATUSES)).max(CAPACITY_STATUSES.length).nullish(),
});
export type TCapacityBlockFilter = z.infer<typeof ZCapacityBlockFilter>;
