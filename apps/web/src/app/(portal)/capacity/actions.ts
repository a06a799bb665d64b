'use server';
import { redirect } from 'next/navigation';
import { CAPACITY_FIELDS } from '@/lib/capacity-fields';
import { parseFields } from '@/lib/fields';
import { formValues, type FormState } from '@/lib/form';
import { submitMutation } from '@/lib/refused';
import {
  CreateCapacityBlockDocument,
  DeleteCapacityBlockDocument,
  PublishCapacityBlockDocument,
  UnpublishCapacityBlockDocument,
  UpdateCapacityBlockDocument,
} from '@/generated/graphql';

export async function createCapacityBlock(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const input = { siteId: values.siteId, ...parseFields(CAPACITY_FIELDS, values) };
  return submitMutation(CreateCapacityBlockDocument, { input }, values, {
    message: 'Capacity block created as a draft. Publish it to list it on the marketplace.',
  });
}

const MOVES = { publish: PublishCapacityBlockDocument, unpublish: UnpublishCapacityBlockDocument } as const;

/** Publish or unpublish; the API enforces the state machine and the site's MW by date. */
export async function moveCapacityBlock(_prev: FormState, formData: FormData): Promise<FormState> {
  const id = String(formData.get('id'));
  const move = formData.get('move') === 'unpublish' ? MOVES.unpublish : MOVES.publish;
  return submitMutation(move, { id }, {});
}

/** Saves a draft block's fields; the API checks the dates and the site's MW by date again. */
export async function updateCapacityBlock(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const input = parseFields(CAPACITY_FIELDS, values);
  const state = await submitMutation(UpdateCapacityBlockDocument, { id: values.id, input }, values);
  if (!state.ok) return state;
  redirect('/capacity');
}

/** Deletes a DRAFT block (the API refuses any other state with CONFLICT). */
export async function deleteCapacityBlock(_prev: FormState, formData: FormData): Promise<FormState> {
  return submitMutation(DeleteCapacityBlockDocument, { id: String(formData.get('id')) }, {});
}
