'use server';
import { revalidatePath } from 'next/cache';
import { formValues, type FormState } from '@/lib/form';
import { refused, submitMutation } from '@/lib/refused';
import { gqlMutation } from '@/lib/session';
import { RevokeApiKeyDocument } from '@gridshare/sdk';
import { CreateApiKeyDocument } from '@/generated/graphql';

export async function createApiKey(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const input = { name: values.name ?? '', scopes: formData.getAll('scopes').map(String) };
  try {
    const data = await gqlMutation(
      CreateApiKeyDocument,
      { input },
    );
    revalidatePath('/api-keys');
    // The secret goes back to this one render only; the API keeps just its hash.
    return { ok: true, message: `Key “${data.createApiKey.apiKey.name}” created. Copy it now: it is shown once.`, fieldErrors: {}, values: {}, result: { secret: data.createApiKey.secret } };
  } catch (error) {
    return refused(error, values);
  }
}

export async function revokeApiKey(_prev: FormState, formData: FormData): Promise<FormState> {
  return submitMutation(RevokeApiKeyDocument, { id: String(formData.get('id')) }, {}, { refresh: '/api-keys' });
}
