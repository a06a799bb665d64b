'use client';
import type { FormState } from '@/lib/form';
import { errorFor, useKeptForm } from './spec-form';

/** Suspending needs a reason (it goes to the audit log); the API's refusal shows at the field. */
export function SuspendForm({ id, action }: { id: string; action: (s: FormState, d: FormData) => Promise<FormState> }) {
  const { state, pending, onSubmit } = useKeptForm(action);
  const error = errorFor(state, 'reason');
  return (
    <form onSubmit={onSubmit} className="actions">
      <input type="hidden" name="id" value={id} />
      <input name="reason" aria-label="Reason" placeholder="Reason" required maxLength={1000} defaultValue={state.values.reason} aria-invalid={error ? true : undefined} />
      <button type="submit" className="danger" disabled={pending}>{pending ? 'Suspending…' : 'Suspend'}</button>
      {(error ?? (!state.ok && state.message)) && <small className="field-error" role="alert">{error ?? state.message}</small>}
    </form>
  );
}
