'use client';
import type { FormState } from '@/lib/form';
import { HOSTING_OFFER_FIELDS, HOSTING_REQUEST_FIELDS } from '@/lib/hosting-fields';
import { FieldInput, FormMessage, SpecForm, useKeptForm } from './spec-form';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

export function HostingRequestForm({ action, today }: { action: Action; today: string }) {
  return (
    <SpecForm
      fields={HOSTING_REQUEST_FIELDS}
      action={action}
      submitLabel="Post request"
      initial={{ model: 'S21', uptimeNeededPct: '95', curtailmentToleratedHoursPerMonth: '50', startDate: today, termMonths: '12' }}
    />
  );
}

export function HostingOfferForm({ action, sites }: { action: Action; sites: { id: string; name: string }[] }) {
  const { state, pending, onSubmit } = useKeptForm(action);
  const initial = { pricingKind: 'ALL_IN', uptimeCommitmentPct: '98', cooling: 'AIR', depositMonths: '1', minTermMonths: '12', maxCurtailedHoursPerMonth: '0', aiPue: '1.3' };
  return (
    <form onSubmit={onSubmit}>
      <FormMessage state={state} />
      <div className="grid-fields">
        <div className="field">
          <label htmlFor="siteId">Site</label>
          <select id="siteId" name="siteId" defaultValue={state.values.siteId ?? sites[0]?.id} required>
            {sites.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
          {state.fieldErrors.siteId && <small className="field-error" role="alert">{state.fieldErrors.siteId}</small>}
        </div>
        {HOSTING_OFFER_FIELDS.map((f) => <FieldInput key={f.name} field={f} state={state} initial={initial} />)}
      </div>
      <button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Save offer'}</button>
    </form>
  );
}
