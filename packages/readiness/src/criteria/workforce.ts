import { COST_TABLE } from '../costs.js';
import { interpolate } from '../curve.js';
import { formatNumber, plural } from '../format.js';
import { addGap } from '../gaps.js';
import { READINESS_MODEL } from '../model.js';
import type { SiteContext } from '../site-context.js';
import type { CostItemKey } from '../types.js';
import type { Criterion } from './criterion.js';

const HIRE = COST_TABLE.hirePerPerson;
const M = READINESS_MODEL.criteria.workforce;
const RULE_TEXT = ' MW of IT (1 per ' + M.itMwPerStaff + ' MW, at least ' + M.minStaff + ')';
const COST_ITEMS: readonly CostItemKey[] = ['hirePerPerson'];

/** Staff a converted site needs: one per itMwPerStaff MW of IT, at least minStaff. */
export function requiredStaff(ctx: SiteContext): number {
  const byMw = Math.ceil(ctx.itMw / M.itMwPerStaff);
  return byMw > M.minStaff ? byMw : M.minStaff;
}

export const workforce: Criterion = {
  key: 'workforce',
  label: M.label,
  weight: M.weight,

  subScore(_site, ctx) {
    return interpolate(M.curve, ctx.skilledStaff);
  },

  reason(_site, ctx) {
    const staff = ctx.skilledStaff;
    const required = requiredStaff(ctx);
    return (
      plural(staff, 'skilled person', 'skilled staff') +
      (staff >= required ? ': enough for ' : ': short of the ' + required + ' needed for ') +
      ctx.itMwText +
      RULE_TEXT
    );
  },

  findGaps(_site, ctx, gaps) {
    const missing = Math.ceil(requiredStaff(ctx) - ctx.skilledStaff);
    if (missing <= 0) return;
    addGap(
      gaps,
      'workforce',
      'workforce',
      'Hire and train ' + plural(missing, 'data-centre technician', 'data-centre technicians'),
      missing * HIRE.unitUsd,
      HIRE.months,
      COST_ITEMS,
    );
  },
};
