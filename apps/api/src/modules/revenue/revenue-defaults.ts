// "Model revenue" from a site, a block or a deal: a term input built from what the caller's records say, fitted
// so the engine accepts it. Where the records cannot fit (the tenant's facility power over what the site can
// draw), the answer says which constraint, what was given and the nearest valid value it used, instead of an
// error: the modeller always opens on a scenario with results.
import { type AppPrisma, type AppTx, type Deal, scopedWhere, withOrg } from '@gridshare/db';
import { DEFAULT_TERM_INPUT, MAX_TERM_YEARS } from '@gridshare/revenue';
import type { Authorized } from '../../auth/principal';
import { notFound } from '../../errors/domain-errors';
import { isoDay } from '../common/dates';
import type { TRevenueDefaultsArgs } from './revenue.schemas';

export interface Adjustment {
  /** The input field changed, e.g. 'site.reserve.mw' or 'aiLoad.contractedItMw'. */
  field: string;
  /** The rule the given values broke. */
  constraint: string;
  given: number;
  proposed: number;
}

/** What the records say; anything absent keeps the engine's default. */
export interface RecordFigures {
  startDate?: string;
  interconnectionMw?: number;
  pue?: number;
  energyUsdPerMwh?: number;
  fleetMw?: number;
  contractedItMw?: number;
  colocationUsdPerKwMonth?: number;
  hostSharePercent?: number;
  platformFeePercent?: number;
  termYears?: number;
}

const DEFAULT_RESERVE_PERCENT = 5;
/** Three decimals: whole kW, as deals and sites store MW. */
const floorKw = (mw: number) => Math.floor(mw * 1_000 + 1e-9) / 1_000;
const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * A partial term input (merged over the defaults by the API) that fits the site. The tenant's facility power
 * (contracted IT MW x PUE) must fit the interconnection less the reserve: first the reserve gives way (the 5%
 * is a house default, not a fact of the site); if the facility exceeds the whole interconnection, the IT MW
 * comes down to what fits, to the kW.
 */
export function fitFigures(f: RecordFigures): { input: Record<string, unknown>; adjustments: Adjustment[] } {
  const d = DEFAULT_TERM_INPUT;
  const interconnectionMw = f.interconnectionMw ?? d.site.interconnectionMw;
  const pue = Math.min(3, Math.max(1, f.pue ?? d.site.pue));
  let contractedItMw = f.contractedItMw ?? Math.min(d.aiLoad.contractedItMw, floorKw((interconnectionMw * (1 - DEFAULT_RESERVE_PERCENT / 100)) / pue));
  let reserve: { kind: 'percent'; percent: number } | { kind: 'mw'; mw: number } = { kind: 'percent', percent: DEFAULT_RESERVE_PERCENT };
  const adjustments: Adjustment[] = [];
  const facility = contractedItMw * pue;
  const available = interconnectionMw * (1 - DEFAULT_RESERVE_PERCENT / 100);
  const constraint = `contractedItMw x PUE (${facility.toFixed(3)} MW) exceeds the interconnection less reserve (${available.toFixed(3)} MW)`;
  if (facility > available && facility <= interconnectionMw) {
    const mw = floorKw(interconnectionMw - facility);
    reserve = { kind: 'mw', mw };
    adjustments.push({ field: 'site.reserve.mw', constraint, given: round2(interconnectionMw - available), proposed: mw });
  } else if (facility > interconnectionMw) {
    const fitted = floorKw(interconnectionMw / pue);
    reserve = { kind: 'mw', mw: 0 };
    adjustments.push({ field: 'site.reserve.mw', constraint, given: round2(interconnectionMw - available), proposed: 0 });
    adjustments.push({ field: 'aiLoad.contractedItMw', constraint, given: contractedItMw, proposed: fitted });
    contractedItMw = fitted;
  }
  const input: Record<string, unknown> = {
    site: { interconnectionMw, pue, reserve },
    aiLoad: { contractedItMw },
    ...(f.startDate ? { startDate: f.startDate } : {}),
    ...(f.fleetMw !== undefined ? { mining: { fleetMw: f.fleetMw } } : {}),
    ...(f.energyUsdPerMwh !== undefined ? { energy: { price: { kind: 'flat', usdPerMwh: f.energyUsdPerMwh } } } : {}),
    ...(f.termYears !== undefined ? { term: { years: f.termYears } } : {}),
    finance: { hostUpfrontCapexUsd: Math.round(contractedItMw * 10_000_000) },
  };
  const deal: Record<string, unknown> = {};
  if (f.colocationUsdPerKwMonth !== undefined) deal.colocationUsdPerKwMonth = f.colocationUsdPerKwMonth;
  if (f.hostSharePercent !== undefined) deal.revenueShare = { hostPercent: f.hostSharePercent, tenantPercent: round2(100 - f.hostSharePercent) };
  if (f.platformFeePercent !== undefined) deal.platformFeePercent = f.platformFeePercent;
  if (Object.keys(deal).length > 0) input.deal = deal;
  return { input, adjustments };
}

const SITE_FIGURES = { energizedMw: true, pue: true, energyPriceCentsPerMwh: true, miningMw: true } as const;
type SiteRow = { energizedMw: { toNumber(): number }; pue: { toNumber(): number }; energyPriceCentsPerMwh: number; miningMw: { toNumber(): number } };

const siteFigures = (s: SiteRow): RecordFigures => ({
  interconnectionMw: s.energizedMw.toNumber(),
  pue: s.pue.toNumber(),
  energyUsdPerMwh: s.energyPriceCentsPerMwh / 100,
  fleetMw: s.miningMw.toNumber(),
});

const termYearsOf = (months: number) => Math.min(MAX_TERM_YEARS, Math.max(1, Math.ceil(months / 12)));

async function dealFigures(tx: AppTx, deal: Deal): Promise<{ figures: RecordFigures; agreed: unknown }> {
  // The tenant reads the site once the deal is ACCEPTED (row-level security); before that, the deal's own terms.
  const site = await tx.site.findFirst({ where: { id: deal.siteId }, select: SITE_FIGURES });
  const agreement = await tx.dealAgreement.findFirst({ where: { dealId: deal.id }, select: { inputs: true } });
  return {
    figures: {
      ...(site ? siteFigures(site) : {}),
      startDate: isoDay(deal.startDate),
      contractedItMw: deal.mw.toNumber(),
      colocationUsdPerKwMonth: deal.priceCentsPerKwMonth / 100,
      hostSharePercent: deal.hostMiningShareBps / 100,
      platformFeePercent: deal.platformFeeBps / 100,
      termYears: termYearsOf(deal.termMonths),
    },
    agreed: agreement?.inputs ?? null,
  };
}

export interface RevenueDefaults {
  source: string;
  input: Record<string, unknown>;
  adjustments: Adjustment[];
}

/** The term input to open the modeller on, from one of the caller's sites or blocks, or a deal it is party to. */
export function revenueDefaultsFor(prisma: AppPrisma, auth: Authorized, args: TRevenueDefaultsArgs): Promise<RevenueDefaults> {
  return withOrg(prisma, auth, async (tx) => {
    if (args.siteId) {
      const site = await tx.site.findFirst({ where: scopedWhere(auth, { id: args.siteId }), select: SITE_FIGURES });
      if (!site) throw notFound('Site', args.siteId);
      return { source: `site ${args.siteId}`, ...fitFigures(siteFigures(site)) };
    }
    if (args.blockId) {
      const block = await tx.capacityBlock.findFirst({
        where: scopedWhere(auth, { id: args.blockId }),
        select: { mw: true, priceCentsPerKwMonth: true, minTermMonths: true, availableFrom: true, site: { select: SITE_FIGURES } },
      });
      if (!block) throw notFound('Capacity block', args.blockId);
      return {
        source: `block ${args.blockId}`,
        ...fitFigures({
          ...siteFigures(block.site),
          startDate: isoDay(block.availableFrom),
          contractedItMw: block.mw.toNumber(),
          colocationUsdPerKwMonth: block.priceCentsPerKwMonth / 100,
          termYears: termYearsOf(Math.max(block.minTermMonths, 120)),
        }),
      };
    }
    const dealId = args.dealId!;
    // Row-level security: only the deal's two parties read it; anyone else gets nothing, as for a missing one.
    const deal = await tx.deal.findFirst({ where: { id: dealId } });
    if (!deal) throw notFound('Deal', dealId);
    const { figures, agreed } = await dealFigures(tx, deal);
    const fitted = fitFigures(figures);
    // A signed deal opens on the scenario both parties agreed, over the deal's whole term.
    if (agreed && typeof agreed === 'object') {
      const { term, ...rest } = fitted.input as { term?: object };
      return { source: `deal ${dealId} (agreed scenario)`, input: { ...(agreed as object), ...pick(rest, 'finance'), term }, adjustments: [] };
    }
    return { source: `deal ${dealId}`, ...fitted };
  });
}

const pick = (o: Record<string, unknown>, key: string) => (key in o ? { [key]: o[key] } : {});
