'use client';
// Sign-in and sign-up call next-auth's Credentials provider, which calls the API's signIn/signUp mutations.
// Errors come back as the API's message (and field) and are shown at the field; the typed input stays.
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { safeNextPath } from '@/lib/next-path';

interface Refusal {
  message: string;
  field?: string;
}

function parseRefusal(error: string): Refusal {
  try {
    const parsed = JSON.parse(error) as Refusal;
    return { message: parsed.message.replace(/^[\w.]+: /, ''), field: parsed.field?.replace(/^input\./, '') };
  } catch {
    return { message: error === 'CredentialsSignin' ? 'Wrong email or password.' : error };
  }
}

/** `next`: where to go once signed in (a path on this portal, e.g. back to an invitation). */
function useCredentialsForm(mode: 'signin' | 'signup', next?: string) {
  const router = useRouter();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [pending, setPending] = useState(false);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPending(true);
    setRefusal(null);
    const values = Object.fromEntries(new FormData(event.currentTarget).entries()) as Record<string, string>;
    const result = await signIn('credentials', { ...values, mode, redirect: false });
    setPending(false);
    if (result?.ok && !result.error) {
      router.push(safeNextPath(next));
      router.refresh();
    } else {
      setRefusal(parseRefusal(result?.error ?? 'Sign-in failed'));
    }
  };
  const fieldError = (name: string) =>
    refusal?.field === name ? (
      <small className="field-error" role="alert">
        {refusal.message}
      </small>
    ) : null;
  const formError = refusal && !refusal.field ? <p className="form-error" role="alert">{refusal.message}</p> : null;
  return { onSubmit, pending, fieldError, formError };
}

export function SignInForm({ demoAccounts = [], next }: { demoAccounts?: readonly (readonly [email: string, role: string])[]; next?: string }) {
  const { onSubmit, pending, fieldError, formError } = useCredentialsForm('signin', next);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  return (
    <>
    <form onSubmit={onSubmit}>
      {formError}
      <div className="grid-fields">
        <div className="field">
          <label htmlFor="email">Email</label>
          <input id="email" name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          {fieldError('email')}
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          {fieldError('password')}
        </div>
      </div>
      <button type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
    {demoAccounts.length > 0 && (
      <div className="card" data-testid="demo-accounts" style={{ marginTop: 16 }}>
        <h2>Demo accounts</h2>
        <p className="muted">Embedded demo database only. Pick one to fill the form (password <code>{DEMO_PASSWORD}</code>).</p>
        <div className="actions">
          {demoAccounts.map(([account, role]) => (
            <button key={account} type="button" className="secondary" title={account} onClick={() => { setEmail(account); setPassword(DEMO_PASSWORD); }}>
              {role}
            </button>
          ))}
        </div>
      </div>
    )}
    </>
  );
}

const DEMO_PASSWORD = 'gridshare-demo';

export function SignUpForm({ next }: { next?: string }) {
  const { onSubmit, pending, fieldError, formError } = useCredentialsForm('signup', next);
  return (
    <form onSubmit={onSubmit}>
      {formError}
      <div className="grid-fields">
        <div className="field">
          <label htmlFor="name">Your name</label>
          <input id="name" name="name" required maxLength={100} autoComplete="name" />
          {fieldError('name')}
        </div>
        <div className="field">
          <label htmlFor="email">Email</label>
          <input id="email" name="email" type="email" required autoComplete="username" />
          {fieldError('email')}
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input id="password" name="password" type="password" required minLength={10} autoComplete="new-password" />
          <small className="help">At least 10 characters.</small>
          {fieldError('password')}
        </div>
        <div className="field">
          <label htmlFor="organizationName">Organisation name</label>
          <input id="organizationName" name="organizationName" required minLength={2} maxLength={200} />
          {fieldError('organizationName')}
        </div>
        <div className="field">
          <label htmlFor="organizationKind">Organisation kind</label>
          <select id="organizationKind" name="organizationKind" required defaultValue="MINER">
            <option value="MINER">Miner / host (lists powered sites)</option>
            <option value="TENANT">AI tenant (needs capacity)</option>
            <option value="PARTNER">Partner (broker, tools, API)</option>
          </select>
          {fieldError('organizationKind')}
        </div>
      </div>
      <button type="submit" disabled={pending}>
        {pending ? 'Creating…' : 'Create account'}
      </button>
    </form>
  );
}
