import { COST_TABLE } from '../costs.js';
import { interpolate } from '../curve.js';
import { formatNumber } from '../format.js';
import { addGap } from '../gaps.js';
import { READINESS_MODEL } from '../model.js';
import type { CostItemKey } from '../types.js';
import type { Criterion } from './criterion.js';

const DATA_HALL = COST_TABLE.aiDataHallPerItMw;
const HALL_UPGRADE = COST_TABLE.hallUpgradePerItMw;
const M = READINESS_MODEL.criteria.density;
// Fixed sentence endings, built once.
const AT_TARGET = 'takes GB200 NVL72 racks with their ' + M.targetKw + ' kW power shelves';
const AT_AI_READY = 'takes a GB200 NVL72 rack (~' + M.aiReadyKw + ' kW)';
const BELOW_AI_READY = 'below the ~' + M.aiReadyKw + ' kW a GB200 NVL72 rack draws';
const REBUILD_ITEMS: readonly CostItemKey[] = ['aiDataHallPerItMw'];
const UPGRADE_ITEMS: readonly CostItemKey[] = ['hallUpgradePerItMw'];

export const density: Criterion = {
  key: 'density',
  label: M.label,
  weight: M.weight,

  subScore(_site, ctx) {
    return interpolate(M.curve, ctx.rackKw);
  },

  reason(_site, ctx) {
    const kw = ctx.rackKw;
    const head = formatNumber(kw) + ' kW per rack: ';
    if (kw >= M.targetKw) return head + AT_TARGET;
    if (kw >= M.aiReadyKw) return head + AT_AI_READY;
    return head + BELOW_AI_READY;
  },

  findGaps(_site, ctx, gaps) {
    const kw = ctx.rackKw;
    if (kw >= M.aiReadyKw) return;
    const it = ctx.itMwText;
    if (kw < M.rebuildBelowKw) {
      addGap(
        gaps,
        'hallRebuild',
        'density',
        'Build AI data halls for ' + it + ' MW of IT at ' + M.targetKw + ' kW per rack (today ' + formatNumber(kw) + ' kW)',
        ctx.itMw * DATA_HALL.unitUsd,
        DATA_HALL.months,
        REBUILD_ITEMS,
      );
    } else {
      addGap(
        gaps,
        'hallUpgrade',
        'density',
        'Upgrade halls for ' + it + ' MW of IT from ' + formatNumber(kw) + ' to ' + M.targetKw + ' kW per rack',
        ctx.itMw * HALL_UPGRADE.unitUsd,
        HALL_UPGRADE.months,
        UPGRADE_ITEMS,
      );
    }
  },
};
