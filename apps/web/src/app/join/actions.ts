'use server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import type { FormState } from '@/lib/form';
import { refused } from '@/lib/refused';
import { ORG_COOKIE, gqlMutation } from '@/lib/session';
import { AcceptInvitationDocument } from '@/generated/graphql';

/** Accepts the invitation and switches the portal to the organisation just joined. */
export async function acceptInvitation(_prev: FormState, formData: FormData): Promise<FormState> {
  let orgId: string;
  try {
    const data = await gqlMutation(
      AcceptInvitationDocument,
      { token: String(formData.get('token') ?? '') },
    );
    orgId = data.acceptInvitation.organization.id;
  } catch (error) {
    return refused(error, {});
  }
  (await cookies()).set(ORG_COOKIE, orgId, { httpOnly: true, sameSite: 'lax', path: '/' });
  redirect('/');
}
