// Public API of @gridshare/readiness: a pure, versioned AI/HPC readiness model for powered sites.
export { assessReadiness } from './assess.js';
export { COST_ASSUMPTIONS, COST_TABLE, type CostItem } from './costs.js';
export { interpolate, type Curve } from './curve.js';
export { canonicalJson, modelContent } from './fingerprint.js';
export { READINESS_MODEL, type ReadinessModel } from './model.js';
export { MODEL_RELEASES, MODEL_VERSION, type ModelRelease } from './model-version.js';
export { ZReadinessSiteInput, type TReadinessSiteInput } from './schema.js';
export { decideTier } from './tier.js';
export {
  COOLING_TYPES,
  INTERCONNECTION_STATUSES,
  PERMIT_STATUSES,
  READINESS_TIERS,
  REDUNDANCIES,
  type AssessReadinessOptions,
  type ConversionEstimate,
  type CoolingType,
  type CostItemKey,
  type CriterionKey,
  type CriterionResult,
  type GapKey,
  type InterconnectionStatus,
  type PermitStatus,
  type ReadinessAssessment,
  type ReadinessGap,
  type ReadinessSiteInput,
  type ReadinessTier,
  type Redundancy,
} from './types.js';
