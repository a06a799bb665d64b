'use client';
// A GET form that says it is busy from submit until the page for the new URL has rendered.
import Form from 'next/form';
import { useSearchParams } from 'next/navigation';
import { type ReactNode, useEffect, useState } from 'react';

export function BusyForm({ action, children, label, busyLabel }: { action: string; children: ReactNode; label: string; busyLabel: string }) {
  const [busy, setBusy] = useState(false);
  const params = useSearchParams();
  // A new URL means the server answered: the results on screen are the new ones.
  useEffect(() => setBusy(false), [params]);
  return (
    <Form action={action} onSubmit={() => setBusy(true)} aria-busy={busy} className="card">
      {children}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? busyLabel : label}
        </button>
        {busy && <span className="muted" role="status">Re-running the model…</span>}
      </div>
      {busy && <div className="progress" />}
    </Form>
  );
}
