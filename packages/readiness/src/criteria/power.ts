import { COST_TABLE } from '../costs.js';
import { interpolate } from '../curve.js';
import { formatNumber } from '../format.js';
import { addGap } from '../gaps.js';
import { READINESS_MODEL } from '../model.js';
import type { SiteContext } from '../site-context.js';
import type { CostItemKey, InterconnectionStatus } from '../types.js';
import type { Criterion } from './criterion.js';

const INTERCONNECTION = COST_TABLE.interconnectionPerMw;
const M = READINESS_MODEL.criteria.power;
const BELOW_CAMPUS = 'below the ' + M.campusMw + ' MW of a training campus';
const COST_ITEMS: readonly CostItemKey[] = ['interconnectionPerMw'];

export const STATUS_WORDS: Readonly<Record<InterconnectionStatus, string>> = {
  NONE: 'not applied for',
  APPLIED: 'applied for',
  IN_STUDY: 'in study',
  APPROVED: 'approved',
  ENERGIZED: 'energized',
};

/** MW that count toward size: energized in full, MW still to come at a discount. */
function creditedMw(ctx: SiteContext): number {
  return (
    ctx.energizedMw * M.mwCredit.energized +
    ctx.underConstructionMw * M.mwCredit.underConstruction +
    ctx.pipelineMw * M.mwCredit.pipeline
  );
}

export const power: Criterion = {
  key: 'power',
  label: M.label,
  weight: M.weight,

  subScore(site, ctx) {
    return M.parts.size * interpolate(M.sizeCurve, creditedMw(ctx)) + M.parts.status * M.statusScore[site.interconnectionStatus];
  },

  reason(site, ctx) {
    let mw = formatNumber(ctx.energizedMw) + ' MW energized';
    if (ctx.underConstructionMw > 0) mw += ', ' + formatNumber(ctx.underConstructionMw) + ' under construction';
    if (ctx.pipelineMw > 0) mw += ', ' + formatNumber(ctx.pipelineMw) + ' in the pipeline';
    const credited = creditedMw(ctx);
    const size =
      credited >= M.campusMw
        ? 'campus scale for training clusters'
        : credited === ctx.energizedMw
          ? BELOW_CAMPUS
          : formatNumber(credited) + ' MW counted, ' + BELOW_CAMPUS;
    return mw + '; interconnection ' + STATUS_WORDS[site.interconnectionStatus] + ': ' + size;
  },

  findGaps(site, ctx, gaps) {
    if (site.interconnectionStatus === 'ENERGIZED') return;
    addGap(
      gaps,
      'interconnection',
      'power',
      'Take the interconnection from ' + STATUS_WORDS[site.interconnectionStatus] + ' to energized for ' + ctx.siteMwText + ' MW',
      ctx.siteMw * INTERCONNECTION.unitUsd,
      ctx.monthsToPower,
      COST_ITEMS,
    );
  },
};
