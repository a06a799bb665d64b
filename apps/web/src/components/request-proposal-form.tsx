'use client';
// "Request a proposal": asks a listed site's host to propose on one of the tenant's open requests (the
// tenant stays anonymous); from a listing the tenant picks the request, from a match it is given.
import { requestProposal } from '@/app/(portal)/requests/actions';
import { FormMessage, useKeptForm } from './spec-form';

export function RequestProposalForm({ siteId, requests }: { siteId: string; requests: { id: string; title: string }[] }) {
  const { state, pending, onSubmit } = useKeptForm(requestProposal);
  const only = requests.length === 1 ? requests[0] : undefined;
  return (
    <form onSubmit={onSubmit} className="actions">
      <FormMessage state={state} />
      <input type="hidden" name="siteId" value={siteId} />
      {only ? (
        <input type="hidden" name="requestId" value={only.id} />
      ) : (
        <div className="field">
          <label htmlFor={`rp-${siteId}`}>For your request</label>
          <select id={`rp-${siteId}`} name="requestId" required defaultValue="" aria-invalid={state.fieldErrors.requestId ? true : undefined}>
            <option value="" disabled>Choose…</option>
            {requests.map((r) => (
              <option key={r.id} value={r.id}>{r.title}</option>
            ))}
          </select>
        </div>
      )}
      <button type="submit" className="secondary" disabled={pending}>
        {pending ? 'Asking…' : 'Request a proposal'}
      </button>
    </form>
  );
}
