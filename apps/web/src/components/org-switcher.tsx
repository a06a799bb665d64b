'use client';
import type { Viewer } from '@/lib/session';

export function OrgSwitcher({ viewer, action }: { viewer: Viewer; action: (data: FormData) => Promise<void> }) {
  if (viewer.memberships.length < 2) {
    return <span data-testid="current-org">{viewer.organization?.name}</span>;
  }
  return (
    <form action={action}>
      <label htmlFor="org-switch" className="muted">
        Organisation
      </label>
      <select id="org-switch" name="orgId" defaultValue={viewer.organization?.id} onChange={(e) => e.currentTarget.form?.requestSubmit()} data-testid="current-org">
        {viewer.memberships.map((m) => (
          <option key={m.organization.id} value={m.organization.id}>
            {m.organization.name} ({m.organization.kind.toLowerCase()}, {m.role.toLowerCase()})
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit">Switch</button>
      </noscript>
    </form>
  );
}
