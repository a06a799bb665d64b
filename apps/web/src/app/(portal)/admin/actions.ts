'use server';
import { revalidatePath } from 'next/cache';
import { formValues, type FormState } from '@/lib/form';
import { refused } from '@/lib/refused';
import { gqlMutation } from '@/lib/session';

const done = (message: string): FormState => ({ ok: true, message, fieldErrors: {}, values: {} });

export async function verify(_prev: FormState, formData: FormData): Promise<FormState> {
  const { id, kind, decision } = formValues(formData);
  const mutation = kind === 'site' ? 'verifySite' : 'verifyOrganization';
  try {
    await gqlMutation(`mutation($id: ID!, $decision: VerificationDecision!) { ${mutation}(id: $id, decision: $decision) { id } }`, { id, decision });
  } catch (error) {
    return refused(error, {});
  }
  revalidatePath('/admin');
  return done('Saved');
}

export async function suspendOrganization(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    await gqlMutation('mutation($id: ID!, $reason: String!) { suspendOrganization(id: $id, reason: $reason) { id } }', { id: values.id, reason: values.reason ?? '' });
  } catch (error) {
    return refused(error, values);
  }
  revalidatePath('/admin');
  return done('Suspended');
}

export async function reinstateOrganization(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    await gqlMutation('mutation($id: ID!) { reinstateOrganization(id: $id) { id } }', { id: String(formData.get('id')) });
  } catch (error) {
    return refused(error, {});
  }
  revalidatePath('/admin');
  return done('Reinstated');
}

export async function retryPayout(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const data = await gqlMutation<{ retryPayout: { status: string } }>('mutation($id: ID!) { retryPayout(id: $id) { status } }', { id: String(formData.get('id')) });
    revalidatePath('/admin');
    return done(`Payout ${data.retryPayout.status.toLowerCase()}`);
  } catch (error) {
    return refused(error, {});
  }
}
