import { COST_TABLE } from '../costs.js';
import { interpolate } from '../curve.js';
import { formatNumber } from '../format.js';
import { addGap } from '../gaps.js';
import { READINESS_MODEL } from '../model.js';
import type { SiteContext } from '../site-context.js';
import type { CostItemKey, ReadinessSiteInput } from '../types.js';
import type { Criterion } from './criterion.js';

const M = READINESS_MODEL.criteria.backupPower;
const SIZE_CURVE = READINESS_MODEL.criteria.power.sizeCurve;
const GENSETS = COST_TABLE.backupGenerationPerMw;
const GENSET_ITEMS: readonly CostItemKey[] = ['backupGenerationPerMw'];

// Backup is scored, like electrical gear, by the energized MW it carries (backup covers critical IT, the
// IT share of site MW) on the power size curve: more backup or more MW never lowers it. On a grid that may curtail large loads (ERCOT, Texas SB6), supply is only as
// firm as the backup behind it; elsewhere the grid supply counts as firm.

function onCurtailableGrid(site: ReadinessSiteInput): boolean {
  return site.gridOperator != null && (M.curtailableGrids as readonly string[]).includes(site.gridOperator.toUpperCase());
}

/** SB6 applies: an ERCOT load over 75 MW. */
function mustBeCurtailable(site: ReadinessSiteInput, ctx: SiteContext): boolean {
  return onCurtailableGrid(site) && ctx.siteMw > M.curtailableAboveMw;
}

const IT_SHARE = READINESS_MODEL.conversion.itShareOfSiteMw;

/** IT MW the backup carries. */
function carriedMw(ctx: SiteContext): number {
  return Math.min(ctx.itMw, ctx.backupMw ?? 0);
}

/** Energized MW whose IT the backup carries. */
function carriedEnergizedMw(ctx: SiteContext): number {
  return Math.min(ctx.energizedMw, (ctx.backupMw ?? 0) / IT_SHARE);
}

export const backupPower: Criterion = {
  key: 'backupPower',
  label: M.label,
  weight: M.weight,

  subScore(site, ctx) {
    const backup = interpolate(SIZE_CURVE, carriedEnergizedMw(ctx));
    return M.parts.backup * backup + M.parts.firmness * (onCurtailableGrid(site) ? backup : 1);
  },

  reason(site, ctx) {
    const backup =
      ctx.backupMw === null
        ? 'Backup generation unknown'
        : 'Backup generation ' + formatNumber(ctx.backupMw) + ' MW for ' + ctx.itMwText + ' MW of IT';
    if (mustBeCurtailable(site, ctx)) {
      return backup + '; as an ERCOT load over ' + M.curtailableAboveMw + ' MW the site must be curtailable in grid emergencies (Texas SB6), so supply is only as firm as its backup';
    }
    if (onCurtailableGrid(site)) return backup + '; ERCOT supply, curtailable above ' + M.curtailableAboveMw + ' MW (Texas SB6)';
    return backup + '; grid supply firm';
  },

  findGaps(site, ctx, gaps) {
    const shortMw = Math.ceil(ctx.itMw - carriedMw(ctx));
    if (shortMw <= 0) return;
    // One asset, one gap: under SB6 the backup is what makes curtailment survivable.
    if (mustBeCurtailable(site, ctx)) {
      addGap(
        gaps,
        'curtailment',
        'backupPower',
        'Add ' + shortMw + ' MW of backup generation so IT rides through ERCOT curtailment (Texas SB6, loads over ' + M.curtailableAboveMw + ' MW)',
        shortMw * GENSETS.unitUsd,
        GENSETS.months,
        GENSET_ITEMS,
      );
    } else if (ctx.backupMw !== null) {
      addGap(gaps, 'backupPower', 'backupPower', 'Add ' + shortMw + ' MW of backup generation for critical IT', shortMw * GENSETS.unitUsd, GENSETS.months, GENSET_ITEMS);
    }
  },
};
