import { z } from 'zod';
import { ZPageArgs } from '../../graphql/pagination';
import { ZId } from '../common/common.schemas';

/** A calendar month (UTC) as the API names it: 'YYYY-MM'. */
export const ZMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM')
  .refine((month) => month >= '2000-01' && month <= '2999-12', 'must be a month between 2000-01 and 2999-12');

export const ZRecomputeStatementArgs = z.strictObject({ dealId: ZId, month: ZMonth });
export type TRecomputeStatementArgs = z.infer<typeof ZRecomputeStatementArgs>;

export const ZDisputeStatementArgs = z.strictObject({
  id: ZId,
  reason: z.string().trim().min(3, 'must say why, in at least 3 characters').max(2_000, 'must be at most 2,000 characters'),
});
export type TDisputeStatementArgs = z.infer<typeof ZDisputeStatementArgs>;

export const ZStatementsArgs = ZPageArgs.extend({ dealId: ZId });

export const ZAdminListArgs = z.strictObject({ first: z.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(20) });
export type TStatementsArgs = z.infer<typeof ZStatementsArgs>;

const MAX_FEE_MONTHS = 120;
const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));

export const ZFeeIncomeArgs = z
  .strictObject({ from: ZMonth, until: ZMonth })
  .refine((range) => range.from <= range.until, { message: 'must not be after until', path: ['from'] })
  .refine((range) => monthIndex(range.until) - monthIndex(range.from) < MAX_FEE_MONTHS, { message: `must be at most ${MAX_FEE_MONTHS} months after from`, path: ['until'] });
export type TFeeIncomeArgs = z.infer<typeof ZFeeIncomeArgs>;
