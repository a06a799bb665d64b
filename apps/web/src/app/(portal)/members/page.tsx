import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/action-button';
import { InviteForm } from '@/components/invite-form';
import { type Column, SortableTable } from '@/components/sortable-table';
import { auditObjectHref, describeAction, describeActor, describeChanges } from '@/lib/audit-format';
import { fmtDate, fmtInstant } from '@/lib/format';
import { gql, requireViewer } from '@/lib/session';
import { inviteMember, leaveOrganization, revokeInvitation } from './actions';
import { MembersDocument } from '@/generated/graphql';
import { allOf } from '@/lib/enums';
import type { MembersQuery, Role } from '@/generated/graphql';

export const metadata: Metadata = { title: 'Members' };

type Member = MembersQuery['members']['edges'][number]['node'];

const ROLES = allOf<Role>()('VIEWER', 'MEMBER', 'ADMIN', 'OWNER');

/** An audit line's object, linked to its page where the portal has one. */
function AuditObject({ entityType, entityId }: { entityType: string; entityId: string }) {
  const href = auditObjectHref(entityType, entityId);
  return href ? <Link href={href}>{entityType}</Link> : <>{entityType}</>;
}

export default async function MembersPage({ searchParams }: { searchParams: Promise<{ sort?: string; dir?: string }> }) {
  const viewer = await requireViewer();
  if (!viewer.organization) {
    return (
      <>
        <h1>Members</h1>
        <div className="empty">You are not a member of any organisation. Accept an invitation, or create an organisation.</div>
      </>
    );
  }
  const manages = viewer.role === 'ADMIN' || viewer.role === 'OWNER';
  // Invitations and the audit log are for those who manage the organisation; the others do not ask for them.
  const data = await gql(
    MembersDocument,
    { manages },
  );
  const members = data.members.edges.map((e) => e.node);
  const invitations = data.invitations?.edges.map((e) => e.node) ?? [];
  const names = new Map(data.members.edges.map(({ node }) => [node.user.id, node.user.name]));
  const columns: Column<Member>[] = [
    { key: 'name', label: 'Name', cell: (m) => <>{m.user.name}{m.user.id === viewer.user.id && <span className="muted"> (you)</span>}</>, sortBy: (m) => m.user.name.toLowerCase() },
    { key: 'email', label: 'Email', cell: (m) => m.user.email, sortBy: (m) => m.user.email },
    { key: 'role', label: 'Role', cell: (m) => m.role.toLowerCase(), sortBy: (m) => ROLES.indexOf(m.role) },
    { key: 'since', label: 'Since', cell: (m) => fmtDate(m.createdAt), sortBy: (m) => m.createdAt },
  ];
  return (
    <>
      <h1>Members of {viewer.organization.name}</h1>
      <SortableTable rows={members} columns={columns} rowKey={(m) => m.id} rowTestId={() => 'member-row'} sort={{ path: '/members', params: await searchParams }} totalLabel={(n) => `${n} members`} />
      {manages && (
        <>
          <div className="card">
            <h2>Invite someone</h2>
            <p className="muted">
              Nobody joins without agreeing: the person opens the link you send them and accepts, signed in with the address you invite.
              The link works for 7 days, once.
            </p>
            <InviteForm roles={viewer.role === 'OWNER' ? ROLES : ROLES.filter((r) => r !== 'OWNER')} action={inviteMember} />
          </div>
          <h2>Invitations</h2>
          {invitations.length === 0 ? (
            <div className="empty">No invitations yet.</div>
          ) : (
            <div className="table-wrap">
              <table>
                <thead><tr><th>Email</th><th>Role</th><th>State</th><th>Sent</th><th>Expires</th><th /></tr></thead>
                <tbody>
                  {invitations.map((i) => (
                    <tr key={i.id} data-testid="invitation-row">
                      <td>{i.email}</td>
                      <td>{i.role.toLowerCase()}</td>
                      <td><span className={`badge ${i.status === 'PENDING' ? '' : i.status === 'ACCEPTED' ? 'ok' : 'bad'}`}>{i.status.toLowerCase()}</span></td>
                      <td>{fmtDate(i.createdAt)}</td>
                      <td>{fmtDate(i.expiresAt)}</td>
                      <td>{i.status === 'PENDING' && <ActionButton action={revokeInvitation} fields={{ id: i.id }} label="Revoke" variant="danger" confirm={`Revoke the invitation for ${i.email}? Its link stops working at once.`} />}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {data.organizationAuditLog && (
        <section aria-labelledby="audit-h">
          <h2 id="audit-h">Audit log</h2>
          <p className="muted">The latest {data.organizationAuditLog.edges.length} of {data.organizationAuditLog.totalCount} changes made in {viewer.organization.name}; secrets are never recorded.</p>
          <div className="table-wrap" data-testid="org-audit">
            <table>
              <thead><tr><th>When</th><th>Who</th><th>What</th><th>Object</th><th>Changes</th></tr></thead>
              <tbody>
                {data.organizationAuditLog.edges.map(({ node: line }) => (
                  <tr key={line.id}>
                    <td>{fmtInstant(line.createdAt)}</td>
                    <td>{line.actorName ?? describeActor(line.actor, names)}</td>
                    <td>{describeAction(line.action)}</td>
                    <td><AuditObject entityType={line.entityType} entityId={line.entityId} /></td>
                    <td>{describeChanges(line.changes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <div className="card">
        <h2>Leave {viewer.organization.name}</h2>
        <p className="muted">You lose access to its data at once. Its last owner cannot leave: make someone else owner first.</p>
        <ActionButton action={leaveOrganization} fields={{}} label="Leave organisation" variant="danger" confirm={`Leave ${viewer.organization.name}?`} />
      </div>
    </>
  );
}
