import { COST_TABLE } from '../costs.js';
import { interpolate } from '../curve.js';
import { formatNumber } from '../format.js';
import { addGap } from '../gaps.js';
import { READINESS_MODEL } from '../model.js';
import type { CostItemKey } from '../types.js';
import type { Criterion } from './criterion.js';

const M = READINESS_MODEL.criteria.floorLoading;
const REINFORCE = COST_TABLE.floorReinforcementPerItMw;
const REINFORCE_ITEMS: readonly CostItemKey[] = ['floorReinforcementPerItMw'];
const NEED = formatNumber(M.aiReadyKgPerM2) + ' kg/m² a ~1,360 kg GB200 NVL72 rack needs';

export const floorLoading: Criterion = {
  key: 'floorLoading',
  label: M.label,
  weight: M.weight,

  // Unknown earns nothing (it may be a mining shed's light slab) and costs nothing: the reason asks for it.
  subScore(_site, ctx) {
    return ctx.floorKgPerM2 === null ? 0 : interpolate(M.curve, ctx.floorKgPerM2);
  },

  reason(_site, ctx) {
    if (ctx.floorKgPerM2 === null) return 'Floor loading unknown: state it to be scored (' + NEED + ')';
    const head = 'Floors rated ' + formatNumber(ctx.floorKgPerM2) + ' kg/m²';
    return ctx.floorKgPerM2 >= M.aiReadyKgPerM2 ? head + ': carry AI racks' : head + ', below the ' + NEED;
  },

  findGaps(_site, ctx, gaps) {
    if (ctx.floorKgPerM2 === null || ctx.floorKgPerM2 >= M.aiReadyKgPerM2) return;
    // A hall being rebuilt gets new floors: one asset, one gap.
    if (gaps.some((g) => g.key === 'hallRebuild')) return;
    addGap(
      gaps,
      'floorReinforcement',
      'floorLoading',
      'Reinforce hall floors from ' + formatNumber(ctx.floorKgPerM2) + ' to ' + formatNumber(M.aiReadyKgPerM2) + ' kg/m² for ' + ctx.itMwText + ' MW of IT',
      ctx.itMw * REINFORCE.unitUsd,
      REINFORCE.months,
      REINFORCE_ITEMS,
    );
  },
};
