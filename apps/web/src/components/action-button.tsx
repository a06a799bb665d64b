'use client';
// A one-click mutation (publish, accept, sign, revoke…) that shows progress and the server's refusal inline.
import { useKeptForm } from './spec-form';
import type { FormState } from '@/lib/form';

export function ActionButton({
  action,
  fields,
  label,
  pendingLabel,
  variant,
  confirm,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  label: string;
  pendingLabel?: string;
  variant?: 'secondary' | 'danger';
  confirm?: string;
}) {
  const { state, pending, onSubmit } = useKeptForm(action);
  return (
    <form
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) {
          e.preventDefault();
          return;
        }
        onSubmit(e);
      }}
      style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}
    >
      <HiddenFields fields={fields} />
      <button type="submit" className={variant} disabled={pending}>
        {pending ? (pendingLabel ?? `${label}…`) : label}
      </button>
      <InlineRefusal state={state} />
    </form>
  );
}

/** The ids a one-click form sends. */
export function HiddenFields({ fields }: { fields: Record<string, string> }) {
  return Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />);
}

/** The server's refusal, next to the button that asked. */
export function InlineRefusal({ state }: { state: FormState }) {
  if (state.ok || !state.message) return null;
  return (
    <small className="field-error" role="alert">
      {state.message}
    </small>
  );
}
