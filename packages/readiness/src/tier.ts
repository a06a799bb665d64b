import { READINESS_MODEL } from './model.js';
import type { ReadinessTier } from './types.js';

const T = READINESS_MODEL.tiers;

/**
 * The tier from the (rounded) score, the energized MW and whether any blocking gap is open:
 *   AI_READY     score >= tiers.aiReady, energized MW >= tiers.aiReadyMinEnergizedMw, no blocking gap
 *   CONVERTIBLE  otherwise, score >= tiers.convertible
 *   MINING_ONLY  otherwise
 * Each condition only gets easier as the site improves, so the tier never drops when one attribute improves.
 */
export function decideTier(score: number, energizedMw: number, hasBlockingGap: boolean): ReadinessTier {
  if (score >= T.aiReady && energizedMw >= T.aiReadyMinEnergizedMw && !hasBlockingGap) return 'AI_READY';
  if (score >= T.convertible) return 'CONVERTIBLE';
  return 'MINING_ONLY';
}
