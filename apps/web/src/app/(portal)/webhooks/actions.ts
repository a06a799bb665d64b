'use server';
import { revalidatePath } from 'next/cache';
import { formValues, type FormState } from '@/lib/form';
import { refused, submitMutation } from '@/lib/refused';
import { gqlMutation } from '@/lib/session';
import { CreateWebhookEndpointDocument, DeleteWebhookEndpointDocument, ReplayWebhookDeliveryDocument, SendWebhookTestEventDocument, UpdateWebhookEndpointDocument } from '@/generated/graphql';

/** The endpoint form's fields as the API's input; an empty description is left out (the API refuses ''). */
function endpointInput(formData: FormData) {
  const values = formValues(formData);
  const input = { url: values.url ?? '', eventTypes: formData.getAll('eventTypes').map(String), ...(values.description?.trim() ? { description: values.description.trim() } : {}) };
  return { values, input };
}

export async function createWebhookEndpoint(_prev: FormState, formData: FormData): Promise<FormState> {
  const { values, input } = endpointInput(formData);
  try {
    const data = await gqlMutation(
      CreateWebhookEndpointDocument,
      { input },
    );
    revalidatePath('/webhooks');
    // The secret reaches this one render only; the API shows it at creation and never again.
    return { ok: true, message: `Endpoint ${data.createWebhookEndpoint.endpoint.url} registered. Copy its signing secret now: it is shown once.`, fieldErrors: {}, values: {}, result: { secret: data.createWebhookEndpoint.secret } };
  } catch (error) {
    return refused(error, values);
  }
}

export async function updateWebhookEndpoint(_prev: FormState, formData: FormData): Promise<FormState> {
  const { values, input } = endpointInput(formData);
  return submitMutation(UpdateWebhookEndpointDocument, { id: values.id, input }, values, { refresh: '/webhooks', message: 'Saved.' });
}

export async function setWebhookEndpointEnabled(_prev: FormState, formData: FormData): Promise<FormState> {
  const { id, enabled } = formValues(formData);
  return submitMutation(UpdateWebhookEndpointDocument, { id, input: { enabled: enabled === 'true' } }, {}, { refresh: '/webhooks' });
}

export async function deleteWebhookEndpoint(_prev: FormState, formData: FormData): Promise<FormState> {
  return submitMutation(DeleteWebhookEndpointDocument, { id: String(formData.get('id')) }, {}, { refresh: '/webhooks' });
}

export async function sendWebhookTestEvent(_prev: FormState, formData: FormData): Promise<FormState> {
  return submitMutation(SendWebhookTestEventDocument, { endpointId: String(formData.get('id')) }, {}, {
    refresh: '/webhooks',
    message: 'Test event queued: see Deliveries',
  });
}

export async function replayWebhookDelivery(_prev: FormState, formData: FormData): Promise<FormState> {
  return submitMutation(ReplayWebhookDeliveryDocument, { id: String(formData.get('id')) }, {}, { refresh: '/webhooks' });
}
