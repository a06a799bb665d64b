// What a server action hands back to its form: the server's message at each field it names, and the values
// the person typed so the form can show them again.
export interface FormState {
  ok: boolean;
  message?: string;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
  /** Something the page shows once after success (e.g. a new API key's secret). */
  result?: Record<string, string>;
}

export const EMPTY_FORM: FormState = { ok: false, fieldErrors: {}, values: {} };

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== 'string' || key.startsWith('$')) continue;
    values[key] = key in values ? `${values[key]},${value}` : value;
  }
  return values;
}
