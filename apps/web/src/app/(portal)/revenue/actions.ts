'use server';
import { formValues, type FormState } from '@/lib/form';
import { submitMutation } from '@/lib/refused';
import { SaveRevenueScenarioDocument } from '@/generated/graphql';

/** Saves the one-year part of the scenario on screen against its site or deal (the page passes it as JSON). */
export async function saveScenario(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  let inputs: unknown = {};
  try {
    inputs = JSON.parse(values.inputs ?? '{}');
  } catch {
    return { ok: false, message: 'The scenario on screen could not be read; run the model again.', fieldErrors: {}, values };
  }
  const scenario = { name: values.name ?? '', inputs, ...(values.siteId ? { siteId: values.siteId } : { dealId: values.dealId }) };
  const { inputs: _inputs, ...kept } = values;
  return submitMutation(SaveRevenueScenarioDocument, { input: scenario }, kept, {
    refresh: '/revenue',
    message: `Scenario “${values.name}” saved.`,
  });
}
