'use server';
import { redirect } from 'next/navigation';
import { parseFields } from '@/lib/fields';
import { formValues, type FormState } from '@/lib/form';
import { HOSTING_OFFER_FIELDS, HOSTING_REQUEST_FIELDS, hostingOfferInput, hostingRequestInput } from '@/lib/hosting-fields';
import { refused, submitMutation } from '@/lib/refused';
import type { Operation } from '@/lib/api';
import { gqlMutation } from '@/lib/session';
import {
  AcceptHostingDealDocument,
  ActivateHostingDealDocument,
  CreateHostingOfferDocument,
  CreateHostingRequestDocument,
  EndHostingDealDocument,
  ProposeHostingDealDocument,
  PublishHostingOfferDocument,
  PublishHostingRequestDocument,
  RejectHostingDealDocument,
  SignHostingDealDocument,
  WithdrawHostingDealDocument,
} from '@/generated/graphql';

export async function createHostingRequest(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  let id: string;
  try {
    const input = hostingRequestInput(parseFields(HOSTING_REQUEST_FIELDS, values));
    const data = await gqlMutation(CreateHostingRequestDocument, { input });
    id = data.createHostingRequest.id;
    await gqlMutation(PublishHostingRequestDocument, { id });
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
    CreateHostingOfferDocument,
    { input },
    values,
    { refresh: '/hosting/offers', message: 'Offer saved as a draft: list it to show it to fleets.' },
  );
  // pricing.*, interruptibility.* and aiLoad.* are the form's flat fields.
  for (const [key, message] of Object.entries(state.fieldErrors)) state.fieldErrors[OFFER_FORM_FIELD[key] ?? key.split('.').at(-1) ?? key] ??= message;
  return state;
}

const byId = (query: Operation<unknown, { id: string | number }>, refresh?: string) => async (_prev: FormState, formData: FormData) =>
  submitMutation(query, { id: String(formData.get('id')) }, {}, refresh ? { refresh } : {});

export const publishHostingOffer = byId(PublishHostingOfferDocument, '/hosting/offers');
// Deal moves refresh every page: the deals list, the deal's own page and the navigation's counts.
export const acceptHostingDeal = byId(AcceptHostingDealDocument);
export const rejectHostingDeal = byId(RejectHostingDealDocument);
export const withdrawHostingDeal = byId(WithdrawHostingDealDocument);
export const signHostingDeal = byId(SignHostingDealDocument);
export const activateHostingDeal = byId(ActivateHostingDealDocument);
export const endHostingDeal = byId(EndHostingDealDocument);

export async function proposeHostingDeal(_prev: FormState, formData: FormData): Promise<FormState> {
  return submitMutation(
    ProposeHostingDealDocument,
    { o: String(formData.get('offerId')), r: String(formData.get('requestId')) },
    {},
    { refresh: '/hosting/offers' },
  );
}
