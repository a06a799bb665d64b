'use server';
import { revalidatePath } from 'next/cache';
import { formValues, type FormState } from '@/lib/form';
import { refused, submitMutation } from '@/lib/refused';
import { gqlMutation } from '@/lib/session';

export async function verify(_prev: FormState, formData: FormData): Promise<FormState> {
  const { id, kind, decision } = formValues(formData);
  const mutation = kind === 'site' ? 'verifySite' : 'verifyOrganization';
  return submitMutation(`mutation($id: ID!, $decision: VerificationDecision!) { ${mutation}(id: $id, decision: $decision) { id } }`, { id, decision }, {}, { refresh: '/admin', message: 'Saved' });
}

export async function suspendOrganization(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  return submitMutation('mutation($id: ID!, $reason: String!) { suspendOrganization(id: $id, reason: $reason) { id } }', { id: values.id, reason: values.reason ?? '' }, values, {
    refresh: '/admin',
    message: 'Suspended',
  });
}

export async function reinstateOrganization(_prev: FormState, formData: FormData): Promise<FormState> {
  return submitMutation('mutation($id: ID!) { reinstateOrganization(id: $id) { id } }', { id: String(formData.get('id')) }, {}, { refresh: '/admin', message: 'Reinstated' });
}

export async function retryPayout(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const data = await gqlMutation<{ retryPayout: { status: string } }>('mutation($id: ID!) { retryPayout(id: $id) { status } }', { id: String(formData.get('id')) });
    revalidatePath('/admin');
    return { ok: true, message: `Payout ${data.retryPayout.status.toLowerCase()}`, fieldErrors: {}, values: {} };
  } catch (error) {
    return refused(error, {});
  }
}
