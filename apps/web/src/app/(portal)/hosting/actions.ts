'use server';
import { redirect } from 'next/navigation';
import { parseFields } from '@/lib/fields';
import { formValues, type FormState } from '@/lib/form';
import { HOSTING_OFFER_FIELDS, HOSTING_REQUEST_FIELDS, hostingOfferInput, hostingRequestInput } from '@/lib/hosting-fields';
import { refused, submitMutation } from '@/lib/refused';
import { gqlMutation } from '@/lib/session';

export async function createHostingRequest(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  let id: string;
  try {
    const input = hostingRequestInput(parseFields(HOSTING_REQUEST_FIELDS, values));
    const data = await gqlMutation<{ createHostingRequest: { id: string } }>('mutation($input: CreateHostingRequestInput!) { createHostingRequest(input: $input) { id } }', { input });
    id = data.createHostingRequest.id;
    await gqlMutation('mutation($id: ID!) { publishHostingRequest(id: $id) { id } }', { id });
  } catch (error) {
    // The fleet's model and count are one input field: its refusals show at both form fields.
    const state = refused(error, values);
    for (const [key, message] of Object.entries(state.fieldErrors)) if (key.startsWith('fleet')) state.fieldErrors.count = message;
    return state;
  }
  redirect(`/hosting/requests/${id}`);
}

/** API fields whose form field has another name. */
const OFFER_FORM_FIELD: Record<string, string> = {
  'pricing.kind': 'pricingKind',
  'aiLoad.contractedItMw': 'aiContractedItMw',
  'aiLoad.pue': 'aiPue',
  'aiLoad.profile.kind': 'aiProfile',
};

export async function createHostingOffer(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const input = hostingOfferInput(values.siteId ?? '', parseFields(HOSTING_OFFER_FIELDS, values));
  const state = await submitMutation(
    'mutation($input: CreateHostingOfferInput!) { createHostingOffer(input: $input) { id } }',
    { input },
    values,
    { refresh: '/hosting/offers', message: 'Offer saved as a draft: list it to show it to fleets.' },
  );
  // pricing.*, interruptibility.* and aiLoad.* are the form's flat fields.
  for (const [key, message] of Object.entries(state.fieldErrors)) state.fieldErrors[OFFER_FORM_FIELD[key] ?? key.split('.').at(-1) ?? key] ??= message;
  return state;
}

const byId = (query: string, refresh?: string) => async (_prev: FormState, formData: FormData) =>
  submitMutation(query, { id: String(formData.get('id')) }, {}, refresh ? { refresh } : {});

export const publishHostingOffer = byId('mutation($id: ID!) { publishHostingOffer(id: $id) { id } }', '/hosting/offers');
// Deal moves refresh every page: the deals list, the deal's own page and the navigation's counts.
export const acceptHostingDeal = byId('mutation($id: ID!) { acceptHostingDeal(id: $id) { id } }');
export const rejectHostingDeal = byId('mutation($id: ID!) { rejectHostingDeal(id: $id) { id } }');
export const withdrawHostingDeal = byId('mutation($id: ID!) { withdrawHostingDeal(id: $id) { id } }');
export const signHostingDeal = byId('mutation($id: ID!) { signHostingDeal(id: $id) { id } }');
export const activateHostingDeal = byId('mutation($id: ID!) { activateHostingDeal(id: $id) { id } }');
export const endHostingDeal = byId('mutation($id: ID!) { endHostingDeal(id: $id) { id } }');

export async function proposeHostingDeal(_prev: FormState, formData: FormData): Promise<FormState> {
  return submitMutation(
    'mutation($o: ID!, $r: ID!) { proposeHostingDeal(offerId: $o, requestId: $r) { id } }',
    { o: String(formData.get('offerId')), r: String(formData.get('requestId')) },
    {},
    { refresh: '/hosting/offers' },
  );
}
