import { COST_ASSUMPTIONS, COST_TABLE } from '../costs.js';
import { interpolate } from '../curve.js';
import { formatNumber } from '../format.js';
import { addGap } from '../gaps.js';
import { READINESS_MODEL } from '../model.js';
import type { CostItemKey, PermitStatus } from '../types.js';
import type { Criterion } from './criterion.js';

const LAND = COST_TABLE.landPerAcre;
const PERMITS = COST_TABLE.permits;
const M = READINESS_MODEL.criteria.landPermits;
const PER_MW_TEXT = ' (' + M.acresPerSiteMw + ' acre/MW)';
const LAND_ITEMS: readonly CostItemKey[] = ['landPerAcre'];
const PERMIT_ITEMS: readonly CostItemKey[] = ['permits'];

const PERMIT_WORDS: Readonly<Record<PermitStatus, string>> = {
  NONE: 'permits not started',
  IN_PROGRESS: 'permits in progress',
  GRANTED: 'permits granted',
};

export const landPermits: Criterion = {
  key: 'landPermits',
  label: M.label,
  weight: M.weight,

  subScore(site, ctx) {
    return M.parts.land * interpolate(M.acresCurve, ctx.landAcres) + M.parts.permits * M.permitScore[site.permitStatus];
  },

  reason(site, ctx) {
    const acres = ctx.landAcres;
    const needed = ctx.siteMw * M.acresPerSiteMw;
    const land =
      acres >= needed
        ? formatNumber(acres) + ' acres, enough for ' + ctx.siteMwText + ' MW' + PER_MW_TEXT
        : formatNumber(acres) + ' acres, short of the ' + formatNumber(needed) + ' that ' + ctx.siteMwText +
          ' MW needs' + PER_MW_TEXT;
    return land + '; ' + PERMIT_WORDS[site.permitStatus];
  },

  findGaps(site, ctx, gaps) {
    const shortAcres = Math.ceil(ctx.siteMw * M.acresPerSiteMw - ctx.landAcres);
    if (shortAcres > 0) {
      const action = 'Acquire ' + shortAcres + ' acres for expansion';
      addGap(gaps, 'land', 'landPermits', action, shortAcres * LAND.unitUsd, LAND.months, LAND_ITEMS);
    }
    if (site.permitStatus !== 'GRANTED') {
      const inProgress = site.permitStatus === 'IN_PROGRESS';
      addGap(
        gaps,
        'permits',
        'landPermits',
        inProgress
          ? 'Finish the building, environmental and water permits in progress'
          : 'Obtain building, environmental and water permits',
        inProgress ? PERMITS.unitUsd * COST_ASSUMPTIONS.permitCostShareInProgress : PERMITS.unitUsd,
        inProgress ? COST_ASSUMPTIONS.permitMonthsInProgress : PERMITS.months,
        PERMIT_ITEMS,
      );
    }
  },
};
