'use server';
import { revalidatePath } from 'next/cache';
import { CAPACITY_FIELDS } from '@/lib/capacity-fields';
import { parseFields } from '@/lib/fields';
import { formValues, type FormState } from '@/lib/form';
import { refused } from '@/lib/refused';
import { gqlMutation } from '@/lib/session';

export async function createCapacityBlock(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const input = { siteId: values.siteId, ...parseFields(CAPACITY_FIELDS, values) };
  try {
    await gqlMutation('mutation($input: CreateCapacityBlockInput!) { createCapacityBlock(input: $input) { id } }', { input });
  } catch (error) {
    return refused(error, values);
  }
  revalidatePath('/', 'layout');
  return { ok: true, message: 'Capacity block created as a draft. Publish it to list it on the marketplace.', fieldErrors: {}, values: {} };
}

const MOVES = { publish: 'publishCapacityBlock', unpublish: 'unpublishCapacityBlock' } as const;

/** Publish or unpublish; the API enforces the state machine and the site's MW by date. */
export async function moveCapacityBlock(_prev: FormState, formData: FormData): Promise<FormState> {
  const id = String(formData.get('id'));
  const move = formData.get('move') === 'unpublish' ? MOVES.unpublish : MOVES.publish;
  try {
    await gqlMutation(`mutation($id: ID!) { ${move}(id: $id) { id } }`, { id });
  } catch (error) {
    return refused(error, {});
  }
  revalidatePath('/', 'layout');
  return { ok: true, fieldErrors: {}, values: {} };
}
