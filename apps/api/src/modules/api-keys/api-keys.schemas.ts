import { z } from 'zod';
import { API_SCOPES, type ApiScope } from '../../auth/principal';

export const ZCreateApiKeyInput = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  scopes: z
    .array(z.enum(API_SCOPES as [ApiScope, ...ApiScope[]], { message: 'must be a known scope' }))
    .min(1, 'must name at least one scope')
    .max(API_SCOPES.length)
    .transform((scopes) => [...new Set(scopes)]),
});
export type TCreateApiKeyInput = z.infer<typeof ZCreateApiKeyInput>;
