import { Role } from '@gridshare/db';
import { z } from 'zod';
import { ZEmail, ZOrgName } from '../common/common.schemas';
import { ZId } from '../common/common.schemas';

const ZRole = z.enum(Role, { message: 'must be VIEWER, MEMBER, ADMIN or OWNER' });

export const ZCreateOrganizationInput = z.strictObject({
  name: ZOrgName,
  kind: z.enum(['MINER', 'TENANT', 'PARTNER'], { message: 'must be MINER, TENANT or PARTNER' }),
});
export type TCreateOrganizationInput = z.infer<typeof ZCreateOrganizationInput>;

export const ZInviteMemberInput = z.strictObject({ email: ZEmail, role: ZRole });
export type TInviteMemberInput = z.infer<typeof ZInviteMemberInput>;

/** An invitation token as issued (gsi_ + 43 base64url characters); anything else cannot be one. */
export const ZInvitationToken = z.string().regex(/^gsi_[\w-]{43}$/, 'must be an invitation token (gsi_…)');

export const ZChangeMemberRoleInput = z.strictObject({ membershipId: ZId, role: ZRole });
export type TChangeMemberRoleInput = z.infer<typeof ZChangeMemberRoleInput>;
