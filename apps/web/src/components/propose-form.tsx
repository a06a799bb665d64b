'use client';
// The host's proposal on an open request: the block that fits best is chosen, MW, price and term come from
// it (and follow when another block is picked), blocks the request rules out are left out with the reason,
// and what is off about the chosen block is said in words.
import { useState } from 'react';
import { proposalDefaults, rankBlocks, type FitBlock, type FitRequest } from '@/lib/block-fit';
import type { FieldSpec } from '@/lib/fields';
import type { FormState } from '@/lib/form';
import { FieldInput, FormMessage, useKeptForm } from './spec-form';

const FIELDS: readonly FieldSpec[] = [
  { name: 'mw', label: 'MW', type: 'number', required: true, min: 0 },
  { name: 'priceUsdPerKwMonth', label: 'Price ($/kW-month)', type: 'number', required: true, min: 0 },
  { name: 'termMonths', label: 'Term (months)', type: 'int', required: true, min: 1 },
  { name: 'startDate', label: 'Start date', type: 'date', required: true, notPast: true },
];

export function ProposeForm({
  action,
  request,
  requestId,
  blocks,
  matchedBlockIds,
  startDate,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  request: FitRequest;
  requestId: string;
  blocks: (FitBlock & { label: string })[];
  matchedBlockIds: string[];
  startDate: string;
}) {
  const { state, pending, onSubmit } = useKeptForm(action);
  const { offered, hidden } = rankBlocks(blocks, request, new Set(matchedBlockIds));
  const [selectedId, setSelectedId] = useState(state.values.blockIds ?? offered[0]?.block.id ?? '');
  const selected = offered.find((f) => f.block.id === selectedId) ?? offered[0];
  if (!selected) {
    return (
      <div className="empty" data-testid="no-fitting-block">
        None of your published blocks fits this request:
        <ul>{hidden.map((f) => <li key={f.block.id}>{f.block.label}: {f.violations.join('; ')}</li>)}</ul>
      </div>
    );
  }
  const initial = { ...proposalDefaults(selected.block, request), startDate };
  return (
    <form onSubmit={onSubmit}>
      <FormMessage state={state} />
      <input type="hidden" name="requestId" value={requestId} />
      <div className="grid-fields">
        <div className="field">
          <label htmlFor="blockIds">Capacity block</label>
          <select id="blockIds" name="blockIds" value={selected.block.id} onChange={(e) => setSelectedId(e.target.value)} required>
            {offered.map((f) => (
              <option key={f.block.id} value={f.block.id}>
                {f.block.label}{matchedBlockIds.includes(f.block.id) ? ' (matched)' : ''}
              </option>
            ))}
          </select>
          {state.fieldErrors.blockIds && <small className="field-error" role="alert">{state.fieldErrors.blockIds}</small>}
        </div>
        {/* Keyed on the block: picking another one refills MW, price and term from it. */}
        {FIELDS.map((f) => <FieldInput key={`${selected.block.id}:${f.name}`} field={f} state={state} initial={initial} />)}
      </div>
      {selected.misfits.length > 0 && (
        <div className="notice" data-testid="block-misfits">
          About this block: <ul>{selected.misfits.map((m) => <li key={m}>{m}</li>)}</ul>
        </div>
      )}
      {hidden.length > 0 && (
        <p className="muted" data-testid="hidden-blocks">
          Not offered: {hidden.map((f) => `${f.block.label} (${f.violations.join('; ')})`).join(' · ')}
        </p>
      )}
      <button type="submit" disabled={pending}>{pending ? 'Proposing…' : 'Propose deal'}</button>
    </form>
  );
}
