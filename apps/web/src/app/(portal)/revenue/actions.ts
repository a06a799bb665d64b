'use server';
import { revalidatePath } from 'next/cache';
import { formValues, type FormState } from '@/lib/form';
import { refused } from '@/lib/refused';
import { buildInput } from '@/lib/revenue-inputs';
import { gqlMutation } from '@/lib/session';

/** Saves the scenario on screen against its site or deal; the inputs are rebuilt from the same form values. */
export async function saveScenario(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const { input } = buildInput(values);
  try {
    await gqlMutation('mutation($input: SaveRevenueScenarioInput!) { saveRevenueScenario(input: $input) { id } }', {
      input: { name: values.name ?? '', inputs: input, ...(values.siteId ? { siteId: values.siteId } : { dealId: values.dealId }) },
    });
  } catch (error) {
    return refused(error, values);
  }
  revalidatePath('/revenue');
  return { ok: true, message: `Scenario “${values.name}” saved.`, fieldErrors: {}, values: {} };
}
