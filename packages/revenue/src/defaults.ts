// Documented defaults, each with its source (figures from docs: shared domain-figures notes). "House default"
// marks a number no source gives; "(secondary)" a news rewrite or blog; "(derived)" arithmetic on a source.
// The default case is the seed-material one: an inference tenant with a deep night trough on an energized
// mining site, with the existing fleet backfilling.
import type { TRevenueInput } from './schema.js';

/** Source of every numeric default, keyed by the field's dotted path in the input. */
export const REVENUE_DEFAULT_SOURCES: Readonly<Record<string, string>> = Object.freeze({
  'site.interconnectionMw': 'House default: a 100 MW energized site (Core Scientific Muskogee: 70 MW IT of 100 MW)',
  'site.pue': 'Uptime Institute (new large liquid-cooled sites ~1.2-1.3; 2023 average 1.58)',
  'site.reserve.percent': 'House default: 5% of the interconnection kept unused as margin',
  'aiLoad.contractedItMw': 'Core Scientific press: ~0.70 critical IT per site MW (70 of 100 MW)',
  'aiLoad.profile.peakUtilisation': 'House default: 90% of nameplate at the daily peak',
  'aiLoad.profile.peakStartHour': 'Azure LLM inference trace 2024; blog (secondary): weekday peak ~8am-2pm US Eastern',
  'aiLoad.profile.peakEndHour': 'Azure LLM inference trace 2024; blog (secondary): weekday peak ~8am-2pm US Eastern',
  'aiLoad.profile.troughStartHour': 'Azure LLM inference trace 2024; blog (secondary): trough midnight-6am',
  'aiLoad.profile.troughEndHour': 'Azure LLM inference trace 2024; blog (secondary): trough midnight-6am',
  'aiLoad.profile.troughDepth': 'Suggested default (no source): inference peak-to-trough 2:1',
  'aiLoad.profile.weekendReduction': 'Suggested default (no source): weekends 20-30% lower; 25% taken',
  'aiLoad.profile.utcOffsetHours': 'US Eastern standard time (UTC-5), where the inference peak is measured',
  'mining.fleetMw': 'House default: 40 MW of the site\'s former fleet kept to backfill the AI load',
  'mining.jPerTh': 'Antminer S21 at 17.5 J/TH, manufacturer specs via reviews (secondary)',
  'mining.rampMwPerHour': 'Lancium (ERCOT task force): controllable loads respond within 16 s; no hourly ramp limit (null)',
  'mining.rampDownMwPerHour': 'Hashrate Index: fleets curtail >95% in seconds; no hourly ramp-down limit (null)',
  'mining.minRunHours': 'House default: 1 hour (fleets curtail >95% in seconds, Hashrate Index)',
  'mining.uptimePercent': 'House default: 97% of the fleet hashing at any hour',
  'mining.poolFeePercent': 'House default: 2% pool fee',
  'mining.variableOpexUsdPerMwh': 'House default: $2/MWh of repairs and consumables that scale with hours run',
  'mining.fixedOpexUsdPerMwYear': 'House default: $25k per MW-year of staff, maintenance and insurance',
  'market.hashpriceUsdPerPhDay':
    'Hashrate Index (Luxor) roundups; CoinDesk / The Block: ~$44/PH/day July 2024 ($108.6 pre-halving, ~$38 at the 5-year low)',
  'energy.price.usdPerMwh': 'Compass Mining; pickaxe.io (secondary): industrial rates $0.06-0.09/kWh, low end taken',
  'deal.colocationUsdPerKwMonth':
    'TeraWulf/Fluidstack lease via press (secondary): ~$154/kW-month (derived); CBRE asking rent $184.06 (H2 2024)',
  'deal.revenueShare.hostPercent': 'House default: host 70% (it owns and runs the fleet)',
  'deal.revenueShare.tenantPercent': 'House default: tenant 30% (it reserved the power)',
  'deal.platformFeePercent': 'House default: 5% platform fee on the shared backfill net',
  'opex.aiNonPowerUsdPerMwItYear': 'Epoch AI 2026: ~$0.3M per MW of IT per year (derived: $0.9B/yr per GW less $0.6B energy)',
  'valuation.miningMultiple': 'Gridshare DESIGN.md: miners trade at 6-12x EV/EBITDA; 8x taken',
  'valuation.dataCentreMultiple': 'Gridshare DESIGN.md: data centres trade at 20-25x EV/EBITDA; 22x taken',
});

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The default scenario (frozen: spread it to change a field). Sources: REVENUE_DEFAULT_SOURCES. */
export const DEFAULT_REVENUE_INPUT: TRevenueInput = deepFreeze({
  startDate: '2025-01-01',
  site: {
    interconnectionMw: 100,
    pue: 1.3,
    reserve: { kind: 'percent', percent: 5 },
  },
  aiLoad: {
    contractedItMw: 70,
    profile: {
      kind: 'inference',
      peakUtilisation: 0.9,
      peakStartHour: 8,
      peakEndHour: 14,
      troughStartHour: 0,
      troughEndHour: 6,
      troughDepth: 0.5,
      weekendReduction: 0.25,
      utcOffsetHours: -5,
    },
  },
  mining: {
    fleetMw: 40,
    jPerTh: 17.5,
    rampMwPerHour: null,
    rampDownMwPerHour: null,
    minRunHours: 1,
    uptimePercent: 97,
    poolFeePercent: 2,
    variableOpexUsdPerMwh: 2,
    fixedOpexUsdPerMwYear: 25_000,
  },
  market: { hashpriceUsdPerPhDay: 44 },
  energy: {
    price: { kind: 'flat', usdPerMwh: 60 },
    demandResponseEvents: [],
    strike: { kind: 'breakeven' },
  },
  deal: {
    colocationUsdPerKwMonth: 154,
    energyPassThrough: { kind: 'at-cost' },
    revenueShare: { hostPercent: 70, tenantPercent: 30 },
    platformFeePercent: 5,
  },
  opex: { aiNonPowerUsdPerMwItYear: 300_000 },
  valuation: { miningMultiple: 8, dataCentreMultiple: 22 },
});

/** Source of every numeric default of DEFAULT_TRAINING_PROFILE. */
export const DEFAULT_TRAINING_PROFILE_SOURCES: Readonly<Record<string, string>> = Object.freeze({
  busyUtilisation: 'House default: 90% of nameplate while a job runs (compute near TDP, Meta Llama 3 paper)',
  checkpointPeriodHours: 'Suggested default (no source): checkpoint dips in 20% of hours, one hour in five',
  checkpointDurationHours: 'Suggested default (no source): checkpoint dips in 20% of hours, one hour in five',
  checkpointDepth: 'Suggested default (no source): dips to ~20% load, 0.9 - 0.7 = 0.2',
  availability: 'LBNL via Uptime Institute: servers run ~80% of hours (75-85%)',
  idleUtilisation: 'LBNL via Uptime Institute: idle at ~20% of nameplate',
  jobCycleHours: 'House default: jobs and gaps repeat every 5 days (96 h running, 24 h idle)',
});

/** House defaults for a training tenant (swap into aiLoad.profile). Sources: DEFAULT_TRAINING_PROFILE_SOURCES. */
export const DEFAULT_TRAINING_PROFILE = deepFreeze({
  kind: 'training',
  busyUtilisation: 0.9,
  checkpointPeriodHours: 5,
  checkpointDurationHours: 1,
  checkpointDepth: 0.7,
  availability: 0.8,
  idleUtilisation: 0.2,
  jobCycleHours: 120,
} as const);
