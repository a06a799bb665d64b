import { COST_ASSUMPTIONS, COST_TABLE } from '../costs.js';
import { interpolate } from '../curve.js';
import { formatNumber, plural } from '../format.js';
import { addGap } from '../gaps.js';
import { READINESS_MODEL } from '../model.js';
import type { CostItemKey } from '../types.js';
import type { Criterion } from './criterion.js';

const FIBER = COST_TABLE.fiberPerMile;
const M = READINESS_MODEL.criteria.network;
const WITHIN_INFERENCE = 'within the ' + M.inferenceLatencyMs + ' ms inference expects';
const ABOVE_INFERENCE = 'above the ' + M.inferenceLatencyMs + ' ms inference expects; training tolerates it';
const FIBER_ITEMS: readonly CostItemKey[] = ['fiberPerMile'];

/** null (unknown) and NaN score as the worst latency. */
function latencyScore(latencyMs: number | null): number {
  return latencyMs === null || Number.isNaN(latencyMs) ? 0 : interpolate(M.latencyCurve, latencyMs);
}

export const network: Criterion = {
  key: 'network',
  label: M.label,
  weight: M.weight,

  subScore(site, ctx) {
    return (
      M.parts.darkFiber * (site.darkFiber ? 1 : 0) +
      M.parts.carriers * interpolate(M.carrierCurve, ctx.carrierCount) +
      M.parts.latency * latencyScore(site.latencyToHubMs)
    );
  },

  reason(site, ctx) {
    const head = (site.darkFiber ? 'Dark fiber, ' : 'No dark fiber, ') + plural(ctx.carrierCount, 'carrier', 'carriers');
    const latency = site.latencyToHubMs;
    if (latency === null || Number.isNaN(latency)) return head + ', latency to a hub unknown: scored as the worst case';
    const hub = site.nearestHub ?? 'the nearest hub';
    const verdict = latency <= M.inferenceLatencyMs ? WITHIN_INFERENCE : ABOVE_INFERENCE;
    return head + ', ' + formatNumber(latency) + ' ms to ' + hub + ': ' + verdict;
  },

  findGaps(site, ctx, gaps) {
    if (!site.darkFiber) {
      const miles = COST_ASSUMPTIONS.fiberLateralMiles;
      addGap(
        gaps,
        'fiberLateral',
        'network',
        'Build a ' + miles + '-mile underground dark-fiber lateral to the nearest long-haul route',
        miles * FIBER.unitUsd,
        FIBER.months,
        FIBER_ITEMS,
      );
    }
    const missing = M.minCarriers - ctx.carrierCount;
    if (missing > 0) {
      const miles = COST_ASSUMPTIONS.carrierLateralMiles;
      addGap(
        gaps,
        'carriers',
        'network',
        'Bring in ' + plural(missing, 'more carrier', 'more carriers') + ' on a diverse route (' + miles + '-mile lateral each)',
        missing * miles * FIBER.unitUsd,
        FIBER.months,
        FIBER_ITEMS,
      );
    }
  },
};
