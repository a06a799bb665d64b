import { interpolate } from '../curve.js';
import { formatDate, formatNumber } from '../format.js';
import { READINESS_MODEL } from '../model.js';
import { STATUS_WORDS } from './power.js';
import type { Criterion } from './criterion.js';

const M = READINESS_MODEL.criteria.timeToPower;

// No gap of its own: waiting for power is not bought with capital. The months feed the interconnection
// gap and set a floor under the conversion's months.

export const timeToPower: Criterion = {
  key: 'timeToPower',
  label: M.label,
  weight: M.weight,

  subScore(_site, ctx) {
    return interpolate(M.curve, ctx.monthsToPower);
  },

  reason(site, ctx) {
    const months = Math.ceil(ctx.monthsToPower);
    const status = 'interconnection ' + STATUS_WORDS[site.interconnectionStatus];
    switch (ctx.monthsToPowerBasis) {
      case 'liveDate': {
        const date = formatDate(site.liveDate ?? '');
        return months === 0 ? 'Live now (since ' + date + ')' : 'Live in ' + months + ' months (' + date + ')';
      }
      case 'floor':
        return (
          'Live date ' + formatDate(site.liveDate ?? '') + ' is sooner than an ' + status + ' allows: ' +
          formatNumber(M.floorMonthsByStatus[site.interconnectionStatus]) + ' months at best'
        );
      case 'noLiveDate':
        return months === 0
          ? 'Live now (' + status + ', no live date given)'
          : 'No live date: about ' + months + ' months for an ' + status;
      case 'noAsOf':
        return months === 0 ? 'Live now (' + status + ')' : 'No asOf date given: about ' + months + ' months for an ' + status;
    }
  },

  findGaps() {
    // Intentionally empty: see above.
  },
};
