'use client';
// Registers a webhook endpoint (the signing secret is shown once, after creation) or edits one.
import { CopyButton } from './copy-button';
import type { FormState } from '@/lib/form';
import { errorFor, FormMessage, useKeptForm } from './spec-form';

export function WebhookEndpointForm({
  eventTypes,
  action,
  endpoint,
}: {
  eventTypes: readonly string[];
  action: (s: FormState, d: FormData) => Promise<FormState>;
  /** Set when editing: its id and current values. */
  endpoint?: { id: string; url: string; description: string | null; eventTypes: string[] };
}) {
  const { state, pending, onSubmit } = useKeptForm(action);
  const key = endpoint?.id ?? 'new';
  // A refused form is not reset (useKeptForm), so what was typed stays; defaults are the endpoint's values.
  const checked = endpoint?.eventTypes ?? [];
  return (
    <form onSubmit={onSubmit}>
      <FormMessage state={state} />
      {state.result?.secret && (
        <span className="actions">
          <code className="secret" data-testid="webhook-secret">{state.result.secret}</code>
          <CopyButton text={state.result.secret} />
        </span>
      )}
      {endpoint && <input type="hidden" name="id" value={endpoint.id} />}
      <div className="grid-fields" style={{ margin: '12px 0' }}>
        <div className="field">
          <label htmlFor={`url-${key}`}>URL</label>
          {/* Public receivers over https only; the API checks again (and where the address leads). */}
          <input id={`url-${key}`} name="url" type="url" required maxLength={2048} pattern="https://.+" title="An https:// address" aria-describedby={`url-hint-${key}`} placeholder="https://partner.example.com/gridshare" defaultValue={endpoint?.url} aria-invalid={errorFor(state, 'url') ? true : undefined} />
          <small className="muted" id={`url-hint-${key}`}>https:// only, at most 2,048 characters.</small>
          {errorFor(state, 'url') && <small className="field-error" role="alert">{errorFor(state, 'url')}</small>}
        </div>
        <div className="field">
          <label htmlFor={`description-${key}`}>Description</label>
          <input id={`description-${key}`} name="description" maxLength={200} aria-describedby={`description-hint-${key}`} defaultValue={endpoint?.description ?? undefined} />
          <small className="muted" id={`description-hint-${key}`}>Optional, at most 200 characters.</small>
          {errorFor(state, 'description') && <small className="field-error" role="alert">{errorFor(state, 'description')}</small>}
        </div>
      </div>
      <fieldset>
        <legend>Events</legend>
        <div className="actions">
          {eventTypes.map((t) => (
            <label key={t}>
              <input type="checkbox" name="eventTypes" value={t} defaultChecked={checked.includes(t)} /> {t}
            </label>
          ))}
        </div>
        {errorFor(state, 'eventTypes') && <small className="field-error" role="alert">{errorFor(state, 'eventTypes')}</small>}
      </fieldset>
      <p>
        <button type="submit" disabled={pending}>{pending ? 'Saving…' : endpoint ? 'Save endpoint' : 'Register endpoint'}</button>
      </p>
    </form>
  );
}
