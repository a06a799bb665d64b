// @gridshare/settlement: the pure monthly settlement of a deal (docs/settlement.md).
export type * from './types.js';
export { settleMonth, parseSettlementMonthInput } from './settle.js';
export {
  ZSettlementMonthInput,
  ZSettlementTerms,
  ZSettlementEvent,
  ZSlaTier,
  ZSlaTiers,
  ZKwChange,
  ZAdjustmentInput,
  CORRECTABLE_KINDS,
} from './schema.js';
export { DEFAULT_SLA_TIERS, availabilityCommitmentPct } from './availability.js';
export { SettlementInputError, type InputIssue } from './errors.js';
export {
  agreedRevenueInput,
  agreedTerms,
  defaultDealScenario,
  ZDealTerms,
  ZDealDefaults,
  type DealTerms,
  type DealDefaults,
} from './agreement.js';
export { energyPricesForMonth } from './energy-prices.js';
export {
  forecastMonth,
  compareWithForecast,
  type ForecastComparison,
  type LineVariance,
  type Variance,
} from './forecast.js';
export { adjustmentsFor } from './adjustments.js';
