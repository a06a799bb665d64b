import { z } from 'zod';
import { ZEmail, ZOrgName } from '../common/common.schemas';

export const ZPassword = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters');

export const ZPersonName = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');

export const ZSignUpInput = z.strictObject({
  email: ZEmail,
  password: ZPassword,
  name: ZPersonName,
  organizationName: ZOrgName,
  organizationKind: z.enum(['MINER', 'TENANT', 'PARTNER'], { message: 'must be MINER, TENANT or PARTNER' }),
});
export type TSignUpInput = z.infer<typeof ZSignUpInput>;

export const ZSignInInput = z.strictObject({
  email: ZEmail,
  password: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;
