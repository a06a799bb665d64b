// The agreement frozen at signing: the one revenue input settlement reads (the signed scenario, or the deal's
// default when both signed the deal's own terms) with the deal's own terms written over it, and the
// settlement terms derived from both. Pure: the caller passes the deal's and site's figures.
import { DEFAULT_REVENUE_INPUT, ZRevenueInput, availableMw, type TRevenueInput } from '@gridshare/revenue';
import { z } from 'zod';
import { DEFAULT_SLA_TIERS } from './availability.js';
import { SettlementInputError, parseOrThrow } from './errors.js';
import { ZSettlementTerms, ZSlaTiers, isoDate } from './schema.js';
import type { SettlementTerms, SlaTier } from './types.js';

/** The deal's own settlement terms (Deal columns), agreed with it. */
export interface DealTerms {
  /** Contracted IT MW at signing. */
  readonly mw: number;
  readonly priceCentsPerKwMonth: number;
  readonly hostMiningShareBps: number;
  readonly platformFeeBps: number;
  /** null = the house default (DEFAULT_SLA_TIERS). */
  readonly slaTiers: readonly SlaTier[] | null;
  readonly maintenanceAllowanceHours: number;
  readonly hashpriceSource: 'INDEX' | 'POOL_STATEMENTS';
  /** The tenant's share of demand-response income; absent = its share of the backfill (10,000 − host). */
  readonly tenantDemandResponseShareBps?: number | undefined;
}

/** What the deal's default scenario is built from when no scenario was signed: the deal's and site's figures. */
export interface DealDefaults {
  /** The deal's start date, 'YYYY-MM-DD': hour 0 of the scenario. */
  readonly startDate: string;
  /** The site's energized MW. */
  readonly interconnectionMw: number;
  readonly pue: number;
  readonly energyPriceCentsPerMwh: number;
  /** The site's mining fleet, MW. */
  readonly miningFleetMw: number;
}

const bps = (what: string) =>
  z.int({ error: `${what} must be a whole number of basis points` }).min(0, `${what} must be at least 0`).max(10_000, `${what} must be at most 10,000`);
const num = (what: string) => z.number({ error: `${what} must be a finite number` });

export const ZDealTerms = z.object({
  mw: num('mw').positive('mw must be greater than 0').max(10_000, 'mw must be at most 10,000'),
  priceCentsPerKwMonth: ZSettlementTerms.shape.priceCentsPerKwMonth,
  hostMiningShareBps: bps('hostMiningShareBps'),
  platformFeeBps: bps('platformFeeBps'),
  slaTiers: ZSlaTiers.nullable(),
  maintenanceAllowanceHours: ZSettlementTerms.shape.maintenanceAllowanceHours,
  hashpriceSource: ZSettlementTerms.shape.hashpriceSource,
  tenantDemandResponseShareBps: bps('tenantDemandResponseShareBps').optional(),
});

export const ZDealDefaults = z.object({
  startDate: isoDate('startDate'),
  interconnectionMw: num('interconnectionMw').positive('interconnectionMw must be greater than 0').max(10_000, 'interconnectionMw must be at most 10,000'),
  pue: num('pue').min(1, 'pue must be at least 1.0').max(3, 'pue must be at most 3.0'),
  energyPriceCentsPerMwh: z.int({ error: 'energyPriceCentsPerMwh must be a whole number of cents' }).min(-5_000_000).max(5_000_000),
  miningFleetMw: num('miningFleetMw').min(0, 'miningFleetMw must be 0 or more').max(10_000, 'miningFleetMw must be at most 10,000'),
});

/**
 * The deal's default scenario: DEFAULT_REVENUE_INPUT on the deal's site (interconnection, PUE, energy price,
 * fleet) from the deal's start. The house 5% reserve shrinks when the deal's facility load needs the room.
 */
export function defaultDealScenario(defaults: DealDefaults, mw: number): TRevenueInput {
  const site = { ...DEFAULT_REVENUE_INPUT.site, interconnectionMw: defaults.interconnectionMw, pue: defaults.pue };
  const facilityMw = mw * defaults.pue;
  return {
    ...DEFAULT_REVENUE_INPUT,
    startDate: defaults.startDate,
    site: availableMw(site) >= facilityMw ? site : { ...site, reserve: { kind: 'mw', mw: Math.max(0, defaults.interconnectionMw - facilityMw) } },
    aiLoad: { ...DEFAULT_REVENUE_INPUT.aiLoad, contractedItMw: mw },
    mining: { ...DEFAULT_REVENUE_INPUT.mining, fleetMw: defaults.miningFleetMw },
    energy: { ...DEFAULT_REVENUE_INPUT.energy, price: { kind: 'flat', usdPerMwh: defaults.energyPriceCentsPerMwh / 100 } },
  };
}

/** Where an issue of the written-over input comes from: the deal's own figure, or the scenario. */
function issuePrefix(error: z.ZodError): SettlementInputError {
  const fromDeal: Record<string, string> = { 'aiLoad.contractedItMw': 'deal.mw' };
  return new SettlementInputError(
    error.issues.map((i) => {
      const path = i.path.map(String).join('.');
      return { path: fromDeal[path] ?? `scenario.${path}`, message: i.message };
    }),
  );
}

/**
 * The revenue input both parties sign: `scenario` (or, when null, the deal's default built from `defaults`)
 * with the deal's price, contracted IT MW, mining shares and platform fee written over it. Validated; throws
 * SettlementInputError naming `deal.*`, `defaults.*` or `scenario.*`.
 */
export function agreedRevenueInput(scenario: TRevenueInput | null, deal: DealTerms, defaults: DealDefaults): TRevenueInput {
  const d = parseOrThrow(ZDealTerms, deal, ['deal']);
  const base = scenario ?? defaultDealScenario(parseOrThrow(ZDealDefaults, defaults, ['defaults']), d.mw);
  const merged = {
    ...base,
    aiLoad: { ...base.aiLoad, contractedItMw: d.mw },
    deal: {
      ...base.deal,
      colocationUsdPerKwMonth: d.priceCentsPerKwMonth / 100,
      revenueShare: { hostPercent: d.hostMiningShareBps / 100, tenantPercent: (10_000 - d.hostMiningShareBps) / 100 },
      platformFeePercent: d.platformFeeBps / 100,
    },
  };
  const parsed = ZRevenueInput.safeParse(merged);
  if (!parsed.success) throw issuePrefix(parsed.error);
  return parsed.data;
}

/** Percent with at most two decimals (validated by ZRevenueInput) as whole basis points. */
const toBps = (percent: number) => Math.round(percent * 100);

/**
 * The settlement terms of the agreement: the deal's own terms, and from the agreed input the PUE, the fleet's
 * J/TH, pool fee, variable opex and the energy margin. Throws SettlementInputError naming the field.
 */
export function agreedTerms(agreedInput: TRevenueInput, deal: DealTerms): SettlementTerms {
  const d = parseOrThrow(ZDealTerms, deal, ['deal']);
  const input = parseOrThrow(ZRevenueInput, agreedInput, ['agreedInput']);
  const tenantBackfillShareBps = 10_000 - d.hostMiningShareBps;
  const pass = input.deal.energyPassThrough;
  return parseOrThrow(ZSettlementTerms, {
    priceCentsPerKwMonth: d.priceCentsPerKwMonth,
    // Deal MW carry three decimals (whole kW); rounding drops the float noise of x 1,000.
    contractedKw: Math.round(d.mw * 1_000),
    pue: input.site.pue,
    energyMarginBps: pass.kind === 'margin' ? toBps(pass.marginPercent) : 0,
    jPerTh: input.mining.jPerTh,
    poolFeeBps: toBps(input.mining.poolFeePercent),
    variableOpexCentsPerMwh: input.mining.variableOpexUsdPerMwh * 100,
    tenantBackfillShareBps,
    tenantDemandResponseShareBps: d.tenantDemandResponseShareBps ?? tenantBackfillShareBps,
    platformFeeBps: d.platformFeeBps,
    slaTiers: (d.slaTiers ?? DEFAULT_SLA_TIERS).map((t) => ({ ...t })),
    maintenanceAllowanceHours: d.maintenanceAllowanceHours,
    hashpriceSource: d.hashpriceSource,
  });
}
