import { z } from 'zod';

export const ZPaidPlan = z.enum(['PRO', 'API'], { message: 'must be PRO or API' });

export const ZListArgs = z.strictObject({ first: z.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(20) });
