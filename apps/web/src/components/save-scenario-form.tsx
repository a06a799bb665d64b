'use client';
import type { FormState } from '@/lib/form';
import { errorFor, FormMessage, useKeptForm } from './spec-form';

/** Saves the modeller's current inputs (passed as hidden fields) under a name. */
export function SaveScenarioForm({ action, fields }: { action: (s: FormState, d: FormData) => Promise<FormState>; fields: Record<string, string> }) {
  const { state, pending, onSubmit } = useKeptForm(action);
  const error = errorFor(state, 'name');
  return (
    <form onSubmit={onSubmit}>
      <FormMessage state={state} />
      {Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <div className="actions">
        <div className="field">
          <label htmlFor="scenario-name">Scenario name</label>
          <input id="scenario-name" name="name" required maxLength={200} defaultValue={state.values.name} aria-invalid={error ? true : undefined} />
          {error && <small className="field-error" role="alert">{error}</small>}
        </div>
        <button type="submit" disabled={pending} style={{ alignSelf: 'flex-end' }}>{pending ? 'Saving…' : 'Save scenario'}</button>
      </div>
    </form>
  );
}
