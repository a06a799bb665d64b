import { COST_ASSUMPTIONS, COST_TABLE } from '../costs.js';
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

export const cooling: Criterion = {
  key: 'cooling',
  label: M.label,
  weight: M.weight,

  subScore(site) {
    return M.parts.cooling * M.coolingScore[site.coolingType] + M.parts.water * (site.waterAvailable ? 1 : 0);
  },

  reason(site) {
    return (site.waterAvailable ? REASONS_WITH_WATER : REASONS_WITHOUT_WATER)[site.coolingType];
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
    if (!site.waterAvailable) {
      const action = 'Secure a water supply for the cooling loop (well or utility connection)';
      addGap(gaps, 'water', 'cooling', action, WATER.unitUsd, WATER.months, WATER_ITEMS);
    }
  },
};
