// A site's capacity must carry its blocks at every start date: checked when a block is created or changed
// (modules/capacity) and when the site's own capacity changes (sites.service). It lives with the site, the
// lower of the two modules, so that capacity depends on sites and never the other way round.
import { type AppTx, scopedWhere } from '@gridshare/db';
import type { Authorized } from '../../auth/principal';
import { appError, notFound } from '../../errors/domain-errors';
import { findOversell } from './capacity-limits';

/**
 * Locks the site row (so two concurrent writers cannot both squeeze in the last MW) and refuses the
 * change when the site's blocks, with `candidate` in place of its old version, would need more MW than
 * the site has by some start date.
 */
export async function assertSiteNotOversold(
  tx: AppTx,
  auth: Authorized,
  siteId: string,
  candidate?: { id?: string; mw: number; availableFrom: Date },
  field = 'input.mw',
) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Site" WHERE "id" = ${siteId}::uuid AND "orgId" = ${auth.orgId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw notFound('Site', siteId);
  const site = await tx.site.findUniqueOrThrow({ where: { id: siteId } });
  const others = await tx.capacityBlock.findMany({ where: scopedWhere(auth, { siteId, ...(candidate?.id ? { id: { not: candidate.id } } : {}) }) });
  const uses = others.map((b) => ({ id: b.id, mw: b.mw.toNumber(), availableFrom: b.availableFrom }));
  if (candidate) uses.push({ id: candidate.id ?? 'new', ...candidate });
  const oversell = findOversell(
    {
      energizedMw: site.energizedMw.toNumber(),
      liveDate: site.liveDate,
      underConstructionMw: site.underConstructionMw.toNumber(),
      constructionLiveDate: site.constructionLiveDate,
    },
    uses,
  );
  if (oversell) {
    const spare = Math.max(0, oversell.capacityMw - (oversell.committedMw - (candidate?.mw ?? 0)));
    throw appError(
      'BAD_USER_INPUT',
      `${field}: the site has ${oversell.capacityMw} MW by ${oversell.day} and its blocks would need ${oversell.committedMw} MW; ` +
        (candidate ? `at most ${Math.round(spare * 1000) / 1000} MW can start then.` : 'lower or move its blocks first.'),
      { field, ...oversell },
    );
  }
}
