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
// with both the MW and the MVA, so more MW never makes the gear score fall (a ratio would).

export const electrical: Criterion = {
  key: 'electrical',
  label: M.label,
  weight: M.weight,

  subScore(site, ctx) {
    const substationMw = ctx.substationMva * M.powerFactor;
    const transformerMw = ctx.transformerMva * M.powerFactor;
    const substation = site.substationOnSite
      ? M.substationPresence + (1 - M.substationPresence) * interpolate(SIZE_CURVE, Math.min(ctx.energizedMw, substationMw))
      : 0;
    const transformers = interpolate(SIZE_CURVE, Math.min(ctx.energizedMw, transformerMw));
    return M.parts.substation * substation + M.parts.transformers * transformers;
  },

  reason(site, ctx) {
    const substation = site.substationOnSite
      ? 'Substation on site (' + formatNumber(ctx.substationMva) + ' MVA)'
      : 'No substation on site';
    const transformerMva = ctx.transformerMva;
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
    } else {
      const shortMva = Math.ceil(neededMva - ctx.substationMva);
      if (shortMva > 0) {
        addGap(
          gaps,
          'substationUpgrade',
          'electrical',
          'Add ' + shortMva + " MVA to the substation's transformer bank (" + neededMva +
            ' MVA needed for ' + ctx.siteMwText + ' MW)',
          shortMva * PER_MVA.unitUsd,
          PER_MVA.months,
          TRANSFORMER_ITEMS,
        );
      }
    }
    const shortMva = Math.ceil(neededMva - ctx.transformerMva);
    if (shortMva > 0) {
      addGap(
        gaps,
        'transformers',
        'electrical',
        'Add ' + shortMva + ' MVA of site transformers (' + neededMva + ' MVA needed for ' + ctx.siteMwText + ' MW)',
        shortMva * PER_MVA.unitUsd,
        PER_MVA.months,
        TRANSFORMER_ITEMS,
      );
    }
  },
};
