import { formatNumber, formatUsd, plural } from './format.js';
import { READINESS_MODEL } from './model.js';
import type { ConversionEstimate, CriterionResult, ReadinessTier } from './types.js';

/** Labels of the two criteria with the lowest sub-scores, lower-cased: "a, and b". */
function weakestTwo(criteria: readonly CriterionResult[]): string {
  let first: CriterionResult | undefined;
  let second: CriterionResult | undefined;
  for (const c of criteria) {
    if (first === undefined || c.subScore < first.subScore) {
      second = first;
      first = c;
    } else if (second === undefined || c.subScore < second.subScore) {
      second = c;
    }
  }
  if (first === undefined) return 'its criteria';
  const a = first.label.toLowerCase();
  return second === undefined ? a : a + ', and ' + second.label.toLowerCase();
}

/** A convertible site with no gap to close: what holds it back is its score (or its size), say which. */
function describeNothingToClose(criteria: readonly CriterionResult[], conversion: ConversionEstimate): string {
  const small = conversion.siteMw < READINESS_MODEL.tiers.aiReadyMinEnergizedMw;
  return (
    'No conversion work to price: ' +
    (small
      ? 'AI-ready needs at least ' + READINESS_MODEL.tiers.aiReadyMinEnergizedMw + ' MW energized and the site has ' + formatNumber(conversion.siteMw)
      : 'the score is held back by ' + weakestTwo(criteria) + ', which no costed work here raises') +
    '. Offer ' + itText(conversion) + ' to tenants whose needs it meets, and keep mining meanwhile.'
  );
}

function itText(conversion: ConversionEstimate): string {
  return formatNumber(conversion.criticalItMw) + ' MW of IT';
}

/** One plain sentence or two telling the host what to do with the site. */
export function describeBestUse(
  tier: ReadinessTier,
  criteria: readonly CriterionResult[],
  gapCount: number,
  conversion: ConversionEstimate,
  miningMw: number,
): string {
  const it = formatNumber(conversion.criticalItMw) + ' MW of IT';
  const cost = formatUsd(conversion.capexUsd);
  switch (tier) {
    case 'MINING_ONLY': {
      const mining = miningMw > 0 ? formatNumber(miningMw) + ' MW of miners already earn' : 'mining earns';
      return (
        'Keep mining: ' + mining + ' from this power today, while AI conversion would cost about ' + cost +
        ' over ' + conversion.months + ' months for ' + it + '; its weakest criteria are ' + weakestTwo(criteria) +
        '. Backfill mining could add value next to an AI tenant later.'
      );
    }
    case 'CONVERTIBLE':
      if (gapCount === 0) return describeNothingToClose(criteria, conversion);
      return (
        'Convert: close ' + plural(gapCount, 'gap', 'gaps') + ' for about ' + cost + ' over ' + conversion.months +
        ' months to offer ' + it + ' at ' + conversion.achievableRackKw +
        ' kW per rack; keep mining meanwhile and backfill idle AI power after.'
      );
    case 'AI_READY':
      return (
        'Offer to AI tenants now: ' + it + ' at up to ' + conversion.achievableRackKw + ' kW per rack' +
        (gapCount > 0 ? '; ' + plural(gapCount, 'remaining gap costs', 'remaining gaps cost') + ' about ' + cost : '') +
        '. Backfill mining can soak up idle MW.'
      );
  }
}
