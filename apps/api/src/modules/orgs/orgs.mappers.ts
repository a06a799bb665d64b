import type { Invitation, Membership, Organization, User } from '@gridshare/db';
import { statusOf } from './invitations.service';

export function toOrganizationNode(org: Organization) {
  return { id: org.id, name: org.name, kind: org.kind, status: org.status, verification: org.verification, createdAt: org.createdAt };
}

export function toMembershipNode(m: Membership & { user: Pick<User, 'id' | 'email' | 'name'> }) {
  return { id: m.id, role: m.role, createdAt: m.createdAt, user: { id: m.user.id, email: m.user.email, name: m.user.name } };
}

export function toInvitationNode(invitation: Invitation) {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    status: statusOf(invitation),
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
  };
}
