// @gridshare/hosting: pure mining-hosting engines (no I/O): the ASIC library, offer economics, matching a
// fleet's request against hosting offers, the fleet's year under an offer, and a hosting deal's month.
export { ASIC_MODELS, ASIC_MODEL_IDS, asicModel, asicPowerKw, type AsicModel, type AsicModelId, type AsicCooling } from './asics.js';
export { resolveFleet, coolingFits } from './fleet.js';
export { HOURS_PER_MONTH, expectedRunHoursPerMonth, effectiveRateUsdPerMwh, offerEconomics, type OfferEconomics } from './economics.js';
export { DEFAULT_HOSTING_MARKET, HOSTING_MARKET_SOURCES } from './market.js';
export {
  matchHostingRequest,
  hostingConstraintFailures,
  HOSTING_MATCHING_MODEL_VERSION,
  HOSTING_WEIGHTS,
  EXCLUSION_DETAIL_LIMIT,
  type HostingConstraintKey,
  type HostingCriterionKey,
  type HostingCriterion,
  type HostingExclusion,
  type HostingMatch,
  type HostingMatchResult,
} from './match.js';
export { simulateFleetYear, curtailmentPattern, CURTAILMENT_BLOCK_HOURS, CURTAILMENT_START_HOUR_UTC, type FleetYear } from './year.js';
export { settleHostingMonth, type HostingSettlementTerms, type HostingMonthData, type HostingLine, type HostingLineKind, type HostingStatement } from './settle.js';
export type * from './types.js';
