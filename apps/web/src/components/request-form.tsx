'use client';
// The colocation request form: the request's fields plus its phases (MW needed by a date), added and removed
// in the browser; the server's message lands at the field (or the phase) it names.
import { useState } from 'react';
import { REQUEST_FIELDS } from '@/lib/request-fields';
import type { FormState } from '@/lib/form';
import { errorFor, FieldInput, FormMessage, useKeptForm } from './spec-form';

export function RequestForm({ action }: { action: (state: FormState, data: FormData) => Promise<FormState> }) {
  const { state, pending, onSubmit } = useKeptForm(action);
  const [phases, setPhases] = useState(1);
  const phasesError = state.fieldErrors.phases;
  return (
    <form onSubmit={onSubmit}>
      <FormMessage state={state} />
      <div className="grid-fields">
        {REQUEST_FIELDS.map((f) => (
          <FieldInput key={f.name} field={f} state={state} initial={{ termMonths: '60', backfillMiningAllowed: 'on', open: 'on' }} />
        ))}
      </div>
      <fieldset className="card">
        <legend>Phases</legend>
        {phasesError && <small className="field-error" role="alert">{phasesError}</small>}
        {Array.from({ length: phases }, (_, i) => (
          <div className="actions" key={i} style={{ marginBottom: 8 }}>
            <div className="field">
              <label htmlFor={`phase-${i}-mw`}>Phase {i + 1} MW</label>
              <input id={`phase-${i}-mw`} name={`phases.${i}.mw`} type="number" min={0} step="any" required aria-invalid={errorFor(state, `phases.${i}`) ? true : undefined} />
            </div>
            <div className="field">
              <label htmlFor={`phase-${i}-date`}>Phase {i + 1} needed by</label>
              <input id={`phase-${i}-date`} name={`phases.${i}.neededBy`} type="date" required />
            </div>
            {errorFor(state, `phases.${i}`) && <small className="field-error" role="alert">{errorFor(state, `phases.${i}`)}</small>}
          </div>
        ))}
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setPhases((n) => n + 1)}>Add phase</button>
          {phases > 1 && <button type="button" className="secondary" onClick={() => setPhases((n) => n - 1)}>Remove last phase</button>}
        </div>
      </fieldset>
      <button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Create request'}</button>
    </form>
  );
}
