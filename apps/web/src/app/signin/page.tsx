import type { Metadata } from 'next';
import Link from 'next/link';
import { SignInForm } from '@/components/auth-forms';
import { isDemo } from '@/lib/demo';

export const metadata: Metadata = { title: 'Sign in' };
// The demo accounts depend on how this process was started, not on the build.
export const dynamic = 'force-dynamic';

const DEMO_ACCOUNTS = [
  ['admin@demo.gridshare.dev', 'Platform admin'],
  ['miner@demo.gridshare.dev', 'Miner (owner)'],
  ['viewer@demo.gridshare.dev', 'Miner (read-only)'],
  ['tenant@demo.gridshare.dev', 'AI tenant'],
  ['partner@demo.gridshare.dev', 'Partner'],
] as const;

export default function SignInPage() {
  return (
    <div className="auth-page">
      <div className="auth-box">
        <div className="card">
          <h1>Sign in to Gridshare</h1>
          <SignInForm />
          <p className="muted">
            New here? <Link href="/signup">Create an account</Link>
          </p>
        </div>
        {isDemo() && (
          <div className="card" data-testid="demo-accounts">
            <h2>Demo accounts</h2>
            <p className="muted">Embedded demo database only. Password for all: <code>gridshare-demo</code></p>
            <table className="demo-accounts">
              <tbody>
                {DEMO_ACCOUNTS.map(([email, role]) => (
                  <tr key={email}>
                    <td>
                      <code>{email}</code>
                    </td>
                    <td>{role}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}
