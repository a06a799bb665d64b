import type { Metadata } from 'next';
import Link from 'next/link';
import { SignUpForm } from '@/components/auth-forms';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  return (
    <div className="auth-page">
      <div className="auth-box card">
        <h1>Create your organisation</h1>
        <SignUpForm next={next} />
        <p className="muted">
          Already have an account? <Link href={next ? `/signin?next=${encodeURIComponent(next)}` : '/signin'}>Sign in</Link>
        </p>
      </div>
    </div>
  );
}
