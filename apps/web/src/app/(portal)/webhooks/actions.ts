'use server';
import { revalidatePath } from 'next/cache';
import { formValues, type FormState } from '@/lib/form';
import { refused } from '@/lib/refused';
import { gqlMutation } from '@/lib/session';

const done = (message?: string): FormState => ({ ok: true, message, fieldErrors: {}, values: {} });

/** The endpoint form's fields as the API's input; an empty description is left out (the API refuses ''). */
function endpointInput(formData: FormData) {
  const values = formValues(formData);
  const input = { url: values.url ?? '', eventTypes: formData.getAll('eventTypes').map(String), ...(values.description?.trim() ? { description: values.description.trim() } : {}) };
  return { values, input };
}

export async function createWebhookEndpoint(_prev: FormState, formData: FormData): Promise<FormState> {
  const { values, input } = endpointInput(formData);
  try {
    const data = await gqlMutation<{ createWebhookEndpoint: { secret: string; endpoint: { url: string } } }>(
      'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { url } } }',
      { input },
    );
    revalidatePath('/webhooks');
    // The secret reaches this one render only; the API shows it at creation and never again.
    return { ...done(`Endpoint ${data.createWebhookEndpoint.endpoint.url} registered. Copy its signing secret now: it is shown once.`), result: { secret: data.createWebhookEndpoint.secret } };
  } catch (error) {
    return refused(error, values);
  }
}

export async function updateWebhookEndpoint(_prev: FormState, formData: FormData): Promise<FormState> {
  const { values, input } = endpointInput(formData);
  try {
    await gqlMutation('mutation($id: ID!, $input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(id: $id, input: $input) { id } }', { id: values.id, input });
  } catch (error) {
    return refused(error, values);
  }
  revalidatePath('/webhooks');
  return done('Saved.');
}

export async function setWebhookEndpointEnabled(_prev: FormState, formData: FormData): Promise<FormState> {
  const { id, enabled } = formValues(formData);
  try {
    await gqlMutation('mutation($id: ID!, $input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(id: $id, input: $input) { id } }', { id, input: { enabled: enabled === 'true' } });
  } catch (error) {
    return refused(error, {});
  }
  revalidatePath('/webhooks');
  return done();
}

export async function deleteWebhookEndpoint(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    await gqlMutation('mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { id } }', { id: String(formData.get('id')) });
  } catch (error) {
    return refused(error, {});
  }
  revalidatePath('/webhooks');
  return done();
}

export async function replayWebhookDelivery(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    await gqlMutation('mutation($id: ID!) { replayWebhookDelivery(id: $id) { id } }', { id: String(formData.get('id')) });
  } catch (error) {
    return refused(error, {});
  }
  revalidatePath('/webhooks');
  return done();
}
