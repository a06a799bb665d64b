import { type AppPrisma, type AppTx, type Role, scopedWhere, withOrg } from '@gridshare/db';
import { AUDIT_INCLUDE } from '../admin/admin-audit';
import { audit, writeAudit } from '../../audit';
import type { Authorized } from '../../auth/principal';
import { conflict, forbidden, notFound } from '../../errors/domain-errors';
import { type TPageArgs, pageQuery } from '../../graphql/pagination';
import type { TChangeMemberRoleInput, TCreateOrganizationInput } from './orgs.schemas';

const withUser = { user: { select: { id: true, email: true, name: true } } } as const;

export async function createOrganization(prisma: AppPrisma, userId: string, input: TCreateOrganizationInput) {
  // The system path: the organisation does not exist yet, so no tenant scope can hold this write.
  return prisma.$transaction(async (tx) => {
    const org = await tx.organization.create({ data: { name: input.name, kind: input.kind } });
    await tx.membership.create({ data: { orgId: org.id, userId, role: 'OWNER' } });
    await writeAudit(tx, { orgId: org.id, actor: `user:${userId}`, action: 'organization.created', entityType: 'Organization', entityId: org.id, changes: input });
    return org;
  });
}

export function findMembersPage(prisma: AppPrisma, auth: Authorized, page: TPageArgs) {
  return withOrg(prisma, auth, (tx) => tx.membership.findMany({ where: scopedWhere(auth), include: withUser, ...pageQuery(page) }));
}

export function countMembers(prisma: AppPrisma, auth: Authorized) {
  return withOrg(prisma, auth, (tx) => tx.membership.count({ where: scopedWhere(auth) }));
}

/** Only an OWNER may make, unmake, invite or remove owners. */
export function assertMayTouch(auth: Authorized, roles: Role[]) {
  const callerRole = auth.principal.kind === 'user' ? auth.principal.role : null;
  if (roles.includes('OWNER') && callerRole !== 'OWNER') throw forbidden('Only an OWNER can invite, change or remove owners.');
}

export async function assertNotLastOwner(tx: AppTx, auth: Authorized) {
  const owners = await tx.membership.count({ where: scopedWhere(auth, { role: 'OWNER' as const }) });
  if (owners <= 1) throw conflict('This is the last OWNER: make someone else OWNER first.', { currentOwners: owners });
}

async function findMembership(tx: AppTx, auth: Authorized, id: string) {
  const membership = await tx.membership.findFirst({ where: scopedWhere(auth, { id }), include: withUser });
  if (!membership) throw notFound('Membership', id);
  return membership;
}

export function changeMemberRole(prisma: AppPrisma, auth: Authorized, input: TChangeMemberRoleInput) {
  return withOrg(prisma, auth, async (tx) => {
    const membership = await findMembership(tx, auth, input.membershipId);
    assertMayTouch(auth, [membership.role, input.role]);
    if (membership.role === 'OWNER' && input.role !== 'OWNER') await assertNotLastOwner(tx, auth);
    const updated = await tx.membership.update({ where: { id: membership.id }, data: { role: input.role }, include: withUser });
    await audit(tx, auth, {
            action: 'member.role_changed',
      entityType: 'Membership',
      entityId: membership.id,
      changes: { from: membership.role, to: input.role },
    });
    return updated;
  });
}

export function removeMember(prisma: AppPrisma, auth: Authorized, id: string) {
  return withOrg(prisma, auth, async (tx) => {
    const membership = await findMembership(tx, auth, id);
    assertMayTouch(auth, [membership.role]);
    if (membership.role === 'OWNER') await assertNotLastOwner(tx, auth);
    await tx.membership.delete({ where: { id: membership.id } });
    await audit(tx, auth, {
            action: 'member.removed',
      entityType: 'Membership',
      entityId: membership.id,
      changes: { email: membership.user.email, role: membership.role },
    });
    return membership.id;
  });
}

/** The organisation's own audit lines (row-level security scopes them again). Every line has an action. */
const ownAudit = (auth: Authorized) => scopedWhere(auth, { action: { not: '' } });

export function findAuditPage(prisma: AppPrisma, auth: Authorized, page: TPageArgs) {
  return withOrg(prisma, auth, (tx) => tx.auditLog.findMany({ where: ownAudit(auth), include: AUDIT_INCLUDE, ...pageQuery(page) }));
}

export function countAudit(prisma: AppPrisma, auth: Authorized) {
  return withOrg(prisma, auth, (tx) => tx.auditLog.count({ where: ownAudit(auth) }));
}
