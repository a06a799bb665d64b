import {
  type AppPrisma,
  type AppTx,
  type OrgScope,
  type Prisma,
  type ReadinessAssessment as AssessmentRow,
  type Site,
  scopedWhere,
  withOrg,
} from '@gridshare/db';
import { MODEL_VERSION, assessReadiness } from '@gridshare/readiness';
import { audit } from '../../audit';
import type { Authorized } from '../../auth/principal';
import { findOwned } from '../common/find-owned';
import { conflict } from '../../errors/domain-errors';
import { type TPageArgs, pageQuery } from '../../graphql/pagination';
import { toAssessmentData, toReadinessInput, toReadinessModelInfo } from './readiness.mappers';

/** Today (UTC) as YYYY-MM-DD: the service reads the clock so the engine never has to. */
const today = () => new Date().toISOString().slice(0, 10);

function assessmentData(scope: OrgScope, site: Site, asOf: string) {
  return toAssessmentData(assessReadiness(toReadinessInput(site), { asOf }), site.id, scope.orgId);
}

/**
 * Copies each site's latest score onto Site.readinessScore, which the marketplace listing (and so the
 * search's readiness sort) reads.
 */
async function syncReadinessScores(tx: Pick<AppTx, '$executeRaw'>, siteIds: string[]) {
  if (siteIds.length === 0) return;
  await tx.$executeRaw`
    UPDATE "Site" s SET "readinessScore" = a."score"
      FROM (SELECT DISTINCT ON ("siteId") "siteId", "score" FROM "ReadinessAssessment"
             WHERE "siteId" = ANY(${siteIds}::uuid[]) ORDER BY "siteId", "createdAt" DESC) a
     WHERE s."id" = a."siteId"`;
}

/** Assesses a site row with the current model and stores the result, in the caller's transaction. */
export async function recordAssessment(tx: AppTx, scope: OrgScope, site: Site, asOf: string = today()) {
  const assessment = await tx.readinessAssessment.create({ data: assessmentData(scope, site, asOf) });
  await syncReadinessScores(tx, [site.id]);
  return assessment;
}

/**
 * System path, for `npm start`: assesses every site that has never been assessed (the demo seed stores
 * sites, not assessments), each in its own organisation. Returns how many.
 */
export const assessUnassessedSites = (prisma: AppPrisma) => assessSitesWhere(prisma, { readinessAssessments: { none: {} } });

/**
 * System path, for the worker's `readiness-reassess` job after a model change: assesses every active site
 * that has no assessment under the current MODEL_VERSION. Idempotent: a second run finds none.
 */
export const reassessOutdatedSites = (prisma: AppPrisma) => assessSitesWhere(prisma, { readinessAssessments: { none: { modelVersion: MODEL_VERSION } } });

async function assessSitesWhere(prisma: AppPrisma, where: Prisma.SiteWhereInput): Promise<number> {
  const sites = await prisma.site.findMany({ where: { ...where, status: 'ACTIVE' } });
  if (sites.length === 0) return 0;
  const asOf = today();
  await prisma.$transaction(async (tx) => {
    await tx.readinessAssessment.createMany({ data: sites.map((site) => assessmentData({ orgId: site.orgId }, site, asOf)) });
    await syncReadinessScores(tx, sites.map((site) => site.id));
  });
  return sites.length;
}

const findOwnSite = (tx: AppTx, auth: Authorized, id: string) => findOwned(tx.site, auth, id, 'Site');

const READINESS_MODEL_INFO = toReadinessModelInfo();

export function getReadinessModel() {
  return READINESS_MODEL_INFO;
}

export function assessSite(prisma: AppPrisma, auth: Authorized, siteId: string) {
  return withOrg(prisma, auth, async (tx) => {
    const site = await findOwnSite(tx, auth, siteId);
    // Archived sites are kept for history only, as in updateSite.
    if (site.status === 'ARCHIVED') throw conflict(`Site ${siteId} is archived; archived sites are not assessed.`, { status: site.status });
    const assessment = await recordAssessment(tx, auth, site);
    await audit(tx, auth, {
            action: 'readiness.assessed',
      entityType: 'Site',
      entityId: siteId,
      changes: { assessmentId: assessment.id, modelVersion: assessment.modelVersion, score: assessment.score.toNumber(), tier: assessment.tier },
    });
    return assessment;
  });
}

/** Assesses every active site of the organisation in one transaction; returns how many. */
export function assessAllSites(prisma: AppPrisma, auth: Authorized) {
  return withOrg(prisma, auth, async (tx) => {
    const sites = await tx.site.findMany({ where: scopedWhere<Prisma.SiteWhereInput>(auth, { status: 'ACTIVE' }) });
    const asOf = today();
    const { count } = await tx.readinessAssessment.createMany({ data: sites.map((site) => assessmentData(auth, site, asOf)) });
    await syncReadinessScores(tx, sites.map((site) => site.id));
    await audit(tx, auth, {
            action: 'readiness.assessedAll',
      entityType: 'Organization',
      entityId: auth.orgId,
      changes: { count, modelVersion: MODEL_VERSION, asOf },
    });
    return count;
  });
}

export function findHistoryPage(prisma: AppPrisma, auth: Authorized, siteId: string, page: TPageArgs) {
  return withOrg(prisma, auth, async (tx) => {
    await findOwnSite(tx, auth, siteId);
    return tx.readinessAssessment.findMany({ where: scopedWhere(auth, { siteId }), ...pageQuery(page) });
  });
}

export function countHistory(prisma: AppPrisma, auth: Authorized, siteId: string) {
  return withOrg(prisma, auth, (tx) => tx.readinessAssessment.count({ where: scopedWhere(auth, { siteId }) }));
}

/**
 * The latest assessment of each site (any model version), in one query. DISTINCT ON picks the newest row
 * per site in the database; Prisma's `distinct` would load every site's whole history and pick in memory.
 */
export async function findLatestAssessments(prisma: AppPrisma, scope: OrgScope, siteIds: readonly string[]) {
  const rows = await withOrg(
    prisma,
    scope,
    (tx) => tx.$queryRaw<AssessmentRow[]>`
      SELECT DISTINCT ON ("siteId") * FROM "ReadinessAssessment"
      WHERE "orgId" = ${scope.orgId}::uuid AND "siteId" = ANY(${[...siteIds]}::uuid[])
      ORDER BY "siteId", "createdAt" DESC, "id" DESC`,
  );
  return new Map(rows.map((row) => [row.siteId, row]));
}
