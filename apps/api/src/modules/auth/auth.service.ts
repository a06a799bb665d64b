// Accounts and sessions. These run on the system path (no tenant scope exists before sign-in); each
// still writes its audit row in the same transaction as its change.
import { type AppPrisma, type AppTx, type ScryptCost, hashPassword, issueSessionToken, needsRehash, verifyPassword } from '@gridshare/db';
import { writeAudit } from '../../audit';
import { unauthenticated } from '../../errors/domain-errors';
import type { TSignInInput, TSignUpInput } from './auth.schemas';

// Compared against when the email is unknown, so both failures take the same time: one per cost in use.
const dummyHashes = new Map<number, Promise<string>>();
function dummyHash(cost: ScryptCost): Promise<string> {
  let hash = dummyHashes.get(cost.N);
  if (!hash) dummyHashes.set(cost.N, (hash = hashPassword('not-a-real-password-0', cost)));
  return hash;
}

/** What signUp answers, whether or not the address already had an account (no account enumeration). */
export const SIGN_UP_ANSWER =
  'If this address can be used, its account is ready: sign in with it and the password you chose. ' +
  'If it already had an account, nothing was changed: sign in with that account’s password.';

async function createSession(tx: AppTx, userId: string, ttlHours: number) {
  const { token, hash } = issueSessionToken();
  const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
  await tx.session.create({ data: { userId, tokenHash: hash, expiresAt } });
  return { token, expiresAt };
}

/**
 * Creates the account and its organisation when the address is new; does nothing when it is taken. Both
 * answer the same, after the same hashing work, so the reply cannot tell whether an address has an
 * account. The caller signs in next (a session here would tell the two cases apart).
 */
export async function signUp(prisma: AppPrisma, input: TSignUpInput, cost: ScryptCost): Promise<{ message: string }> {
  const passwordHash = await hashPassword(input.password, cost);
  await prisma.$transaction(async (tx) => {
    // ON CONFLICT: two sign-ups with one address at once end with one account and no error either way.
    const created = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "User" ("id", "email", "name", "passwordHash", "updatedAt")
      VALUES (gen_random_uuid(), ${input.email}, ${input.name}, ${passwordHash}, now())
      ON CONFLICT ("email") DO NOTHING RETURNING "id"`;
    const user = created[0];
    if (!user) return;
    const organization = await tx.organization.create({ data: { name: input.organizationName, kind: input.organizationKind } });
    await tx.membership.create({ data: { orgId: organization.id, userId: user.id, role: 'OWNER' } });
    await writeAudit(tx, {
      orgId: organization.id,
      actor: `user:${user.id}`,
      action: 'organization.created',
      entityType: 'Organization',
      entityId: organization.id,
      changes: { name: organization.name, kind: organization.kind, owner: input.email },
    });
  });
  return { message: SIGN_UP_ANSWER };
}

export async function signIn(prisma: AppPrisma, input: TSignInInput, ttlHours: number, cost: ScryptCost) {
  const user = await prisma.user.findUnique({
    where: { email: input.email },
    include: { memberships: { include: { org: true }, orderBy: { createdAt: 'asc' }, take: 1 } },
  });
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash(cost)));
  if (!user || !ok) throw unauthenticated('Wrong email or password.');
  const organization = user.memberships[0]?.org ?? null;
  // A hash made at an older cost is replaced now, while the password is at hand (its only chance).
  const rehashed = needsRehash(user.passwordHash, cost) ? await hashPassword(input.password, cost) : null;
  return prisma.$transaction(async (tx) => {
    if (rehashed) {
      // Only if it is still the hash just verified (a password change meanwhile wins).
      await tx.user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash: rehashed } });
    }
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

/** A person's own memberships span organisations: read on the system path, limited to this user. */
export function findUserWithMemberships(prisma: AppPrisma, userId: string) {
  return prisma.user.findUniqueOrThrow({
    where: { id: userId },
    include: { memberships: { include: { org: true }, orderBy: { createdAt: 'asc' } } },
  });
}
