import { z } from 'zod';
import { ZId } from '../common/common.schemas';
import { ZDate } from '../common/dates';
import { MAX_DAYS_PER_BATCH } from './day-batch';

/**
 * Highest daily hashprice accepted, $/PH/day. Its record was about $400 (late 2021: ~$0.40/TH/day) and it
 * was $38-55 in 2025-26; five times the record is a unit error (TH for PH), not a market.
 */
export const MAX_HASHPRICE_USD_PER_PH_DAY = 2_000;
/** Bitcoin's first block; no hashprice before it. */
const GENESIS = new Date('2009-01-03T00:00:00Z');

const ZDay = ZDate.refine((day) => day >= GENESIS, 'must be on or after 2009-01-03 (Bitcoin’s first block)');
const csvText = z.string().max(400_000, 'must be at most 400,000 characters (3,660 days)');

/** Exactly one of a list of days or CSV text. */
const oneSource = (input: { days?: unknown[] | null; csv?: string | null }) => (input.days != null) !== (input.csv != null);
const ONE_SOURCE = { path: ['days'], message: 'give exactly one of days (a list) or csv (text)' };

export const ZHashpriceDay = z.strictObject({
  day: ZDay,
  usdPerPhDay: z
    .number()
    .finite()
    .min(0.0001, 'must be at least 0.0001 USD/PH/day')
    .max(MAX_HASHPRICE_USD_PER_PH_DAY, `must be at most ${MAX_HASHPRICE_USD_PER_PH_DAY} USD/PH/day`)
    // Kept as the column stores it (4 decimals), so the same value sent again is unchanged.
    .transform((value) => Math.round(value * 10_000) / 10_000),
});

export const ZUploadHashpriceIndexInput = z
  .strictObject({
    days: z.array(ZHashpriceDay).min(1, 'must hold at least one day').max(MAX_DAYS_PER_BATCH, `must hold at most ${MAX_DAYS_PER_BATCH} days`).nullish(),
    csv: csvText.nullish(),
    source: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters').nullish(),
  })
  .refine(oneSource, ONE_SOURCE);
export type TUploadHashpriceIndexInput = z.infer<typeof ZUploadHashpriceIndexInput>;

export const ZHashpriceRange = z
  .strictObject({ from: ZDate, to: ZDate })
  .refine((range) => range.from <= range.to, { path: ['to'], message: 'must be on or after from' })
  .refine((range) => (range.to.getTime() - range.from.getTime()) / 86_400_000 < MAX_DAYS_PER_BATCH, {
    path: ['to'],
    message: `must be less than ${MAX_DAYS_PER_BATCH} days after from`,
  });

export const ZSetHashpriceProviderInput = z.strictObject({ organizationId: ZId, enabled: z.boolean() });

export const ZPoolStatementDay = z.strictObject({
  day: ZDay,
  // 1 ZH/s: about the whole network; a deal's fleet is a small part of it.
  hashrateThs: z.number().finite().min(0, 'must be 0 or more').max(1_000_000_000, 'must be at most 1,000,000,000 TH/s').transform((value) => Math.round(value * 1000) / 1000),
  earningsUsd: z.number().finite().min(0, 'must be 0 or more').max(1_000_000_000, 'must be at most 1,000,000,000 USD'),
});

export const ZRecordPoolStatementsInput = z
  .strictObject({
    dealId: ZId,
    days: z.array(ZPoolStatementDay).min(1, 'must hold at least one day').max(MAX_DAYS_PER_BATCH, `must hold at most ${MAX_DAYS_PER_BATCH} days`).nullish(),
    csv: csvText.nullish(),
  })
  .refine(oneSource, ONE_SOURCE);
export type TRecordPoolStatementsInput = z.infer<typeof ZRecordPoolStatementsInput>;

export const ZPoolStatementFilter = z
  .strictObject({ from: ZDate.nullish(), to: ZDate.nullish() })
  .refine((range) => !range.from || !range.to || range.from <= range.to, { path: ['to'], message: 'must be on or after from' });
export type TPoolStatementFilter = z.infer<typeof ZPoolStatementFilter>;
