import { z } from 'zod';

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email('must be an email address'));

export const ZPassword = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters');

export const ZPersonName = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
export const ZOrgName = z.string().trim().min(2, 'must be at least 2 characters').max(200, 'must be at most 200 characters');

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
