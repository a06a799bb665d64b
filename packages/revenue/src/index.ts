// @gridshare/revenue: pure hour-by-hour simulation of an AI colocation site with backfill mining.
export { simulateRevenue, parseRevenueInput } from './simulate.js';
export {
  revenueSensitivity,
  sensitivityCellIndex,
  MAX_SENSITIVITY_CELLS,
  type SensitivityAxis,
  type SensitivityGrid,
} from './sensitivity.js';
export { parseHourlyCsv } from './hourly-csv.js';
export {
  hashRevenuePerMwh,
  netHashRevenuePerMwh,
  miningRevenuePerMwh,
  breakEvenEnergyPrice,
  breakEvenHashprice,
} from './mining.js';
// Shared with packages/settlement, which prices a calendar month with the same code.
export { hoursInYear, parseIsoDate, yearCalendar, type YearCalendar } from './calendar.js';
export { fillEnergyPrice } from './energy.js';
export { percentOf, roundHalfAway } from './money.js';
export { availableMw } from './site.js';
export {
  DEFAULT_REVENUE_INPUT,
  REVENUE_DEFAULT_SOURCES,
  DEFAULT_TRAINING_PROFILE,
  DEFAULT_TRAINING_PROFILE_SOURCES,
} from './defaults.js';
export {
  ZRevenueInput,
  ZSite,
  ZReserve,
  ZAiLoad,
  ZAiProfile,
  ZTrainingProfile,
  ZInferenceProfile,
  ZFlatProfile,
  ZSeriesProfile,
  ZBlendProfile,
  ZMining,
  ZMarket,
  ZEnergy,
  ZEnergyPrice,
  ZTouBand,
  ZDemandResponseEvent,
  ZStrike,
  ZDeal,
  ZOpex,
  ZValuation,
  type TRevenueInput,
  type TSite,
  type TAiProfile,
  type TBlendableProfile,
  type TTrainingProfile,
  type TInferenceProfile,
  type TMining,
  type TEnergy,
  type TEnergyPrice,
  type TDemandResponseEvent,
  type TStrike,
  type TDeal,
  type HourlySeries,
} from './schema.js';
export { RevenueInputError, HourlyCsvError, type InputIssue } from './errors.js';
export type { Cents } from './money.js';
export type { LoadShape } from './metrics.js';
export type {
  RevenueResult,
  RevenueTotalsCents,
  ValuationCents,
  HourlyOutput,
  SimulateOptions,
} from './types.js';

// The deal's whole term: hashprice paths, escalators, phases, fleet refreshes, finance (docs/revenue.md).
export {
  simulateTerm,
  parseTermInput,
  type TermResult,
  type TermYear,
  type PartyFinance,
  type TenantFinance,
  type TermValuation,
  type CentsRange,
  type SimulateTermOptions,
} from './term/simulate-term.js';
export {
  termSensitivity,
  termSensitivityIsHourly,
  termTornado,
  type TermSensitivityOptions,
  defaultTornadoSwings,
  MAX_TERM_SENSITIVITY_CELLS,
  type TermSensitivityAxis,
  type TermSensitivityGrid,
  type Tornado,
  type TornadoBar,
  type TornadoSwing,
} from './term/sensitivity.js';
export { npv, irr, paybackMonth, monthlyCents } from './term/finance.js';
export { dailyHashprice } from './term/hashprice-path.js';
export { HASHPRICE_PRESETS, HASHPRICE_PRESET_NAMES, NEXT_HALVING_DATES, type HashpricePreset, type HashpricePresetName } from './term/presets.js';
export { DEFAULT_TERM_INPUT, DEFAULT_TERM, DEFAULT_FINANCE, TERM_DEFAULT_SOURCES } from './term/defaults.js';
export {
  ZTermInput,
  ZTerm,
  ZFinance,
  ZHashpricePath,
  MAX_TERM_YEARS,
  type TTermInput,
  type TTerm,
  type TFinance,
  type THashpricePath,
} from './term/schema.js';
export { ZRevenueFields } from './schema.js';
