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

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  return (
    <div className="auth-page">
      <div className="auth-box">
        <div className="card">
          <h1>Sign in to Gridshare</h1>
          <SignInForm demoAccounts={isDemo() ? DEMO_ACCOUNTS : []} next={next} />
          <p className="muted">
            New here? <Link href={next ? `/signup?next=${encodeURIComponent(next)}` : '/signup'}>Create an account</Link>
          </p>
        </div>
      </div>
    </div>
  );
}
