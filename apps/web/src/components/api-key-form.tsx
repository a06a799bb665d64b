'use client';
import { CopyButton } from './copy-button';
import type { FormState } from '@/lib/form';
import { errorFor, FormMessage, useKeptForm } from './spec-form';

export function ApiKeyForm({ scopes, action }: { scopes: readonly string[]; action: (s: FormState, d: FormData) => Promise<FormState> }) {
  const { state, pending, onSubmit } = useKeptForm(action);
  const nameError = errorFor(state, 'name');
  const scopesError = errorFor(state, 'scopes');
  return (
    <form onSubmit={onSubmit}>
      <FormMessage state={state} />
      {state.result?.secret && (
        <span className="actions">
          <code className="secret" data-testid="api-key-secret">{state.result.secret}</code>
          <CopyButton text={state.result.secret} />
        </span>
      )}
      <div className="field" style={{ maxWidth: 360, margin: '12px 0' }}>
        <label htmlFor="key-name">Name</label>
        <input id="key-name" name="name" required maxLength={100} aria-invalid={nameError ? true : undefined} />
        {nameError && <small className="field-error" role="alert">{nameError}</small>}
      </div>
      <fieldset>
        <legend>Scopes</legend>
        <div className="actions">
          {scopes.map((s) => (
            <label key={s}>
              <input type="checkbox" name="scopes" value={s} defaultChecked={s.endsWith('_READ')} /> {s}
            </label>
          ))}
        </div>
        {scopesError && <small className="field-error" role="alert">{scopesError}</small>}
      </fieldset>
      <p>
        <button type="submit" disabled={pending}>{pending ? 'Creating…' : 'Create key'}</button>
      </p>
    </form>
  );
}
