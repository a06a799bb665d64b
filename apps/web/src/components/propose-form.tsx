'use client';
import type { FieldSpec } from '@/lib/fields';
import type { FormState } from '@/lib/form';
import { FieldInput, FormMessage, useKeptForm } from './spec-form';

const FIELDS: readonly FieldSpec[] = [
  { name: 'mw', label: 'MW', type: 'number', required: true, min: 0 },
  { name: 'priceUsdPerKwMonth', label: 'Price ($/kW-month)', type: 'number', required: true, min: 0 },
  { name: 'termMonths', label: 'Term (months)', type: 'int', required: true, min: 1 },
  { name: 'startDate', label: 'Start date', type: 'date', required: true },
];

export function ProposeForm({
  action, requestId, blocks, initial,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  requestId: string;
  blocks: { id: string; label: string }[];
  initial: Record<string, string>;
}) {
  const { state, pending, onSubmit } = useKeptForm(action);
  return (
    <form onSubmit={onSubmit}>
      <FormMessage state={state} />
      <input type="hidden" name="requestId" value={requestId} />
      <div className="grid-fields">
        <div className="field">
          <label htmlFor="blockIds">Capacity block</label>
          <select id="blockIds" name="blockIds" defaultValue={state.values.blockIds ?? initial.blockIds} required>
            {blocks.map((b) => <option key={b.id} value={b.id}>{b.label}</option>)}
          </select>
          {state.fieldErrors.blockIds && <small className="field-error" role="alert">{state.fieldErrors.blockIds}</small>}
        </div>
        {FIELDS.map((f) => <FieldInput key={f.name} field={f} state={state} initial={initial} />)}
      </div>
      <button type="submit" disabled={pending}>{pending ? 'Proposing…' : 'Propose deal'}</button>
    </form>
  );
}
