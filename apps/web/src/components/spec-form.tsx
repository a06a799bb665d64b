'use client';
// One form component for every create/edit screen: fields from a FieldSpec list, browser validation at the
// field, the server's message at the field it names, and the typed values kept when the server refuses.
import { useActionState, useEffect, useRef, useTransition, type FormEvent } from 'react';
import Link from 'next/link';
import type { FieldSpec } from '@/lib/fields';
import { label } from '@/lib/format';
import { EMPTY_FORM, type FormState } from '@/lib/form';

export function errorFor(state: FormState, name: string): string | undefined {
  return state.fieldErrors[name] ?? Object.entries(state.fieldErrors).find(([key]) => key.startsWith(`${name}.`))?.[1];
}

export function FieldInput({ field, state, initial }: { field: FieldSpec; state: FormState; initial: Record<string, string> }) {
  const id = `f-${field.name}`;
  const error = errorFor(state, field.name);
  const value = state.values[field.name] ?? initial[field.name] ?? '';
  const common = {
    id,
    name: field.name,
    'aria-required': field.required ? true : undefined,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  } as const;
  let control;
  if (field.type === 'select') {
    control = (
      <select {...common} defaultValue={value} required={field.required}>
        {!field.required && <option value="">—</option>}
        {field.options?.map((o) => (
          <option key={o} value={o}>
            {label(o)}
          </option>
        ))}
      </select>
    );
  } else if (field.type === 'checkbox') {
    control = <input {...common} type="checkbox" defaultChecked={value === 'on' || value === 'true'} />;
  } else {
    const numeric = field.type === 'number' || field.type === 'int';
    control = (
      <input
        {...common}
        type={numeric ? 'number' : field.type === 'date' ? 'date' : 'text'}
        defaultValue={value}
        required={field.required}
        min={field.notPast ? new Date().toISOString().slice(0, 10) : field.min}
        max={field.max}
        step={field.type === 'int' ? 1 : numeric ? (field.step ?? 'any') : undefined}
        placeholder={field.placeholder}
        maxLength={field.maxLength}
      />
    );
  }
  return (
    <div className={`field ${field.type === 'checkbox' ? 'field-check' : ''}`}>
      {/* The * comes from CSS (label.required::after): the label's text, and so its name, stays the field's. */}
      <label htmlFor={id} className={field.required ? 'required' : undefined}>{field.label}</label>
      {control}
      {field.help && <small className="help">{field.help}</small>}
      {error && (
        <small className="field-error" id={`${id}-error`} role="alert">
          {error}
        </small>
      )}
    </div>
  );
}

export function FormMessage({ state }: { state: FormState }) {
  if (!state.message) return null;
  return (
    <p className={state.ok ? 'notice' : 'form-error'} role={state.ok ? 'status' : 'alert'}>
      {state.message}
    </p>
  );
}

/** Submits through the action without React's automatic form reset, so refused input stays on screen. */
export function useKeptForm(action: (state: FormState, data: FormData) => Promise<FormState>) {
  const [state, dispatch] = useActionState(action, EMPTY_FORM);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    formRef.current = event.currentTarget;
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  // Accepted: clear the form for the next entry. Refused: leave everything as typed.
  useEffect(() => {
    if (state.ok) formRef.current?.reset();
  }, [state]);
  return { state, pending, onSubmit };
}

/** Fields in one grid, or one fieldset per group when the fields name groups (in first-seen order). */
function FieldGroups({ fields, state, initial }: { fields: readonly FieldSpec[]; state: FormState; initial: Record<string, string> }) {
  const groups = new Map<string, FieldSpec[]>();
  for (const field of fields) groups.set(field.group ?? '', [...(groups.get(field.group ?? '') ?? []), field]);
  return [...groups].map(([group, members]) => {
    const grid = (
      <div className="grid-fields">
        {members.map((field) => (
          <FieldInput key={field.name} field={field} state={state} initial={initial} />
        ))}
      </div>
    );
    return group ? (
      <fieldset key={group} className="card">
        <legend>{group}</legend>
        {grid}
      </fieldset>
    ) : (
      <div key="">{grid}</div>
    );
  });
}

export function SpecForm({
  fields,
  action,
  initial = {},
  submitLabel,
  hidden = {},
  cancelHref,
}: {
  fields: readonly FieldSpec[];
  action: (state: FormState, data: FormData) => Promise<FormState>;
  initial?: Record<string, string>;
  submitLabel: string;
  hidden?: Record<string, string>;
  /** Where Cancel leads (no Cancel without it). */
  cancelHref?: string;
}) {
  const { state, pending, onSubmit } = useKeptForm(action);
  return (
    <form onSubmit={onSubmit} className="spec-form" noValidate={false}>
      <FormMessage state={state} />
      {fields.some((f) => f.required) && <p className="muted">Fields marked * are required.</p>}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FieldGroups fields={fields} state={state} initial={initial} />
      <div className="actions">
        <button type="submit" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
        {cancelHref && (
          <Link className="button secondary" href={cancelHref}>
            Cancel
          </Link>
        )}
      </div>
    </form>
  );
}
