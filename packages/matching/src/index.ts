// @gridshare/matching: pure request-to-site matching (no I/O).
export { matchRequest } from './match-request.js';
export { describeExclusions } from './describe-exclusions.js';
export { siteDistance } from './splits.js';
export { haversineKm, estimateRoundTripMs, FIBER_ROUTE_FACTOR, ROUND_TRIP_MS_PER_FIBER_KM, type LatLng } from './geo.js';
export {
  CONSTRAINT_ORDER,
  CONSTRAINT_LABELS,
  COOLING_COMPATIBILITY,
  REDUNDANCY_RANK,
  coolingServes,
} from './constraints.js';
export {
  MATCHING_MODEL_VERSION,
  MATCHING_WEIGHTS,
  CRITERIA_ORDER,
  SCORE_SCALES,
  SPLIT_RULES,
  DEFAULT_LIMIT,
  type CriterionWeight,
} from './weights.js';
export {
  ZMatchRequestInput,
  ZMatchPhase,
  ZMatchOptions,
  ZCoolingType,
  ZRedundancy,
  type TMatchRequestInput,
  type TMatchPhase,
  type TMatchOptions,
  type TCoolingType,
  type TRedundancy,
} from './request-schema.js';
export type * from './types.js';
