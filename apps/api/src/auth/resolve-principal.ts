// Turns the Authorization header into a Principal. This is the explicit system path: it reads sessions and
// API keys across organisations (by hash) before any tenant scope exists.
import { type AppPrisma, type OrgKind, type OrgStatus, type Role, isWellFormedApiKey, retryOnLostConnection, sha256 } from '@gridshare/db';
import type { IncomingHttpHeaders } from 'node:http';
import { transportError } from '../graphql/errors';
import { type Principal, toApiScopes, toPlan } from './principal';

// How stale `lastUsedAt` may get before we write it again: one write per key per minute, not per request.
const LAST_USED_RESOLUTION_MS = 60_000;

function rejected(code: 'UNAUTHENTICATED' | 'FORBIDDEN', message: string) {
  return transportError(code, message, { http: { status: code === 'UNAUTHENTICATED' ? 401 : 403 } });
}

export interface AuthHeaders {
  authorization?: string;
  /** Which of a person's organisations to act in; a claim checked against their memberships. */
  orgId?: string;
}

/** The request headers that say who is calling. */
export function authHeadersOf(headers: IncomingHttpHeaders): AuthHeaders {
  const orgHeader = headers['x-org-id'];
  return { authorization: headers.authorization, orgId: typeof orgHeader === 'string' ? orgHeader : undefined };
}

export async function resolvePrincipal(prisma: AppPrisma, headers: AuthHeaders, now = new Date()): Promise<Principal | null> {
  const header = headers.authorization?.trim();
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw rejected('UNAUTHENTICATED', 'Authorization must be "Bearer <session token or API key>".');
  const token = match[1]!;
  if (token.startsWith('gsk_')) return resolveApiKey(prisma, token, now);
  if (token.startsWith('gss_')) return resolveSession(prisma, token, headers.orgId, now);
  throw rejected('UNAUTHENTICATED', 'Unrecognised bearer token: expected a session token or an API key.');
}

async function resolveApiKey(prisma: AppPrisma, secret: string, now: Date): Promise<Principal> {
  if (!isWellFormedApiKey(secret)) throw rejected('UNAUTHENTICATED', 'Malformed API key.');
  const key = await prisma.apiKey.findUnique({
    where: { keyHash: sha256(secret) },
    include: { org: { select: { id: true, kind: true, status: true, plan: true } } },
  });
  if (!key) throw rejected('UNAUTHENTICATED', 'Unknown API key.');
  if (key.revokedAt) throw rejected('UNAUTHENTICATED', 'This API key has been revoked.');
  if (key.org.status === 'SUSPENDED') throw rejected('FORBIDDEN', 'This organisation is suspended.');
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
  }
  return { kind: 'apiKey', apiKeyId: key.id, org: { id: key.org.id, kind: key.org.kind }, scopes: new Set(toApiScopes(key.scopes)), plan: toPlan(key.org.plan) };
}

interface SessionRow {
  sessionId: string;
  userId: string;
  expiresAt: Date;
  revokedAt: Date | null;
  role: Role | null;
  orgId: string | null;
  orgKind: OrgKind | null;
  orgStatus: OrgStatus | null;
  orgPlan: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function resolveSession(prisma: AppPrisma, token: string, orgClaim: string | undefined, now: Date): Promise<Principal> {
  if (orgClaim !== undefined && !UUID.test(orgClaim)) throw rejected('FORBIDDEN', 'You are not a member of the organisation in X-Org-Id.');
  // One round trip on every request: the session, and the membership it acts through (the claimed
  // organisation, else the oldest membership). A read, so it is retried on a connection found dead.
  const rows = await retryOnLostConnection(() => prisma.$queryRaw<SessionRow[]>`
    SELECT s."id" AS "sessionId", s."userId", s."expiresAt", s."revokedAt",
           m."role"::text AS "role", o."id" AS "orgId", o."kind"::text AS "orgKind", o."status"::text AS "orgStatus", o."plan" AS "orgPlan"
      FROM "Session" s
      LEFT JOIN LATERAL (
        SELECT "role", "orgId" FROM "Membership"
         WHERE "userId" = s."userId" AND (${orgClaim ?? null}::uuid IS NULL OR "orgId" = ${orgClaim ?? null}::uuid)
         ORDER BY "createdAt" LIMIT 1
      ) m ON true
      LEFT JOIN "Organization" o ON o."id" = m."orgId"
     WHERE s."tokenHash" = ${sha256(token)}`);
  const session = rows[0];
  if (!session || session.revokedAt || session.expiresAt <= now) {
    throw rejected('UNAUTHENTICATED', 'Session expired or signed out; sign in again.');
  }
  if (orgClaim && !session.orgId) throw rejected('FORBIDDEN', 'You are not a member of the organisation in X-Org-Id.');
  if (session.orgStatus === 'SUSPENDED') throw rejected('FORBIDDEN', 'This organisation is suspended.');
  return {
    kind: 'user',
    userId: session.userId,
    sessionId: session.sessionId,
    org: session.orgId && session.orgKind ? { id: session.orgId, kind: session.orgKind } : null,
    role: session.role,
    plan: toPlan(session.orgPlan),
    sessionExpiresAt: session.expiresAt,
  };
}
