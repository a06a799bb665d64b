import { type AppPrisma, type AppTx, type Prisma, scopedWhere, withOrg } from '@gridshare/db';
import { audit } from '../../audit';
import { assertSiteNotOversold } from './site-oversell';
import type { Authorized } from '../../auth/principal';
import { findOwned } from '../common/find-owned';
import { badInput, conflict } from '../../errors/domain-errors';
import type { TPageArgs } from '../../graphql/pagination';
import { recordAssessment } from '../readiness/readiness.service';
import { toSiteCreateData, toSiteUpdateData } from './sites.mappers';
import { readSitesPage } from './sites-page';
import type { TCreateSiteInput, TSiteFilter, TUpdateSiteInput } from './sites.schemas';

export function siteWhere(filter: TSiteFilter | null | undefined): Prisma.SiteWhereInput {
  return {
    status: filter?.status ?? 'ACTIVE',
    ...(filter?.countries?.length ? { country: { in: filter.countries } } : {}),
    ...(filter?.regions?.length ? { region: { in: filter.regions } } : {}),
    ...(filter?.gridOperators?.length ? { gridOperator: { in: filter.gridOperators } } : {}),
    ...(filter?.minEnergizedMw != null || filter?.maxEnergizedMw != null
      ? { energizedMw: { gte: filter?.minEnergizedMw ?? undefined, lte: filter?.maxEnergizedMw ?? undefined } }
      : {}),
  };
}

export function findSitesPage(prisma: AppPrisma, auth: Authorized, page: TPageArgs, filter?: TSiteFilter | null) {
  return withOrg(prisma, auth, (tx) => readSitesPage(tx, auth.orgId, page, filter));
}

export function countSites(prisma: AppPrisma, auth: Authorized, filter?: TSiteFilter | null) {
  return withOrg(prisma, auth, (tx) => tx.site.count({ where: scopedWhere(auth, siteWhere(filter)) }));
}

const findOwnSite = (tx: AppTx, auth: Authorized, id: string) => findOwned(tx.site, auth, id, 'Site');

export function getSite(prisma: AppPrisma, auth: Authorized, id: string) {
  return withOrg(prisma, auth, (tx) => findOwnSite(tx, auth, id));
}

export function createSite(prisma: AppPrisma, auth: Authorized, input: TCreateSiteInput) {
  return withOrg(prisma, auth, async (tx) => {
    const site = await tx.site.create({ data: toSiteCreateData(input, auth.orgId) });
    await recordAssessment(tx, auth, site);
    await audit(tx, auth, { action: 'site.created', entityType: 'Site', entityId: site.id, changes: input });
    return site;
  });
}

const CAPACITY_FIELDS = ['energizedMw', 'liveDate', 'underConstructionMw', 'constructionLiveDate'] as const;

export function updateSite(prisma: AppPrisma, auth: Authorized, id: string, input: TUpdateSiteInput) {
  return withOrg(prisma, auth, async (tx) => {
    const current = await findOwnSite(tx, auth, id);
    if (current.status === 'ARCHIVED') throw conflict(`Site ${id} is archived; archived sites cannot change.`, { status: current.status });
    const energizedMw = input.energizedMw ?? current.energizedMw.toNumber();
    const miningMw = input.miningMw ?? current.miningMw.toNumber();
    if (miningMw > energizedMw) {
      const field = input.miningMw !== undefined ? 'input.miningMw' : 'input.energizedMw';
      throw badInput(field, `miningMw (${miningMw} MW) must not exceed energizedMw (${energizedMw} MW)`);
    }
    const site = await tx.site.update({ where: { id }, data: toSiteUpdateData(input) });
    // Less capacity, or capacity later, must still carry the site's blocks.
    const capacityField = CAPACITY_FIELDS.find((key) => input[key] !== undefined);
    if (capacityField) await assertSiteNotOversold(tx, auth, id, undefined, `input.${capacityField}`);
    // Any change may move the score (and time to power moves with the date), so every update reassesses.
    await recordAssessment(tx, auth, site);
    await audit(tx, auth, { action: 'site.updated', entityType: 'Site', entityId: id, changes: input });
    return site;
  });
}

export function archiveSite(prisma: AppPrisma, auth: Authorized, id: string) {
  return withOrg(prisma, auth, async (tx) => {
    const current = await findOwnSite(tx, auth, id);
    if (current.status === 'ARCHIVED') throw conflict(`Site ${id} is already archived.`, { status: current.status });
    const site = await tx.site.update({ where: { id }, data: { status: 'ARCHIVED', archivedAt: new Date() } });
    await audit(tx, auth, { action: 'site.archived', entityType: 'Site', entityId: id });
    return site;
  });
}
