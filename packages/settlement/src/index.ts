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
