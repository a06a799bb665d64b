import type { Prisma, Site } from '@gridshare/db';
import { usdToCents } from '../common/units';
import type { TCreateSiteInput, TUpdateSiteInput } from './sites.schemas';

/**
 * The GraphQL Site: Decimals as numbers, money as USD; the org is resolved by a DataLoader. The page query
 * (sites-page.ts) reads these fields straight from SQL; readinessScore is search's sort key, not a field.
 */
export function toSiteNode({ readinessScore: _sortKey, ...site }: Site) {
  return {
    ...site,
    energizedMw: site.energizedMw.toNumber(),
    underConstructionMw: site.underConstructionMw.toNumber(),
    pipelineMw: site.pipelineMw.toNumber(),
    substationMva: site.substationMva?.toNumber() ?? null,
    transformerMva: site.transformerMva?.toNumber() ?? null,
    backupPowerMw: site.backupPowerMw?.toNumber() ?? null,
    landAcres: site.landAcres.toNumber(),
    latencyToHubMs: site.latencyToHubMs?.toNumber() ?? null,
    pue: site.pue.toNumber(),
    miningMw: site.miningMw.toNumber(),
    energyPriceUsdPerMwh: site.energyPriceCentsPerMwh / 100,
  };
}
export type SiteNode = ReturnType<typeof toSiteNode>;

/** API units to storage units: USD/MWh becomes integer cents/MWh. */
export function toSiteCreateData(input: TCreateSiteInput, orgId: string): Prisma.SiteUncheckedCreateInput {
  const { energyPriceUsdPerMwh, ...rest } = input;
  return { ...rest, orgId, energyPriceCentsPerMwh: usdToCents(energyPriceUsdPerMwh) };
}

export function toSiteUpdateData(input: TUpdateSiteInput): Prisma.SiteUncheckedUpdateInput {
  const { energyPriceUsdPerMwh, ...rest } = input;
  return energyPriceUsdPerMwh === undefined ? rest : { ...rest, energyPriceCentsPerMwh: usdToCents(energyPriceUsdPerMwh) };
}
