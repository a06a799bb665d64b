'use server';
import { redirect } from 'next/navigation';
import { parseFields } from '@/lib/fields';
import { formValues, type FormState } from '@/lib/form';
import { refused, submitMutation } from '@/lib/refused';
import { parsePhases, REQUEST_FIELDS } from '@/lib/request-fields';
import { gqlMutation } from '@/lib/session';
import { CreateColocationRequestDocument, OpenColocationRequestDocument, RequestProposalDocument, RunMatchingDocument } from '@/generated/graphql';

export async function createRequest(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const input = { ...parseFields(REQUEST_FIELDS, values), phases: parsePhases(values) };
  let id: string;
  try {
    const data = await gqlMutation(
      CreateColocationRequestDocument,
      { input },
    );
    id = data.createColocationRequest.id;
  } catch (error) {
    return refused(error, values);
  }
  redirect(`/requests/${id}`);
}

export async function runMatching(_prev: FormState, formData: FormData): Promise<FormState> {
  const id = String(formData.get('id'));
  return submitMutation(RunMatchingDocument, { id }, {}, { refresh: `/requests/${id}` });
}

export async function openRequest(_prev: FormState, formData: FormData): Promise<FormState> {
  const id = String(formData.get('id'));
  return submitMutation(OpenColocationRequestDocument, { id }, {}, { refresh: `/requests/${id}` });
}

/** Asks a listed site's host for a proposal on one of the caller's requests (from a listing or a match). */
export async function requestProposal(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const { requestId = '', siteId = '' } = values;
  if (!requestId) return { ok: false, message: 'Choose one of your open requests.', fieldErrors: { requestId: 'Choose one of your open requests.' }, values };
  return submitMutation(
    RequestProposalDocument,
    { requestId, siteId },
    values,
    { refresh: `/requests/${requestId}`, message: 'Asked: the host sees your request (you stay anonymous) and can propose on it.' },
  );
}
