'use client';
import type { FormState } from '@/lib/form';
import { errorFor, useKeptForm } from './spec-form';

/** Suspending needs a reason (it goes to the audit log) and a confirmation; the API's refusal shows at the field. */
export function SuspendForm({ id, name, action }: { id: string; name: string; action: (s: FormState, d: FormData) => Promise<FormState> }) {
  const { state, pending, onSubmit } = useKeptForm(action);
  const error = errorFor(state, 'reason');
  return (
    <form
      onSubmit={(e) => {
        if (!window.confirm(`Suspend ${name}? Its people are signed out and its API keys stop working until it is reinstated.`)) {
          e.preventDefault();
          return;
        }
        onSubmit(e);
      }}
      className="actions"
    >
      <input type="hidden" name="id" value={id} />
      <input name="reason" aria-label="Reason" placeholder="Reason" required maxLength={1000} defaultValue={state.values.reason} aria-invalid={error ? true : undefined} />
      <button type="submit" className="danger" disabled={pending}>{pending ? 'Suspending…' : 'Suspend'}</button>
      {(error ?? (!state.ok && state.message)) && <small className="field-error" role="alert">{error ?? state.message}</small>}
    </form>
  );
}
