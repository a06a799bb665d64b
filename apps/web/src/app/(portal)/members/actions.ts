'use server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { formValues, type FormState } from '@/lib/form';
import { refused, submitMutation } from '@/lib/refused';
import { ORG_COOKIE, gqlMutation } from '@/lib/session';
import { joinLink } from '@/lib/invitations';
import { InviteMemberDocument, LeaveOrganizationDocument, RevokeInvitationDocument } from '@/generated/graphql';

export async function inviteMember(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const input = { email: values.email ?? '', role: values.role ?? 'MEMBER' };
  try {
    const data = await gqlMutation(
      InviteMemberDocument,
      { input },
    );
    revalidatePath('/members');
    // The token goes back to this one render only; the API keeps just its hash.
    return {
      ok: true,
      message: `Invitation for ${data.inviteMember.invitation.email} created. Send them this link now: it is shown once.`,
      fieldErrors: {},
      values: {},
      result: { link: await joinLink(data.inviteMember.token) },
    };
  } catch (error) {
    return refused(error, values);
  }
}

export async function revokeInvitation(_prev: FormState, formData: FormData): Promise<FormState> {
  return submitMutation(RevokeInvitationDocument, { id: String(formData.get('id')) }, {}, { refresh: '/members' });
}

/** Leaves the organisation the portal acts for, then acts for the person's next one (if any). */
export async function leaveOrganization(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await submitMutation(LeaveOrganizationDocument, {}, formValues(formData));
  if (!state.ok) return state;
  (await cookies()).delete(ORG_COOKIE);
  redirect('/');
}
