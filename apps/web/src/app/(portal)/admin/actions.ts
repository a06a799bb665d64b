'use server';
import { revalidatePath } from 'next/cache';
import { formValues, type FormState } from '@/lib/form';
import { refused, submitMutation } from '@/lib/refused';
import { gqlMutation } from '@/lib/session';
import { ReinstateOrganizationDocument, RetryPayoutDocument, SuspendOrganizationDocument, VerifyOrganizationDocument, VerifySiteDocument } from '@/generated/graphql';

export async function verify(_prev: FormState, formData: FormData): Promise<FormState> {
  const { id, kind, decision } = formValues(formData);
  const mutation = kind === 'site' ? VerifySiteDocument : VerifyOrganizationDocument;
  return submitMutation(mutation, { id, decision }, {}, { refresh: '/admin', message: 'Saved' });
}

export async function suspendOrganization(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  return submitMutation(SuspendOrganizationDocument, { id: values.id, reason: values.reason ?? '' }, values, {
    refresh: '/admin',
    message: 'Suspended',
  });
}

export async function reinstateOrganization(_prev: FormState, formData: FormData): Promise<FormState> {
  return submitMutation(ReinstateOrganizationDocument, { id: String(formData.get('id')) }, {}, { refresh: '/admin', message: 'Reinstated' });
}

export async function retryPayout(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const data = await gqlMutation(RetryPayoutDocument, { id: String(formData.get('id')) });
    revalidatePath('/admin');
    return { ok: true, message: `Payout ${data.retryPayout.status.toLowerCase()}`, fieldErrors: {}, values: {} };
  } catch (error) {
    return refused(error, {});
  }
}
