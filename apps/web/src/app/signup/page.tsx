import type { Metadata } from 'next';
import Link from 'next/link';
import { SignUpForm } from '@/components/auth-forms';

export const metadata: Metadata = { title: 'Create an account' };

export default function SignUpPage() {
  return (
    <div className="auth-page">
      <div className="auth-box card">
        <h1>Create your organisation</h1>
        <SignUpForm />
        <p className="muted">
          Already have an account? <Link href="/signin">Sign in</Link>
        </p>
      </div>
    </div>
  );
}
