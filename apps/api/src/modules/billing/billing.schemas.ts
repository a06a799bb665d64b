import { z } from 'zod';
import { ZId } from '../common/common.schemas';
import { ZDate } from '../common/dates';

export const ZPaidPlan = z.enum(['PRO', 'API'], { message: 'must be PRO or API' });

export const ZRecordUsageInput = z.strictObject({
  dealId: ZId,
  day: ZDate,
  mwh: z
    .number()
    .finite()
    .min(0, 'must be 0 or more')
    .max(100_000, 'must be at most 100,000 MWh')
    // Stored with 3 decimals; more would be silently rounded, so it is refused.
    .refine((value) => Math.abs(value * 1000 - Math.round(value * 1000)) < 1e-6, 'must have at most 3 decimals'),
});
export type TRecordUsageInput = z.infer<typeof ZRecordUsageInput>;

export const ZListArgs = z.strictObject({ first: z.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(20) });
