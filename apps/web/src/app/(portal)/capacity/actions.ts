'use server';
import { CAPACITY_FIELDS } from '@/lib/capacity-fields';
import { parseFields } from '@/lib/fields';
import { formValues, type FormState } from '@/lib/form';
import { submitMutation } from '@/lib/refused';

export async function createCapacityBlock(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const input = { siteId: values.siteId, ...parseFields(CAPACITY_FIELDS, values) };
  return submitMutation('mutation($input: CreateCapacityBlockInput!) { createCapacityBlock(input: $input) { id } }', { input }, values, {
    message: 'Capacity block created as a draft. Publish it to list it on the marketplace.',
  });
}

const MOVES = { publish: 'publishCapacityBlock', unpublish: 'unpublishCapacityBlock' } as const;

/** Publish or unpublish; the API enforces the state machine and the site's MW by date. */
export async function moveCapacityBlock(_prev: FormState, formData: FormData): Promise<FormState> {
  const id = String(formData.get('id'));
  const move = formData.get('move') === 'unpublish' ? MOVES.unpublish : MOVES.publish;
  return submitMutation(`mutation($id: ID!) { ${move}(id: $id) { id } }`, { id }, {});
}
