// Form descriptions shared by the browser (rendering, HTML validation at the field) and the server action
// (turning the submitted strings into the API's typed input). One list per form, so both sides agree.
export type FieldType = 'text' | 'number' | 'int' | 'date' | 'select' | 'checkbox' | 'list';

export interface FieldSpec {
  name: string;
  label: string;
  type: FieldType;
  required?: boolean;
  min?: number;
  max?: number;
  step?: number;
  options?: readonly string[];
  help?: string;
  placeholder?: string;
  /** Heading of the fieldset the field sits in (forms without groups render one grid). */
  group?: string;
  /** Left empty, the field is sent as null (unknown / cleared) rather than left out. */
  nullable?: boolean;
  /** Most characters a text field takes. */
  maxLength?: number;
  /** A date field that refuses days before today (UTC), in the browser; the API refuses them too. */
  notPast?: boolean;
}

/** Required text fields left blank or only spaces: a message at each, before anything is sent. */
export function blankRequired(fields: readonly FieldSpec[], values: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    if (field.required && field.type === 'text' && (values[field.name] ?? '').trim() === '') errors[field.name] = `Enter a ${field.label.toLowerCase()}.`;
  }
  return errors;
}

/** Builds the API input from submitted values; empty optional fields are left out (the API's defaults apply). */
export function parseFields(fields: readonly FieldSpec[], values: Record<string, string>) {
  const input: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = (values[field.name] ?? '').trim();
    if (field.type === 'checkbox') {
      input[field.name] = raw === 'on' || raw === 'true';
      continue;
    }
    if (raw === '') {
      if (field.nullable) input[field.name] = null;
      continue;
    }
    if (field.type === 'number') input[field.name] = Number(raw);
    else if (field.type === 'int') input[field.name] = Number.parseInt(raw, 10);
    else if (field.type === 'list') input[field.name] = raw.split(',').map((s) => s.trim()).filter(Boolean);
    else input[field.name] = raw;
  }
  return input;
}

/** A form's starting values from the object it edits (its query selects every field of `fields`). */
export function initialValues(fields: readonly FieldSpec[], record: object): Record<string, string> {
  const values = new Map<string, unknown>(Object.entries(record));
  return Object.fromEntries(fields.map((f) => [f.name, toFieldValue(values.get(f.name))]));
}

/** The string a form shows for a value the API returned. */
export function toFieldValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'on' : '';
  return String(value);
}
