import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/action-button';
import { GridshareError } from '@gridshare/sdk';
import { fmtDate } from '@/lib/format';
import { gqlMutation } from '@/lib/session';
import { acceptInvitation } from './actions';
import { ReceivedInvitationDocument } from '@/generated/graphql';

// The token is in this page's address: never send it on to another site in a Referer.
export const metadata: Metadata = { title: 'Join an organisation', referrer: 'no-referrer' };
export const dynamic = 'force-dynamic';

interface Received {
  organization: { id: string; name: string; kind: string };
  role: string;
  status: string;
  expiresAt: string;
}

/** The invitation as the signed-in person may see it: 'signed-out', 'not-yours' (or no such token), or it. */
async function preview(token: string): Promise<Received | 'signed-out' | 'not-yours'> {
  try {
    return (await gqlMutation(ReceivedInvitationDocument, { token })).receivedInvitation;
  } catch (error) {
    if (error instanceof GridshareError && error.code === 'UNAUTHENTICATED') return 'signed-out';
    if (error instanceof GridshareError && (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT')) return 'not-yours';
    throw error;
  }
}

export default async function JoinPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const token = (await searchParams).token ?? '';
  const here = `/join?token=${encodeURIComponent(token)}`;
  const found = await preview(token);
  return (
    <div className="auth-page">
      <div className="auth-box card" data-testid="join">
        <h1>Join an organisation</h1>
        {found === 'signed-out' ? (
          <>
            <p>Sign in with the address the invitation was sent to, then accept it here.</p>
            <p className="actions">
              <Link className="button" href={`/signin?next=${encodeURIComponent(here)}`}>Sign in</Link>
              <Link href={`/signup?next=${encodeURIComponent(here)}`}>Create an account</Link>
            </p>
          </>
        ) : found === 'not-yours' ? (
          <p className="form-error" role="alert">
            This invitation does not exist or was sent to another address than the one you are signed in with. <Link href="/">Back to the portal</Link>
          </p>
        ) : (
          <>
            <p>
              <strong>{found.organization.name}</strong> ({found.organization.kind.toLowerCase()}) invites you to join as <strong>{found.role.toLowerCase()}</strong>.
            </p>
            {found.status === 'PENDING' ? (
              <>
                <p className="muted">The invitation expires on {fmtDate(found.expiresAt)}. You can leave the organisation at any time.</p>
                <ActionButton action={acceptInvitation} fields={{ token }} label="Accept invitation" />
              </>
            ) : (
              <p className="form-error" role="alert">This invitation is {found.status.toLowerCase()}; ask for a new one.</p>
            )}
          </>
        )}
      </div>
    </div>
  );
}
