'use server';
import { formValues, type FormState } from '@/lib/form';
import { submitMutation } from '@/lib/refused';
import { buildInput } from '@/lib/revenue-inputs';

/** Saves the scenario on screen against its site or deal; the inputs are rebuilt from the same form values. */
export async function saveScenario(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const { input } = buildInput(values);
  const scenario = { name: values.name ?? '', inputs: input, ...(values.siteId ? { siteId: values.siteId } : { dealId: values.dealId }) };
  return submitMutation('mutation($input: SaveRevenueScenarioInput!) { saveRevenueScenario(input: $input) { id } }', { input: scenario }, values, {
    refresh: '/revenue',
    message: `Scenario “${values.name}” saved.`,
  });
}
