'use client';
// A GET form that says it is busy from submit until the page for the new address has rendered. The navigation
// runs in a transition, so "busy" ends when it commits, also when the address did not change (same filters
// sent again). Without JavaScript it is a plain GET form.
import { useRouter } from 'next/navigation';
import { type ReactNode, useTransition } from 'react';

export function BusyForm({
  action,
  children,
  label,
  busyLabel,
  status,
  className = 'card',
  role,
  secondary,
}: {
  action: string;
  children: ReactNode;
  label: string;
  busyLabel: string;
  /** Said to screen readers and shown beside the button while busy. */
  status: string;
  className?: string;
  role?: 'search';
  /** Beside the submit button (e.g. a "Clear" link). */
  secondary?: ReactNode;
}) {
  const router = useRouter();
  const [busy, startTransition] = useTransition();
  return (
    <form
      action={action}
      role={role}
      className={className}
      aria-busy={busy}
      onSubmit={(event) => {
        event.preventDefault();
        // What a native GET submit sends: every named field, empty ones too.
        const query = new URLSearchParams();
        for (const [name, value] of new FormData(event.currentTarget)) if (typeof value === 'string') query.append(name, value);
        startTransition(() => router.push(`${action}?${query}`));
      }}
    >
      {children}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? busyLabel : label}
        </button>
        {secondary}
        {busy && <span className="muted" role="status">{status}</span>}
      </div>
      {busy && <div className="progress" />}
    </form>
  );
}
