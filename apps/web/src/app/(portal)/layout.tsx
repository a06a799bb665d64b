import Link from 'next/link';
import { NavLinks } from '@/components/nav';
import { OrgSwitcher } from '@/components/org-switcher';
import { SignOutButton } from '@/components/sign-out-button';
import { navFor } from '@/lib/nav';
import { requireViewer } from '@/lib/session';
import { switchOrganization } from './actions';

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer();
  const kind = viewer.organization?.kind ?? 'PARTNER';
  return (
    <div className="shell">
      <a href="#main" className="skip-link">Skip to content</a>
      <aside className="sidebar">
        <Link href="/" className="brand">
          Gridshare
        </Link>
        <NavLinks sections={navFor(kind)} />
      </aside>
      <div>
        <header className="topbar">
          <div className="actions">
            <OrgSwitcher viewer={viewer} action={switchOrganization} />
            {viewer.organization && <span className="badge">{viewer.organization.kind}</span>}
            {viewer.organization?.status === 'SUSPENDED' && <span className="badge bad">SUSPENDED</span>}
          </div>
          <div className="actions">
            <span className="muted" data-testid="signed-in-as">
              {viewer.user.name} · {viewer.role?.toLowerCase()}
            </span>
            <SignOutButton />
          </div>
        </header>
        <main className="content" id="main" tabIndex={-1}>{children}</main>
      </div>
    </div>
  );
}
