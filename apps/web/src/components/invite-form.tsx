'use client';
import { CopyButton } from './copy-button';
import type { FormState } from '@/lib/form';
import { errorFor, FormMessage, useKeptForm } from './spec-form';

export function InviteForm({ roles, action }: { roles: readonly string[]; action: (s: FormState, d: FormData) => Promise<FormState> }) {
  const { state, pending, onSubmit } = useKeptForm(action);
  const emailError = errorFor(state, 'email');
  const roleError = errorFor(state, 'role');
  return (
    <form onSubmit={onSubmit}>
      <FormMessage state={state} />
      {state.result?.link && (
        <span className="actions">
          <code className="secret" data-testid="invitation-link">{state.result.link}</code>
          <CopyButton text={state.result.link} />
        </span>
      )}
      <div className="grid-fields">
        <div className="field">
          <label htmlFor="invite-email">Email address</label>
          <input id="invite-email" name="email" type="email" required maxLength={254} defaultValue={state.values.email} aria-invalid={emailError ? true : undefined} />
          {emailError && <small className="field-error" role="alert">{emailError}</small>}
        </div>
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" name="role" defaultValue={state.values.role ?? 'MEMBER'}>
            {roles.map((r) => (
              <option key={r} value={r}>{r}</option>
            ))}
          </select>
          {roleError && <small className="field-error" role="alert">{roleError}</small>}
        </div>
      </div>
      <p>
        <button type="submit" disabled={pending}>{pending ? 'Inviting…' : 'Invite'}</button>
      </p>
    </form>
  );
}
