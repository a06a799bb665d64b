// Accounts and sessions. These run on the system path (no tenant scope exists before sign-in); each
// still writes its audit row in the same transaction as its change.
import { type AppPrisma, type AppTx, hashPassword, issueSessionToken, verifyPassword } from '@gridshare/db';
import { writeAudit } from '../../audit';
import { conflict, unauthenticated } from '../../graphql/errors';
import type { TSignInInput, TSignUpInput } from './auth.schemas';

// Compared against when the email is unknown, so both failures take the same time.
const DUMMY_HASH = hashPassword('not-a-real-password-0');

async function createSession(tx: AppTx, userId: string, ttlHours: number) {
  const { token, hash } = issueSessionToken();
  const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
  await tx.session.create({ data: { userId, tokenHash: hash, expiresAt } });
  return { token, expiresAt };
}

export async function signUp(prisma: AppPrisma, input: TSignUpInput, ttlHours: number) {
  const passwordHash = await hashPassword(input.password);
  const existing = await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw conflict('input.email: an account with this email already exists; sign in instead.', { field: 'input.email' });
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash } });
    const organization = await tx.organization.create({ data: { name: input.organizationName, kind: input.organizationKind } });
    await tx.membership.create({ data: { orgId: organization.id, userId: user.id, role: 'OWNER' } });
    await writeAudit(tx, {
      orgId: organization.id,
      actor: `user:${user.id}`,
      action: 'organization.created',
      entityType: 'Organization',
      entityId: organization.id,
      changes: { name: organization.name, kind: organization.kind, owner: user.email },
    });
    return { ...(await createSession(tx, user.id, ttlHours)), user, organization };
  });
}

export async function signIn(prisma: AppPrisma, input: TSignInInput, ttlHours: number) {
  const user = await prisma.user.findUnique({
    where: { email: input.email },
    include: { memberships: { include: { org: true }, orderBy: { createdAt: 'asc' }, take: 1 } },
  });
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await DUMMY_HASH));
  if (!user || !ok) throw unauthenticated('Wrong email or password.');
  const organization = user.memberships[0]?.org ?? null;
  return prisma.$transaction(async (tx) => {
    const session = await createSession(tx, user.id, ttlHours);
    if (organization) {
      await writeAudit(tx, { orgId: organization.id, actor: `user:${user.id}`, action: 'session.created', entityType: 'User', entityId: user.id });
    }
    return { ...session, user, organization };
  });
}

export async function signOut(prisma: AppPrisma, session: { sessionId: string; userId: string; orgId: string | null }) {
  await prisma.$transaction(async (tx) => {
    await tx.session.update({ where: { id: session.sessionId }, data: { revokedAt: new Date() } });
    if (session.orgId) {
      await writeAudit(tx, { orgId: session.orgId, actor: `user:${session.userId}`, action: 'session.revoked', entityType: 'User', entityId: session.userId });
    }
  });
}
