// The daily hashprice index: market data, not tenant data. Every signed-in caller reads it; the PLATFORM
// organisation and the data partners a platform admin trusts write it. The runtime role may only read the
// table, so writes take the explicit system path (the owner connection) once the uploader is checked here.
import type { AppPrisma, AppTx, HashpriceIndexDay } from '@gridshare/db';
import { audit, writeAudit } from '../../audit';
import type { Authorized } from '../../auth/principal';
import { conflict, forbidden, notFound } from '../../errors/domain-errors';
import type { PlatformAdmin } from '../admin/admin-access';
import { isoDay } from '../common/dates';
import { type DayRow, dayIssues, diffDays, monthsOfDays, refuseDays, summarize } from './day-batch';

export interface HashpriceValues {
  usdPerPhDay: number;
}

export interface DayUploadResult {
  inserted: number;
  updated: number;
  unchanged: number;
}

export function readHashpriceIndex(prisma: AppPrisma, from: Date, to: Date): Promise<HashpriceIndexDay[]> {
  return prisma.hashpriceIndexDay.findMany({ where: { day: { gte: from, lte: to } }, orderBy: { day: 'asc' } });
}

/** The uploader's organisation, when it may write the index: PLATFORM, or flagged as a provider. */
async function findUploader(prisma: AppPrisma, auth: Authorized) {
  const organization = await prisma.organization.findUnique({ where: { id: auth.orgId }, select: { name: true, kind: true, hashpriceProvider: true } });
  if (!organization || (organization.kind !== 'PLATFORM' && !organization.hashpriceProvider)) {
    throw forbidden('Only platform admins and the data partners a platform admin made hashprice providers can upload the hashprice index.');
  }
  return organization;
}

/**
 * Statements not agreed yet, of deals settled on the index, whose month holds a changed day: stale, so they
 * are recomputed before anyone issues or agrees them.
 */
async function markIndexStatementsStale(tx: AppTx, days: readonly string[]): Promise<number> {
  if (days.length === 0) return 0;
  return tx.$executeRaw`
    UPDATE "SettlementStatement" s SET "stale" = true, "updatedAt" = CURRENT_TIMESTAMP
      FROM "Deal" d
     WHERE d."id" = s."dealId" AND d."hashpriceSource" = 'INDEX' AND NOT s."stale"
       AND s."status" IN ('DRAFT', 'ISSUED', 'DISPUTED') AND s."month" = ANY(${monthsOfDays(days)}::date[])`;
}

export async function uploadHashpriceIndex(prisma: AppPrisma, auth: Authorized, rows: DayRow<HashpriceValues>[], source?: string | null, now = new Date()): Promise<DayUploadResult> {
  const uploader = await findUploader(prisma, auth);
  const issues = dayIssues(rows, isoDay(now));
  if (issues.length > 0) refuseDays(issues);
  const label = source ?? uploader.name;
  return prisma.$transaction(async (tx) => {
    const days = rows.map((row) => row.day);
    // Locked, so two uploads of the same days count their changes one after the other.
    const stored = await tx.$queryRaw<{ day: Date; usdPerPhDay: number }[]>`
      SELECT "day", "usdPerPhDay"::float8 AS "usdPerPhDay" FROM "HashpriceIndexDay" WHERE "day" = ANY(${days}::date[]) FOR UPDATE`;
    const { counts, changed, updates } = summarize(
      diffDays(rows, new Map(stored.map((row) => [isoDay(row.day), { usdPerPhDay: row.usdPerPhDay }])), (a, b) => a.usdPerPhDay === b.usdPerPhDay),
    );
    if (changed.length > 0) {
      await tx.$executeRaw`
        INSERT INTO "HashpriceIndexDay" ("day", "usdPerPhDay", "source", "updatedByOrgId", "actor", "updatedAt")
        SELECT i."day", i."value", ${label}, ${auth.orgId}::uuid, ${auth.actor}, CURRENT_TIMESTAMP
          FROM unnest(${changed.map((row) => row.day)}::date[], ${changed.map((row) => row.values.usdPerPhDay.toFixed(4))}::numeric[]) AS i("day", "value")
        ON CONFLICT ("day") DO UPDATE SET "usdPerPhDay" = EXCLUDED."usdPerPhDay", "source" = EXCLUDED."source",
          "updatedByOrgId" = EXCLUDED."updatedByOrgId", "actor" = EXCLUDED."actor", "updatedAt" = EXCLUDED."updatedAt"`;
    }
    const staleStatements = await markIndexStatementsStale(tx, changed.map((row) => row.day));
    await audit(tx, auth, {
            action: 'hashprice.uploaded',
      entityType: 'HashpriceIndex',
      entityId: `${rows[0]!.day}..${rows.at(-1)!.day}`,
      changes: { source: label, ...counts, updates, staleStatements },
    });
    return counts;
  });
}

/** A platform admin lets an organisation's people (ADMIN+) and keys (scope hashprice:write) upload the index, or stops it. */
export function setHashpriceProvider(prisma: AppPrisma, admin: PlatformAdmin, organizationId: string, enabled: boolean) {
  return prisma.$transaction(async (tx) => {
    const organization = await tx.organization.findUnique({ where: { id: organizationId }, select: { id: true, name: true, hashpriceProvider: true } });
    if (!organization) throw notFound('Organization', organizationId);
    if (organization.hashpriceProvider === enabled) {
      throw conflict(`Organization ${organizationId} is ${enabled ? 'already' : 'not'} a hashprice provider.`, { hashpriceProvider: enabled });
    }
    await tx.organization.update({ where: { id: organizationId }, data: { hashpriceProvider: enabled } });
    await writeAudit(tx, {
      orgId: organizationId,
      actor: admin.actor,
      action: enabled ? 'admin.hashprice_provider_added' : 'admin.hashprice_provider_removed',
      entityType: 'Organization',
      entityId: organizationId,
      changes: { hashpriceProvider: enabled },
    });
    return { organizationId, name: organization.name, hashpriceProvider: enabled };
  });
}
