// The audit log across organisations, for platform admins: the explicit system path (the caller checked
// requirePlatformAdmin first), on the owner connection, like the rest of the admin module.
import type { AppPrisma, Prisma } from '@gridshare/db';
import { type TPageArgs, pageQuery } from '../../graphql/pagination';
import type { TAuditLogFilter } from './admin.schemas';
import { escapeLike } from './admin.service';

const DAY_MS = 86_400_000;

function auditWhere(filter: TAuditLogFilter | null | undefined): Prisma.AuditLogWhereInput {
  const createdAt = {
    ...(filter?.from ? { gte: filter.from } : {}),
    // `to` is a whole day: everything before the next midnight.
    ...(filter?.to ? { lt: new Date(filter.to.getTime() + DAY_MS) } : {}),
  };
  return {
    // Every line has an action, so "any action" is said out loud and the refuse-unscoped-bulk guard keeps
    // its meaning instead of being switched off by an empty where.
    action: filter?.action ? { startsWith: escapeLike(filter.action) } : { not: '' },
    ...(Object.keys(createdAt).length ? { createdAt } : {}),
    ...(filter?.organizationId ? { orgId: filter.organizationId } : {}),
    ...(filter?.entityType ? { entityType: filter.entityType } : {}),
  };
}

export const AUDIT_INCLUDE = { org: { select: { id: true, name: true } } } as const satisfies Prisma.AuditLogInclude;
type AuditRow = Prisma.AuditLogGetPayload<{ include: typeof AUDIT_INCLUDE }>;

export function findAuditLogPage(prisma: AppPrisma, page: TPageArgs, filter?: TAuditLogFilter | null) {
  return prisma.auditLog.findMany({ where: auditWhere(filter), include: AUDIT_INCLUDE, ...pageQuery(page) });
}

export function countAuditLog(prisma: AppPrisma, filter?: TAuditLogFilter | null) {
  return prisma.auditLog.count({ where: auditWhere(filter) });
}

export function toAuditLogNode(row: AuditRow) {
  return {
    id: row.id,
    organization: row.org,
    actor: row.actor,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    changes: row.changes ?? null,
    createdAt: row.createdAt,
  };
}
