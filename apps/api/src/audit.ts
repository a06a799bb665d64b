// Every mutation writes who changed what, in the same transaction as the change itself.
import type { AppTx, Prisma } from '@gridshare/db';

/** Fields whose values never reach the audit log. */
const SECRET_FIELDS = new Set(['password', 'passwordHash', 'keyHash', 'secret', 'token', 'tokenHash']);

function redact(changes: Record<string, unknown>): Prisma.InputJsonObject {
  const out: Record<string, Prisma.InputJsonValue | null> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    out[key] = SECRET_FIELDS.has(key) ? '[redacted]' : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
  }
  return out;
}

export interface AuditEntry {
  orgId: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  changes?: Record<string, unknown>;
}

export async function writeAudit(tx: AppTx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: { ...entry, changes: entry.changes ? redact(entry.changes) : undefined },
  });
}

/** The entry of a change the caller made in its own organisation (nearly every mutation). */
export function audit(tx: AppTx, auth: { orgId: string; actor: string }, entry: Omit<AuditEntry, 'orgId' | 'actor'>): Promise<void> {
  return writeAudit(tx, { orgId: auth.orgId, actor: auth.actor, ...entry });
}
