import type { Membership, Organization, User } from '@gridshare/db';

export function toOrganizationNode(org: Organization) {
  return { id: org.id, name: org.name, kind: org.kind, status: org.status, verification: org.verification, createdAt: org.createdAt };
}

export function toMembershipNode(m: Membership & { user: Pick<User, 'id' | 'email' | 'name'> }) {
  return { id: m.id, role: m.role, createdAt: m.createdAt, user: { id: m.user.id, email: m.user.email, name: m.user.name } };
}
