import type { CostItemKey } from './types.js';

// Cost table for closing readiness gaps. Money is whole US dollars (today's dollars where a source is
// older: see `derivation`). Each row names its source; rows no source covers say "house default".
// Part of the versioned model: editing a row needs a new MODEL_VERSION (see model-version.ts).

export interface CostItem {
  readonly label: string;
  /** What one `unitUsd` buys. */
  readonly unit: 'per site MW' | 'per critical IT MW' | 'per MVA' | 'per site' | 'per mile' | 'per acre' | 'per hire' | 'per m³/day';
  /** The figure the model uses, whole USD per unit. */
  readonly unitUsd: number;
  /** The range the source gives, when it gives one (same unit). */
  readonly rangeUsd: readonly [low: number, high: number] | null;
  /** Duration of the work (incl. lead time), whole months. */
  readonly months: number;
  readonly source: string;
  /** How the figure was worked out from the source, when it was. */
  readonly derivation: string | null;
}

/** Data-centre build cost per MW of critical IT: US average. */
const DATA_HALL_USD_PER_IT_MW = 11_700_000;

export const COST_TABLE = {
  interconnectionPerMw: {
    label: 'Interconnection to energized (studies, deposits, network upgrades)',
    unit: 'per site MW',
    unitUsd: 100_000,
    rangeUsd: null,
    months: 0, // taken from time to power, which depends on the status and live date
    source: 'house default (no source gives a per-MW figure); months: time to power',
    derivation: null,
  },
  ringBusSubstation: {
    label: 'On-site substation: 3-breaker ring bus at 138/230 kV, without the transformer bank',
    unit: 'per site',
    unitUsd: 12_495_000,
    rangeUsd: [9_440_000, 15_840_000],
    months: 35,
    source: 'utility cost guide 2017 ($5.9-8.8M); lead time: transformers 120-210 weeks, average ~150 (Wood Mackenzie)',
    derivation: 'midpoint $7.35M (2017) x 1.7 to today (x1.6-1.8; Wood Mackenzie: prices +60-80%); 150 weeks ≈ 35 months',
  },
  transformerPerMva: {
    label: 'Transformer capacity',
    unit: 'per MVA',
    unitUsd: 47_600,
    rangeUsd: [44_800, 50_400],
    months: 35,
    source: 'utility cost guide 2017 (~$28k/MVA transformer bank); lead time 120-210 weeks (Wood Mackenzie)',
    derivation: '$28k (2017) x 1.7 (x1.6-1.8) to today; 150 weeks ≈ 35 months',
  },
  aiDataHallPerItMw: {
    label: 'AI data hall build (shell, power distribution, mechanical), air-cooled basis',
    unit: 'per critical IT MW',
    unitUsd: DATA_HALL_USD_PER_IT_MW,
    rangeUsd: [9_300_000, 15_000_000],
    months: 12,
    source:
      'Cushman & Wakefield Data Center Development Cost Guide 2025 (US average $11.7M); months: Core Scientific converted an energized 120 MW site in ~12 months (SEC filing)',
    derivation: null,
  },
  hallUpgradePerItMw: {
    label: 'Upgrade of existing halls to 132 kW racks (busway, rack power shelves, floor loading)',
    unit: 'per critical IT MW',
    unitUsd: 2_925_000,
    rangeUsd: null,
    months: 6,
    source: 'house default: 25% of the data-hall build (Cushman & Wakefield 2025); months house default',
    derivation: '0.25 x $11.7M',
  },
  liquidCoolingPerItMw: {
    label: 'Direct-to-chip liquid cooling: CDUs (~2.5 MW each) and facility water loop',
    unit: 'per critical IT MW',
    unitUsd: 994_500,
    rangeUsd: [819_000, 1_170_000],
    months: 8,
    source:
      'liquid-cooling premium +7-10% of build cost (Turner & Townsend 2025) on $11.7M/MW (Cushman & Wakefield 2025); CDU ~2.5 MW (Schneider MCDU-70, trade press); chillers 30-40 weeks (Cushman & Wakefield 2025)',
    derivation: '8.5% x $11.7M; 35 weeks ≈ 8 months',
  },
  redundancyPerItMw: {
    label: 'N to N+1: spare transformer, UPS, switchgear and generator capacity',
    unit: 'per critical IT MW',
    unitUsd: 1_023_750,
    rangeUsd: [731_250, 1_316_250],
    months: 11,
    source:
      'electrical systems are 25-45% of build cost (construction blogs, secondary); one spare per four blocks is a house default; switchgear 46-48 weeks (Cushman & Wakefield 2025)',
    derivation: '35% (25-45%) x 25% spare x $11.7M; 47 weeks ≈ 11 months',
  },
  waterSupply: {
    label: 'Water supply for the cooling loop (well or utility connection)',
    unit: 'per site',
    unitUsd: 2_000_000,
    rangeUsd: null,
    months: 9,
    source: 'house default (no source)',
    derivation: null,
  },
  fiberPerMile: {
    label: 'Underground fiber construction',
    unit: 'per mile',
    unitUsd: 86_000,
    rangeUsd: [58_000, 127_000],
    months: 9,
    source: 'Cartesian fiber deployment cost report 2023 (underground, median); months house default',
    derivation: 'per foot x 5,280',
  },
  landPerAcre: {
    label: 'Land for expansion',
    unit: 'per acre',
    unitUsd: 25_000,
    rangeUsd: null,
    months: 6,
    source: 'house default (no source)',
    derivation: null,
  },
  permits: {
    label: 'Building, environmental and water permits',
    unit: 'per site',
    unitUsd: 500_000,
    rangeUsd: null,
    months: 12, // from NONE; IN_PROGRESS takes permitMonthsInProgress
    source: 'house default (no source)',
    derivation: null,
  },
  hirePerPerson: {
    label: 'Recruiting and training one data-centre technician',
    unit: 'per hire',
    unitUsd: 30_000,
    rangeUsd: null,
    months: 6,
    source: 'house default (no source)',
    derivation: null,
  },
  backupGenerationPerMw: {
    label: 'Backup generation (diesel or gas gensets with switchgear) for critical IT',
    unit: 'per critical IT MW',
    unitUsd: 1_000_000,
    rangeUsd: null,
    months: 12,
    source: 'house default (no source); generator lead times run about a year',
    derivation: null,
  },
  floorReinforcementPerItMw: {
    label: 'Reinforcing hall floors (slab on grade or steel) for liquid-cooled AI racks',
    unit: 'per critical IT MW',
    unitUsd: 300_000,
    rangeUsd: null,
    months: 6,
    source: 'house default (no source)',
    derivation: null,
  },
} as const satisfies Readonly<Record<CostItemKey, CostItem>>;

/** Quantities the cost table needs that are not prices. */
export const COST_ASSUMPTIONS = {
  /** Length of a dark-fiber lateral to the nearest long-haul route (house default: no distance data). */
  fiberLateralMiles: 10,
  /** Length of the extra lateral that brings in one more carrier on a diverse route (house default). */
  carrierLateralMiles: 5,
  /** Months to finish permits already in progress (house default). */
  permitMonthsInProgress: 6,
  /** Share of the permit cost still to spend when permits are in progress (house default). */
  permitCostShareInProgress: 0.5,
  /** MW one coolant distribution unit serves (Schneider MCDU-70 via trade press). */
  cduMw: 2.5,
} as const;
