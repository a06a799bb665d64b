import { COST_TABLE } from '../costs.js';
import { interpolate } from '../curve.js';
import { formatNumber } from '../format.js';
import { addGap } from '../gaps.js';
import { READINESS_MODEL } from '../model.js';
import type { CostItemKey } from '../types.js';
import type { Criterion } from './criterion.js';

const PER_MVA = COST_TABLE.transformerPerMva;
const RING_BUS = COST_TABLE.ringBusSubstation;
const M = READINESS_MODEL.criteria.electrical;
const SIZE_CURVE = READINESS_MODEL.criteria.power.sizeCurve;
const SUBSTATION_ITEMS: readonly CostItemKey[] = ['ringBusSubstation', 'transformerPerMva'];
const TRANSFORMER_ITEMS: readonly CostItemKey[] = ['transformerPerMva'];

// Gear is scored by the energized MW it can carry, on the power size curve: min(MW, MVA x pf) rises
// with both the MW and the MVA, so more MW never makes the gear score fall (a ratio would). An unknown
// rating earns no size credit and invents no gap: the reason says it is unknown.

function mvaText(mva: number | null): string {
  return mva === null ? 'rating unknown' : formatNumber(mva) + ' MVA';
}

/** Transformation capacity on site: the larger known of the substation's bank and the site transformers. */
function knownCapacityMva(substationOnSite: boolean, ctx: { substationMva: number | null; transformerMva: number | null }): number | null {
  const bank = substationOnSite ? ctx.substationMva : null;
  if (bank === null) return ctx.transformerMva;
  return ctx.transformerMva === null ? bank : Math.max(bank, ctx.transformerMva);
}

export const electrical: Criterion = {
  key: 'electrical',
  label: M.label,
  weight: M.weight,

  subScore(site, ctx) {
    const substationMw = (ctx.substationMva ?? 0) * M.powerFactor;
    const transformerMw = (ctx.transformerMva ?? 0) * M.powerFactor;
    const substation = site.substationOnSite
      ? M.substationPresence + (1 - M.substationPresence) * interpolate(SIZE_CURVE, Math.min(ctx.energizedMw, substationMw))
      : 0;
    const transformers = interpolate(SIZE_CURVE, Math.min(ctx.energizedMw, transformerMw));
    return M.parts.substation * substation + M.parts.transformers * transformers;
  },

  reason(site, ctx) {
    const substation = site.substationOnSite ? 'Substation on site (' + mvaText(ctx.substationMva) + ')' : 'No substation on site';
    const transformerMva = ctx.transformerMva;
    if (transformerMva === null) return substation + '; site transformer capacity unknown';
    if (ctx.energizedMw === 0) {
      return substation + '; transformers ' + formatNumber(transformerMva) + ' MVA, no MW energized to carry yet';
    }
    const carried = Math.min(ctx.energizedMw, transformerMva * M.powerFactor);
    return (
      substation +
      '; transformers ' +
      formatNumber(transformerMva) +
      ' MVA carry ' +
      (carried >= ctx.energizedMw ? 'all ' : formatNumber(carried) + ' of ') +
      formatNumber(ctx.energizedMw) +
      ' MW energized'
    );
  },

  // One missing asset, one gap: the substation's bank and the site transformers are one transformation
  // capacity, so a shortfall is counted once (a new substation comes with its bank).
  findGaps(site, ctx, gaps) {
    const neededMva = Math.ceil(ctx.siteMw / M.powerFactor);
    if (!site.substationOnSite) {
      addGap(
        gaps,
        'substation',
        'electrical',
        'Build an on-site substation (3-breaker ring bus) with a ' + neededMva + ' MVA transformer bank',
        RING_BUS.unitUsd + neededMva * PER_MVA.unitUsd,
        Math.max(RING_BUS.months, PER_MVA.months),
        SUBSTATION_ITEMS,
      );
      return;
    }
    const capacity = knownCapacityMva(site.substationOnSite, ctx);
    if (capacity === null) return;
    const shortMva = Math.ceil(neededMva - capacity);
    if (shortMva > 0) {
      addGap(
        gaps,
        'transformers',
        'electrical',
        'Add ' + shortMva + ' MVA of transformer capacity (' + neededMva + ' MVA needed for ' + ctx.siteMwText + ' MW)',
        shortMva * PER_MVA.unitUsd,
        PER_MVA.months,
        TRANSFORMER_ITEMS,
      );
    }
  },
};
