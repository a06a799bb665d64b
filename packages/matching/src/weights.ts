import type { CriterionKey } from './types.js';

/** Bump when a weight, scale or rule below changes; stored on every Match row. */
export const MATCHING_MODEL_VERSION = 'matching-1.1.0';

export interface CriterionWeight {
  readonly weight: number;
  readonly label: string;
  readonly why: string;
}

/**
 * Soft-score weights; they sum to 1. When the request does not allow backfill mining, that criterion is
 * left out and the others are scaled up so a score still spans 0-100.
 */
export const MATCHING_WEIGHTS = {
  readiness: {
    weight: 0.3,
    label: 'Readiness',
    why: 'An AI-ready site (liquid cooling, fiber, N+1, permits, staff) is the least risk of slipping.',
  },
  price: {
    weight: 0.25,
    label: 'Price',
    why: 'Colocation rent is the largest line of the tenant’s bill over a multi-year term.',
  },
  timeToPower: {
    weight: 0.2,
    label: 'Time to power',
    why: 'Speed is why tenants come to energized mining sites instead of a 2-4 year grid queue.',
  },
  energyPrice: {
    weight: 0.1,
    label: 'Energy price',
    why: 'Energy is metered through to the tenant on top of the rent.',
  },
  renewableShare: {
    weight: 0.05,
    label: 'Renewable share',
    why: 'Tenants report emissions; it seldom decides a deal on its own.',
  },
  backfillValue: {
    weight: 0.1,
    label: 'Backfill value',
    why: 'Mining on reserved-but-idle power lowers the tenant’s net cost; only when the request allows it.',
  },
} as const satisfies Record<CriterionKey, CriterionWeight>;

/** Fixed order of criteria in every explanation (and of the floating-point sum, for determinism). */
export const CRITERIA_ORDER: readonly CriterionKey[] = [
  'readiness',
  'price',
  'timeToPower',
  'energyPrice',
  'renewableShare',
  'backfillValue',
];

/**
 * Scales that map raw figures to 0-1, fixed rather than relative to the candidate pool so a site's score
 * does not depend on which other sites were sent (and splits compare with singles on one scale).
 */
export const SCORE_SCALES = {
  /**
   * $/kW-month, 1 at or below `best`, 0 at or above `worst`. Miner-to-AI leases ran ~$121-154 (derived
   * from Core Scientific/CoreWeave and TeraWulf/Fluidstack filings); CBRE N. America asking rent $184
   * (H2 2024), global $217 (Q1 2025). Best $100 and worst $250 bracket those: house default.
   */
  priceCentsPerKwMonth: { best: 10_000, worst: 25_000 },
  /**
   * $/MWh. Industrial hosting runs $60-90/MWh (Compass Mining, secondary). Best $20 (stranded or hydro
   * power) and worst $120: house default.
   */
  energyPriceCentsPerMwh: { best: 2_000, worst: 12_000 },
  /**
   * Months from `asOf` until phase 1 is live. 0 = already live; 36 = a new ERCOT large-load connection
   * (domain-figures default: 12 months for an energized site, 36 for a new connection).
   */
  timeToPowerMonths: { best: 0, worst: 36 },
  /**
   * Mining break-even energy price: hashprice $38/PH/day at 17.5 J/TH gives 38 / (24 x 17.5) = $0.090/kWh
   * (derived from Hashrate Index figures). Backfill is worth nothing at or above it.
   */
  backfillBreakEvenCentsPerMwh: 9_000,
} as const;

/** Split search and ranking. House defaults, chosen so the search stays bounded on 100,000 sites. */
export const SPLIT_RULES = {
  /**
   * Most sites a split may hold unless the request says otherwise: training clusters span several
   * halls. Fewer sites rank first; more are searched only while the answer has room.
   */
  defaultMaxSites: 6,
  /** The most a request may allow: beyond this the combinations stop being a cluster. */
  maxSitesLimit: 12,
  /**
   * Default budget between the farthest two sites of a split, km: ~500 km of great-circle is ~7.5 ms
   * estimated round trip (geo.ts), what synchronous training across halls tolerates. House default.
   */
  defaultMaxDistanceKm: 500,
  /** Per region or grid-operator group, the best sites by stand-alone score are tried... */
  topKByScore: 8,
  /** ...plus the largest by MW, so a big but middling site can still complete a split. */
  topKByMw: 4,
  /** Points off a split's score per ms of estimated round trip between its farthest two sites... */
  penaltyPointsPerMs: 1,
  /** ...capped here. */
  maxPenaltyPoints: 20,
} as const;

export const DEFAULT_LIMIT = 20;
