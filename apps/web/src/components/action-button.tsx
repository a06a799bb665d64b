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
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button type="submit" className={variant} disabled={pending}>
        {pending ? (pendingLabel ?? `${label}…`) : label}
      </button>
      {!state.ok && state.message && (
        <small className="field-error" role="alert">
          {state.message}
        </small>
      )}
    </form>
  );
}
