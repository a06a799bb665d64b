// Membership by consent. An ADMIN (or OWNER) invites an email address with a role; the token is shown to
// them once (only its hash is stored) to pass on; the person signed in with that address accepts it. The
// reply to an invitation is the same whether or not the address has an account. Anyone may leave.
import { type AppPrisma, type AppTx, type Invitation, issueInvitationToken, scopedWhere, sha256, withOrg } from '@gridshare/db';
import { audit, writeAudit } from '../../audit';
import type { Authorized } from '../../auth/principal';
import { conflict, notFound } from '../../errors/domain-errors';
import { type TPageArgs, pageQuery } from '../../graphql/pagination';
import { assertMayTouch, assertNotLastOwner } from './orgs.service';
import type { TInviteMemberInput } from './orgs.schemas';

export type InvitationStatus = 'PENDING' | 'ACCEPTED' | 'REVOKED' | 'EXPIRED';

export function statusOf(invitation: Pick<Invitation, 'acceptedAt' | 'revokedAt' | 'expiresAt'>, now = new Date()): InvitationStatus {
  if (invitation.acceptedAt) return 'ACCEPTED';
  if (invitation.revokedAt) return 'REVOKED';
  return invitation.expiresAt <= now ? 'EXPIRED' : 'PENDING';
}

export function inviteMember(prisma: AppPrisma, auth: Authorized, input: TInviteMemberInput, ttlHours: number) {
  assertMayTouch(auth, [input.role]);
  const { token, hash } = issueInvitationToken();
  return withOrg(prisma, auth, async (tx) => {
    // A new invitation to the same address replaces a pending one (its token stops working). Whether the
    // address has an account is never looked at here: the answer must not depend on it.
    await tx.invitation.updateMany({ where: scopedWhere(auth, { email: input.email, acceptedAt: null, revokedAt: null }), data: { revokedAt: new Date() } });
    const invitation = await tx.invitation.create({
      data: { orgId: auth.orgId, email: input.email, role: input.role, tokenHash: hash, invitedBy: auth.actor, expiresAt: new Date(Date.now() + ttlHours * 3_600_000) },
    });
    await audit(tx, auth, { action: 'invitation.created', entityType: 'Invitation', entityId: invitation.id, changes: input });
    return { invitation, token };
  });
}

export function findInvitationsPage(prisma: AppPrisma, auth: Authorized, page: TPageArgs) {
  return withOrg(prisma, auth, (tx) => tx.invitation.findMany({ where: scopedWhere(auth), ...pageQuery(page) }));
}

export function countInvitations(prisma: AppPrisma, auth: Authorized) {
  return withOrg(prisma, auth, (tx) => tx.invitation.count({ where: scopedWhere(auth) }));
}

export function revokeInvitation(prisma: AppPrisma, auth: Authorized, id: string) {
  return withOrg(prisma, auth, async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: scopedWhere(auth, { id }) });
    if (!invitation) throw notFound('Invitation', id);
    assertMayTouch(auth, [invitation.role]);
    const status = statusOf(invitation);
    if (status !== 'PENDING') throw conflict(`Invitation ${id} is ${status}; only a PENDING one can be revoked.`, { currentStatus: status });
    const revoked = await tx.invitation.update({ where: { id }, data: { revokedAt: new Date() } });
    await audit(tx, auth, { action: 'invitation.revoked', entityType: 'Invitation', entityId: id, changes: { email: invitation.email } });
    return revoked;
  });
}

/**
 * The invitation `token` stands for, if it was made for `email` (the signed-in person's). Anyone else's
 * token, or a made-up one, is NOT_FOUND: a token alone does not make a member. System path: the person
 * is not a member of the inviting organisation yet, and reads only an invitation addressed to them.
 */
async function findOwnInvitation(prisma: AppPrisma | AppTx, token: string, email: string) {
  const invitation = await prisma.invitation.findUnique({ where: { tokenHash: sha256(token) }, include: { org: true } });
  if (!invitation || invitation.email !== email) throw notFound('Invitation');
  return invitation;
}

export async function receivedInvitation(prisma: AppPrisma, token: string, user: { email: string }) {
  const invitation = await findOwnInvitation(prisma, token, user.email);
  return { ...invitation, status: statusOf(invitation) };
}

export async function acceptInvitation(prisma: AppPrisma, token: string, user: { id: string; email: string }) {
  return prisma.$transaction(async (tx) => {
    const invitation = await findOwnInvitation(tx, token, user.email);
    const status = statusOf(invitation);
    if (status !== 'PENDING') throw conflict(`This invitation is ${status.toLowerCase()}; ask for a new one.`, { currentStatus: status });
    if (invitation.org.status === 'SUSPENDED') throw conflict('This organisation is suspended; it cannot take members.');
    const existing = await tx.membership.findUnique({ where: { orgId_userId: { orgId: invitation.orgId, userId: user.id } } });
    if (existing) throw conflict(`You are already a member, as ${existing.role}.`, { currentRole: existing.role });
    // Conditional: of two acceptances racing, one finds the invitation already used.
    const used = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null, revokedAt: null }, data: { acceptedAt: new Date(), acceptedByUserId: user.id } });
    if (used.count !== 1) throw conflict('This invitation was used or revoked meanwhile.');
    const membership = await tx.membership.create({ data: { orgId: invitation.orgId, userId: user.id, role: invitation.role } });
    await writeAudit(tx, {
      orgId: invitation.orgId,
      actor: `user:${user.id}`,
      action: 'invitation.accepted',
      entityType: 'Membership',
      entityId: membership.id,
      changes: { invitationId: invitation.id, role: invitation.role },
    });
    return { role: membership.role, organization: invitation.org };
  });
}

/** The caller leaves the organisation it acts for; the last OWNER cannot. Returns the organisation's id. */
export function leaveOrganization(prisma: AppPrisma, auth: Authorized, userId: string) {
  return withOrg(prisma, auth, async (tx) => {
    const membership = await tx.membership.findFirst({ where: scopedWhere(auth, { userId }) });
    if (!membership) throw notFound('Membership');
    if (membership.role === 'OWNER') await assertNotLastOwner(tx, auth);
    await tx.membership.delete({ where: { id: membership.id } });
    await audit(tx, auth, { action: 'member.left', entityType: 'Membership', entityId: membership.id, changes: { role: membership.role } });
    return auth.orgId;
  });
}
