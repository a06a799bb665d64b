import type { Curve } from './curve.js';
import type {
  CoolingType,
  CriterionKey,
  GapKey,
  InterconnectionStatus,
  PermitStatus,
  Redundancy,
} from './types.js';

// The one table of weights and thresholds. Every number that shapes a score, a tier or a gap lives
// here (costs live in costs.ts). Editing anything in either table changes results, so it needs a new
// MODEL_VERSION: model-version.test.ts fails until the version is bumped (see README).
//
// Scales: every sub-score is 0-1; the score is 100 x sum(weight x sub-score), so 0-100.
// Each sub-score is a sum of non-negative parts, each part a non-decreasing function of one
// attribute (curves below rise, or fall where less is better, e.g. latency). That is what makes
// "improving one attribute never lowers the score" hold by construction.

/** Sub-score parts: non-negative shares of one criterion that sum to 1. */
type Parts<K extends string> = Readonly<Record<K, number>>;

interface CriterionBase {
  readonly label: string;
  /** Share of the total score; all weights sum to 1. */
  readonly weight: number;
}

export interface ReadinessModel {
  readonly tiers: {
    /** score >= aiReady and no blocking gap → AI_READY. */
    readonly aiReady: number;
    /** score >= convertible → CONVERTIBLE; below → MINING_ONLY. */
    readonly convertible: number;
    /** AI_READY also needs at least this many MW energized: a perfect shed of 0 MW hosts no one. */
    readonly aiReadyMinEnergizedMw: number;
    /** Gaps that keep a site out of AI_READY whatever its score: things a tenant cannot work around. */
    readonly aiReadyBlockers: readonly GapKey[];
  };
  readonly criteria: {
    readonly power: CriterionBase & {
      readonly parts: Parts<'size' | 'status'>;
      /** How much each MW class counts toward size. */
      readonly mwCredit: Readonly<{ energized: number; underConstruction: number; pipeline: number }>;
      /** Credited MW → 0-1. */
      readonly sizeCurve: Curve;
      /** MW at which size earns full marks (the end of sizeCurve), quoted in reasons. */
      readonly campusMw: number;
      readonly statusScore: Readonly<Record<InterconnectionStatus, number>>;
      readonly source: string;
    };
    readonly electrical: CriterionBase & {
      readonly parts: Parts<'substation' | 'transformers'>;
      /** Share of the substation part earned by having one at all; the rest scales with the MW it carries. */
      readonly substationPresence: number;
      /** MW = MVA x power factor. */
      readonly powerFactor: number;
      readonly source: string;
    };
    readonly cooling: CriterionBase & {
      readonly parts: Parts<'cooling' | 'water'>;
      readonly coolingScore: Readonly<Record<CoolingType, number>>;
      /** m³ of water per day → 0-1, when the site states it. */
      readonly waterCurve: Curve;
      /** Water part of a site with water whose quantity is not stated. */
      readonly waterUnknownCredit: number;
      /** m³ per day a converted site needs per critical IT MW; less is a gap. */
      readonly waterM3PerItMwDay: number;
      readonly source: string;
    };
    readonly network: CriterionBase & {
      readonly parts: Parts<'darkFiber' | 'carriers' | 'latency'>;
      /** Distinct carriers → 0-1. */
      readonly carrierCurve: Curve;
      /** Fewer distinct carriers than this is a gap. */
      readonly minCarriers: number;
      /** Round-trip ms → 0-1 (falls); unknown latency scores 0. */
      readonly latencyCurve: Curve;
      /** Inference wants at most this; training tolerates more. */
      readonly inferenceLatencyMs: number;
      readonly source: string;
    };
    readonly redundancy: CriterionBase & {
      readonly score: Readonly<Record<Redundancy, number>>;
      /** Below this is a gap. */
      readonly minimum: Redundancy;
      readonly source: string;
    };
    readonly density: CriterionBase & {
      /** kW per rack → 0-1. */
      readonly curve: Curve;
      /** Below this is a gap (GB200 NVL72 ~120 kW). */
      readonly aiReadyKw: number;
      /** What the halls are built for once converted (NVL72 power shelves). */
      readonly targetKw: number;
      /** Halls below this are rebuilt; from here to aiReadyKw they are upgraded. */
      readonly rebuildBelowKw: number;
      readonly source: string;
    };
    readonly landPermits: CriterionBase & {
      readonly parts: Parts<'land' | 'permits'>;
      /** Acres → 0-1. */
      readonly acresCurve: Curve;
      /** Acres a converted site needs per site MW; less is a gap. */
      readonly acresPerSiteMw: number;
      readonly permitScore: Readonly<Record<PermitStatus, number>>;
      readonly source: string;
    };
    readonly backupPower: CriterionBase & {
      readonly parts: Parts<'backup' | 'firmness'>;
      /** Grid operators whose large loads must be curtailable in emergencies... */
      readonly curtailableGrids: readonly string[];
      /** ...above this many MW (Texas SB6: 75 MW). */
      readonly curtailableAboveMw: number;
      readonly source: string;
    };
    readonly floorLoading: CriterionBase & {
      /** kg/m² → 0-1; unknown scores 0. */
      readonly curve: Curve;
      /** Below this is a gap. */
      readonly aiReadyKgPerM2: number;
      readonly source: string;
    };
    readonly workforce: CriterionBase & {
      /** Skilled staff → 0-1. */
      readonly curve: Curve;
      /** Staff needed: one per this many MW of critical IT, at least minStaff. */
      readonly itMwPerStaff: number;
      readonly minStaff: number;
      readonly source: string;
    };
    readonly timeToPower: CriterionBase & {
      /** Months until power is live → 0-1 (falls). */
      readonly curve: Curve;
      /** Months to power when there is no live date (or no asOf). */
      readonly monthsByStatus: Readonly<Record<InterconnectionStatus, number>>;
      /** A live date never beats this for the status: a site with no interconnection is not live next week. */
      readonly floorMonthsByStatus: Readonly<Record<InterconnectionStatus, number>>;
      readonly daysPerMonth: number;
      readonly source: string;
    };
  };
  readonly conversion: {
    /** Critical IT MW per site MW. */
    readonly itShareOfSiteMw: number;
    readonly source: string;
  };
  /**
   * Gaps run in parallel except where one must wait for another (land before permits, permits before
   * building). A gap starts when the gaps it waits for (those present) finish; the conversion takes the
   * longest such chain, or the time to power if that is longer.
   */
  readonly gapDependencies: Readonly<Record<GapKey, readonly GapKey[]>>;
}

export const READINESS_MODEL = {
  tiers: {
    aiReady: 75,
    convertible: 45,
    aiReadyMinEnergizedMw: 10,
    aiReadyBlockers: ['interconnection', 'liquidCooling', 'redundancy', 'hallRebuild', 'hallUpgrade'],
  },
  criteria: {
    power: {
      label: 'Energized power and interconnection',
      weight: 0.17,
      parts: { size: 0.7, status: 0.3 },
      mwCredit: { energized: 1, underConstruction: 0.5, pipeline: 0.2 },
      sizeCurve: [
        [0, 0],
        [10, 0.1],
        [25, 0.3],
        [50, 0.5],
        [100, 0.75],
        [200, 1],
      ],
      campusMw: 200,
      statusScore: { NONE: 0, APPLIED: 0.25, IN_STUDY: 0.5, APPROVED: 0.75, ENERGIZED: 1 },
      source:
        'house default curve; ~200 MW campuses lead miner→AI leases (Core Scientific/CoreWeave ~200 MW, TeraWulf ~250 MW)',
    },
    electrical: {
      label: 'Long-lead electrical gear',
      weight: 0.11,
      parts: { substation: 0.4, transformers: 0.6 },
      substationPresence: 0.5,
      powerFactor: 0.9,
      source:
        'house default split and power factor; transformers are the long-lead item: 120-210 weeks (Wood Mackenzie)',
    },
    cooling: {
      label: 'Cooling and water',
      weight: 0.14,
      parts: { cooling: 0.7, water: 0.3 },
      coolingScore: { AIR: 0, WATER: 0.35, IMMERSION: 0.6, DIRECT_TO_CHIP: 1 },
      waterCurve: [
        [0, 0],
        [500, 0.4],
        [1_500, 0.75],
        [4_000, 1],
      ],
      waterUnknownCredit: 0.5,
      waterM3PerItMwDay: 25,
      source:
        'GB200 NVL72 racks are liquid cooled, direct to chip (NVIDIA specs via integrators); evaporative towers use ~43 m³/day per IT MW (1.8 L/kWh), closed loops far less: 25 is a house default between them; house default scores'
    },
    network: {
      label: 'Network',
      weight: 0.11,
      parts: { darkFiber: 0.35, carriers: 0.35, latency: 0.3 },
      carrierCurve: [
        [0, 0],
        [1, 0.4],
        [2, 0.75],
        [3, 1],
      ],
      minCarriers: 2,
      latencyCurve: [
        [5, 1],
        [10, 0.8],
        [20, 0.5],
        [40, 0.2],
        [60, 0],
      ],
      inferenceLatencyMs: 10,
      source: 'inference wants ≲10 ms to a hub, training tolerates more (IREN, derived); house default curves',
    },
    redundancy: {
      label: 'Redundancy',
      weight: 0.09,
      score: { N: 0, N_PLUS_1: 0.75, TWO_N: 1 },
      minimum: 'N_PLUS_1',
      source: 'AI tenants ask for N+1 at least, 2N best (DESIGN.md); house default scores',
    },
    density: {
      label: 'Rack density',
      weight: 0.09,
      curve: [
        [0, 0],
        [10, 0.05],
        [30, 0.2],
        [50, 0.35],
        [80, 0.55],
        [120, 0.9],
        [132, 1],
      ],
      aiReadyKw: 120,
      targetKw: 132,
      rebuildBelowKw: 50,
      source:
        'GB200 NVL72 ~120 kW per rack, power shelves 132 kW; average rack still under 8-10 kW (NVIDIA via integrators; Uptime Institute 2024); rebuild line house default',
    },
    landPermits: {
      label: 'Land and permits',
      weight: 0.07,
      parts: { land: 0.4, permits: 0.6 },
      acresCurve: [
        [0, 0],
        [10, 0.2],
        [50, 0.6],
        [100, 0.85],
        [200, 1],
      ],
      acresPerSiteMw: 0.5,
      permitScore: { NONE: 0, IN_PROGRESS: 0.5, GRANTED: 1 },
      source: 'house default (no source gives acres per MW)',
    },
    backupPower: {
      label: 'Backup power and firm supply',
      weight: 0.06,
      parts: { backup: 0.6, firmness: 0.4 },
      curtailableGrids: ['ERCOT'],
      curtailableAboveMw: 75,
      source:
        'Texas SB6 (2025): new ERCOT loads of 75 MW or more must be curtailable in grid emergencies; backup scored on the power size curve over the critical IT it carries (house default)',
    },
    floorLoading: {
      label: 'Floor loading',
      weight: 0.04,
      curve: [
        [0, 0],
        [500, 0.2],
        [1_000, 0.6],
        [1_465, 1],
      ],
      aiReadyKgPerM2: 1_465,
      source: 'a GB200 NVL72 rack weighs ~1,360 kg; AI halls are specified at ~300 lb/ft² (1,465 kg/m²): house default',
    },
    workforce: {
      label: 'Skilled workforce',
      weight: 0.05,
      curve: [
        [0, 0],
        [5, 0.3],
        [10, 0.5],
        [25, 0.8],
        [50, 1],
      ],
      itMwPerStaff: 5,
      minStaff: 10,
      source: 'house default (no source gives staff per MW)',
    },
    timeToPower: {
      label: 'Time to power',
      weight: 0.07,
      curve: [
        [0, 1],
        [6, 0.85],
        [12, 0.65],
        [24, 0.35],
        [36, 0.15],
        [48, 0],
      ],
      monthsByStatus: { ENERGIZED: 0, APPROVED: 12, IN_STUDY: 24, APPLIED: 36, NONE: 48 },
      floorMonthsByStatus: { ENERGIZED: 0, APPROVED: 6, IN_STUDY: 12, APPLIED: 18, NONE: 24 },
      daysPerMonth: 30.4375,
      source:
        'a new large load in ERCOT takes 24-48 months (Latitude Media; Inside Climate News); 36 for a new connection (house default); other statuses house default',
    },
  },
  conversion: {
    itShareOfSiteMw: 0.75,
    source: 'critical IT per site MW ~0.70 (Core Scientific Muskogee) to ~0.80 (TeraWulf): midpoint',
  },
  gapDependencies: {
    land: [],
    permits: ['land'],
    hallRebuild: ['permits'],
    hallUpgrade: ['permits'],
    liquidCooling: ['permits'],
    redundancy: ['permits'],
    water: [],
    interconnection: [],
    substation: [],
    substationUpgrade: [],
    transformers: [],
    fiberLateral: [],
    carriers: ['fiberLateral'],
    workforce: [],
    backupPower: [],
    curtailment: [],
    floorReinforcement: ['permits'],
  },
} as const satisfies ReadinessModel;

export type CriterionModel<K extends CriterionKey> = (typeof READINESS_MODEL.criteria)[K];
