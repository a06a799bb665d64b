import { DealStatus, HashpriceSource } from '@gridshare/db';
import { ZSlaTiers } from '@gridshare/settlement';
import { z } from 'zod';
import { ZId, ZPositiveMw } from '../common/common.schemas';
import { ZDate } from '../common/dates';

export const DEAL_ROLES = ['HOST', 'TENANT'] as const;
export type DealRole = (typeof DEAL_ROLES)[number];
export const CURTAIL_FIRST = ['MINING', 'AI'] as const;

const pct = z.number().finite().min(0, 'must be 0-100').max(100, 'must be 0-100');

export const ZProposeDealInput = z.strictObject({
  requestId: ZId,
  blockIds: z
    .array(ZId)
    .min(1, 'must name at least one block')
    .max(50, 'must name at most 50 blocks')
    .refine((ids) => new Set(ids).size === ids.length, 'must not name a block twice'),
  mw: ZPositiveMw,
  priceUsdPerKwMonth: z.number().finite().min(0, 'must be 0 or more').max(10_000, 'must be at most 10,000 USD/kW-month'),
  termMonths: z.number().int('must be a whole number').min(1, 'must be at least 1 month').max(360, 'must be at most 360 months'),
  startDate: ZDate,
  hostMiningSharePct: pct.default(50),
  miningReleaseSeconds: z.number().int('must be a whole number').min(1, 'must be 1-3600 seconds').max(3_600, 'must be 1-3600 seconds').default(30),
  curtailFirst: z.enum(CURTAIL_FIRST).default('MINING'),
  platformFeePct: pct.default(3),
  // Settlement terms (docs/settlement.md), frozen with the deal at signing. Omitted: the house defaults.
  slaTiers: ZSlaTiers.nullish(),
  maintenanceAllowanceHours: z.number().int('must be a whole number').min(0, 'must be 0-744 hours').max(744, 'must be 0-744 hours').default(8),
  hashpriceSource: z.enum(HashpriceSource).default('INDEX'),
  disputeWindowDays: z.number().int('must be a whole number').min(1, 'must be 1-60 days').max(60, 'must be 1-60 days').default(7),
});
export type TProposeDealInput = z.infer<typeof ZProposeDealInput>;

export const ZDealFilter = z.strictObject({
  statuses: z.array(z.enum(DealStatus)).max(Object.keys(DealStatus).length).nullish(),
  role: z.enum(DEAL_ROLES).nullish(),
});
export type TDealFilter = z.infer<typeof ZDealFilter>;

export const ZProposeDealMwChangeInput = z.strictObject({ dealId: ZId, mw: ZPositiveMw });
export type TProposeDealMwChangeInput = z.infer<typeof ZProposeDealMwChangeInput>;

export const ZSignDealArgs = z.strictObject({ id: ZId, scenarioId: ZId.nullish().transform((value) => value ?? null) });
export type TSignDealArgs = z.infer<typeof ZSignDealArgs>;
