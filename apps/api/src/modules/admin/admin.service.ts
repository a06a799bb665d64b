// Platform admin use-cases. They span organisations, so they run on the owner connection (the explicit
// system path; resolvers call requirePlatformAdmin first), never in withOrg. Each change writes its audit
// row in the organisation acted on, in the same transaction.
import { type AppPrisma, type AppTx, OrgKind, type OrgStatus, type Organization, type Prisma, type VerificationStatus } from '@gridshare/db';
import { writeAudit } from '../../audit';
import { conflict, notFound } from '../../errors/domain-errors';
import { type TPageArgs, pageQuery } from '../../graphql/pagination';
import type { PlatformAdmin } from './admin-access';
import { type AdminOrganizationRow, SITE_INCLUDE } from './admin.mappers';
import type { TAdminOrganizationFilter, TVerificationDecision } from './admin.schemas';

const AWAITING_VERIFICATION: VerificationStatus[] = ['UNVERIFIED', 'PENDING'];

/** The queue serves the longest-waiting first; cursors work the same in either direction. */
function oldestFirst(page: TPageArgs) {
  return { ...pageQuery(page), orderBy: [{ createdAt: 'asc' as const }, { id: 'asc' as const }] };
}

/**
 * Member and (non-archived) site counts for a page of organisations: two GROUP BY queries over the page's
 * ids, whatever its size. (Prisma's `_count` aggregates the whole Membership and Site tables instead.)
 */
async function withCounts(db: AppPrisma | AppTx, orgs: Organization[]): Promise<AdminOrganizationRow[]> {
  if (orgs.length === 0) return [];
  const orgId = { in: orgs.map((org) => org.id) };
  const members = await db.membership.groupBy({ by: ['orgId'], where: { orgId }, _count: { _all: true } });
  const sites = await db.site.groupBy({ by: ['orgId'], where: { orgId, status: 'ACTIVE' }, _count: { _all: true } });
  const memberCount = new Map(members.map((row) => [row.orgId, row._count._all]));
  const siteCount = new Map(sites.map((row) => [row.orgId, row._count._all]));
  return orgs.map((org) => ({ ...org, memberCount: memberCount.get(org.id) ?? 0, siteCount: siteCount.get(org.id) ?? 0 }));
}

async function withCountsOne(tx: AppTx, id: string): Promise<AdminOrganizationRow> {
  const [org] = await withCounts(tx, [await tx.organization.findUniqueOrThrow({ where: { id } })]);
  return org!;
}

const queuedOrganizations: Prisma.OrganizationWhereInput = { verification: { in: AWAITING_VERIFICATION } };
const queuedSites: Prisma.SiteWhereInput = { verification: { in: AWAITING_VERIFICATION }, status: 'ACTIVE' };

export async function findQueuedOrganizationsPage(prisma: AppPrisma, page: TPageArgs) {
  return withCounts(prisma, await prisma.organization.findMany({ where: queuedOrganizations, ...oldestFirst(page) }));
}

export function countQueuedOrganizations(prisma: AppPrisma) {
  return prisma.organization.count({ where: queuedOrganizations });
}

export function findQueuedSitesPage(prisma: AppPrisma, page: TPageArgs) {
  return prisma.site.findMany({ where: queuedSites, include: SITE_INCLUDE, ...oldestFirst(page) });
}

export function countQueuedSites(prisma: AppPrisma) {
  return prisma.site.count({ where: queuedSites });
}

/** Prisma's `contains`/`startsWith` pass LIKE wildcards through: "100%" would match "1000". */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

function organizationWhere(filter: TAdminOrganizationFilter | null | undefined): Prisma.OrganizationWhereInput {
  return {
    // Every kind on purpose: admins see all organisations, and saying so keeps the empty-where guard
    // (refuse-unscoped-bulk) meaningful instead of switching it off.
    kind: filter?.kind ?? { in: Object.values(OrgKind) },
    ...(filter?.status ? { status: filter.status } : {}),
    ...(filter?.search ? { name: { contains: escapeLike(filter.search), mode: 'insensitive' as const } } : {}),
  };
}

export async function findOrganizationsPage(prisma: AppPrisma, page: TPageArgs, filter?: TAdminOrganizationFilter | null) {
  return withCounts(prisma, await prisma.organization.findMany({ where: organizationWhere(filter), ...pageQuery(page) }));
}

export function countOrganizations(prisma: AppPrisma, filter?: TAdminOrganizationFilter | null) {
  return prisma.organization.count({ where: organizationWhere(filter) });
}

async function findOrganization(tx: AppTx, id: string) {
  const org = await tx.organization.findUnique({ where: { id } });
  if (!org) throw notFound('Organization', id);
  return org;
}

async function findSite(tx: AppTx, id: string) {
  const site = await tx.site.findUnique({ where: { id } });
  if (!site) throw notFound('Site', id);
  return site;
}

/**
 * Updates are compare-and-set on the value just read: two admins deciding at once get one change, one
 * audit row and one CONFLICT, never two audit rows for one change.
 */
function assertApplied({ count }: { count: number }): void {
  if (count === 0) throw conflict('Someone changed this at the same time; try again.');
}

function verificationData(decision: TVerificationDecision) {
  return { verification: decision, verifiedAt: decision === 'VERIFIED' ? new Date() : null };
}

function refuseSameDecision(what: string, id: string, current: VerificationStatus, decision: TVerificationDecision): void {
  if (current === decision) throw conflict(`${what} ${id} is already ${current}.`, { verification: current });
}

export function verifyOrganization(prisma: AppPrisma, admin: PlatformAdmin, id: string, decision: TVerificationDecision) {
  return prisma.$transaction(async (tx) => {
    const current = await findOrganization(tx, id);
    refuseSameDecision('Organization', id, current.verification, decision);
    assertApplied(await tx.organization.updateMany({ where: { id, verification: current.verification }, data: verificationData(decision) }));
    await writeAudit(tx, {
      orgId: id,
      actor: admin.actor,
      action: `admin.organization_${decision.toLowerCase()}`,
      entityType: 'Organization',
      entityId: id,
      changes: { verification: decision, previousVerification: current.verification },
    });
    return withCountsOne(tx, id);
  });
}

export function verifySite(prisma: AppPrisma, admin: PlatformAdmin, id: string, decision: TVerificationDecision) {
  return prisma.$transaction(async (tx) => {
    const current = await findSite(tx, id);
    refuseSameDecision('Site', id, current.verification, decision);
    assertApplied(await tx.site.updateMany({ where: { id, verification: current.verification }, data: verificationData(decision) }));
    await writeAudit(tx, {
      orgId: current.orgId,
      actor: admin.actor,
      action: `admin.site_${decision.toLowerCase()}`,
      entityType: 'Site',
      entityId: id,
      changes: { verification: decision, previousVerification: current.verification },
    });
    return tx.site.findUniqueOrThrow({ where: { id }, include: SITE_INCLUDE });
  });
}

interface StatusChange {
  to: OrgStatus;
  action: string;
  /** Extra audit detail (the suspension reason: the schema has no column for it, the audit log keeps it). */
  detail?: Record<string, unknown>;
}

function changeOrganizationStatus(prisma: AppPrisma, admin: PlatformAdmin, id: string, change: StatusChange) {
  return prisma.$transaction(async (tx) => {
    const current = await findOrganization(tx, id);
    if (change.to === 'SUSPENDED' && current.kind === 'PLATFORM') {
      throw conflict('The PLATFORM organisation cannot be suspended.', { kind: current.kind });
    }
    if (current.status === change.to) throw conflict(`Organization ${id} is already ${current.status}.`, { status: current.status });
    assertApplied(await tx.organization.updateMany({ where: { id, status: current.status }, data: { status: change.to } }));
    await writeAudit(tx, {
      orgId: id,
      actor: admin.actor,
      action: change.action,
      entityType: 'Organization',
      entityId: id,
      changes: { status: change.to, previousStatus: current.status, ...change.detail },
    });
    return withCountsOne(tx, id);
  });
}

export function suspendOrganization(prisma: AppPrisma, admin: PlatformAdmin, id: string, reason: string) {
  return changeOrganizationStatus(prisma, admin, id, { to: 'SUSPENDED', action: 'admin.organization_suspended', detail: { reason } });
}

export function reinstateOrganization(prisma: AppPrisma, admin: PlatformAdmin, id: string) {
  return changeOrganizationStatus(prisma, admin, id, { to: 'ACTIVE', action: 'admin.organization_reinstated' });
}
