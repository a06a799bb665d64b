import { COST_TABLE } from '../costs.js';
import { formatNumber } from '../format.js';
import { addGap } from '../gaps.js';
import { READINESS_MODEL } from '../model.js';
import type { CostItemKey, Redundancy } from '../types.js';
import type { Criterion } from './criterion.js';

const REDUNDANCY = COST_TABLE.redundancyPerItMw;
const M = READINESS_MODEL.criteria.redundancy;
const COST_ITEMS: readonly CostItemKey[] = ['redundancyPerItMw'];

const REASONS: Readonly<Record<Redundancy, string>> = {
  N: 'N: no spare capacity; AI tenants ask for N+1 at least',
  N_PLUS_1: 'N+1: meets the N+1 minimum; 2N is best',
  TWO_N: '2N: fully duplicated power paths, the best level',
};

export const redundancy: Criterion = {
  key: 'redundancy',
  label: M.label,
  weight: M.weight,

  subScore(site) {
    return M.score[site.redundancy];
  },

  reason(site) {
    return REASONS[site.redundancy];
  },

  findGaps(site, ctx, gaps) {
    if (M.score[site.redundancy] >= M.score[M.minimum]) return;
    addGap(
      gaps,
      'redundancy',
      'redundancy',
      'Go from N to N+1 for ' + ctx.itMwText + ' MW of IT: spare transformer, UPS, switchgear and generator capacity',
      ctx.itMw * REDUNDANCY.unitUsd,
      REDUNDANCY.months,
      COST_ITEMS,
    );
  },
};
