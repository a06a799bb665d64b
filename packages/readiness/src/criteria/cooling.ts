import { COST_ASSUMPTIONS, COST_TABLE } from '../costs.js';
import { interpolate } from '../curve.js';
import { formatNumber } from '../format.js';
import { addGap } from '../gaps.js';
import { READINESS_MODEL } from '../model.js';
import type { CoolingType, CostItemKey } from '../types.js';
import type { Criterion } from './criterion.js';

const LIQUID = COST_TABLE.liquidCoolingPerItMw;
const WATER = COST_TABLE.waterSupply;
const M = READINESS_MODEL.criteria.cooling;
const CDU_MW = COST_ASSUMPTIONS.cduMw;
const CDU_TEXT = ' CDUs (' + CDU_MW + ' MW each) and a facility water loop';
const TARGET_KW = READINESS_MODEL.criteria.density.targetKw;
const LIQUID_ITEMS: readonly CostItemKey[] = ['liquidCoolingPerItMw'];
const WATER_ITEMS: readonly CostItemKey[] = ['waterSupply'];

const COOLING_WORDS: Readonly<Record<CoolingType, string>> = {
  AIR: 'Air cooling',
  WATER: 'Water-cooled air (chillers)',
  IMMERSION: 'Immersion cooling',
  DIRECT_TO_CHIP: 'Direct-to-chip liquid cooling',
};

function describeCooling(type: CoolingType, water: boolean): string {
  const head = COOLING_WORDS[type] + (water ? ', water on site' : ', no water on site');
  return type === 'DIRECT_TO_CHIP'
    ? head + ': ready for 120-' + TARGET_KW + ' kW racks (GB200 NVL72)'
    : head + ': 120-' + TARGET_KW + ' kW racks (GB200 NVL72) need direct-to-chip liquid cooling';
}

// Eight possible sentences: build them once.
function reasonsFor(water: boolean): Readonly<Record<CoolingType, string>> {
  return {
    AIR: describeCooling('AIR', water),
    WATER: describeCooling('WATER', water),
    IMMERSION: describeCooling('IMMERSION', water),
    DIRECT_TO_CHIP: describeCooling('DIRECT_TO_CHIP', water),
  };
}
const REASONS_WITH_WATER = reasonsFor(true);
const REASONS_WITHOUT_WATER = reasonsFor(false);

/** No water: 0; water of unstated quantity: a fixed credit; stated: the quantity on the curve. */
function waterPart(available: boolean, m3PerDay: number | null): number {
  if (!available) return 0;
  return m3PerDay === null ? M.waterUnknownCredit : interpolate(M.waterCurve, m3PerDay);
}

export const cooling: Criterion = {
  key: 'cooling',
  label: M.label,
  weight: M.weight,

  subScore(site, ctx) {
    return M.parts.cooling * M.coolingScore[site.coolingType] + M.parts.water * waterPart(site.waterAvailable, ctx.waterM3PerDay);
  },

  reason(site, ctx) {
    const head = (site.waterAvailable ? REASONS_WITH_WATER : REASONS_WITHOUT_WATER)[site.coolingType];
    if (!site.waterAvailable) return head;
    const needed = formatNumber(Math.ceil(ctx.itMw * M.waterM3PerItMwDay));
    return ctx.waterM3PerDay === null
      ? head + '; water quantity unknown (' + needed + ' m³/day needed)'
      : head + '; water ' + formatNumber(ctx.waterM3PerDay) + ' m³/day of ' + needed + ' needed';
  },

  findGaps(site, ctx, gaps) {
    if (site.coolingType !== 'DIRECT_TO_CHIP') {
      const cdus = Math.ceil(ctx.itMw / CDU_MW);
      addGap(
        gaps,
        'liquidCooling',
        'cooling',
        'Install direct-to-chip liquid cooling for ' + ctx.itMwText + ' MW of IT: ' + cdus +
          CDU_TEXT,
        ctx.itMw * LIQUID.unitUsd,
        LIQUID.months,
        LIQUID_ITEMS,
      );
    }
    const neededM3 = Math.ceil(ctx.itMw * M.waterM3PerItMwDay);
    if (!site.waterAvailable) {
      const action = 'Secure a water supply for the cooling loop (well or utility connection), ' + neededM3 + ' m³/day';
      addGap(gaps, 'water', 'cooling', action, WATER.unitUsd, WATER.months, WATER_ITEMS);
    } else if (ctx.waterM3PerDay !== null && ctx.waterM3PerDay < neededM3) {
      const action = 'Expand the water supply from ' + formatNumber(ctx.waterM3PerDay) + ' to ' + neededM3 + ' m³/day for the cooling loop';
      addGap(gaps, 'water', 'cooling', action, WATER.unitUsd, WATER.months, WATER_ITEMS);
    }
  },
};
