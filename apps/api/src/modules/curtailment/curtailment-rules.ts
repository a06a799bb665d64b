// What an event must fit, beyond its own fields (curtailment.schemas.ts): the deal's active period, the
// past, and the power that could have been affected. Pure: the deal comes from meter_deal_context().
import type { MeterDealContext } from '../metering/meter-context';
import type { TRecordCurtailmentEventInput } from './curtailment.schemas';

const DAY_MS = 86_400_000;

export interface EventIssue {
  field: 'startsAt' | 'endsAt' | 'mwAffected';
  message: string;
}

/** The smallest contracted kW in force during [from, until): MW changes take effect at 00:00 UTC of their day. */
export function smallestContractedKw(deal: MeterDealContext, from: Date, until: Date): number {
  let smallest = deal.contractedKwAt(from);
  for (let day = Math.floor(from.getTime() / DAY_MS + 1) * DAY_MS; day < until.getTime(); day += DAY_MS) {
    smallest = Math.min(smallest, deal.contractedKwAt(new Date(day)));
  }
  return smallest;
}

export function findEventIssue(event: TRecordCurtailmentEventInput, deal: MeterDealContext, now: Date): EventIssue | null {
  if (event.startsAt < deal.activeFrom) return { field: 'startsAt', message: `is before the deal's active period starts (${deal.activeFrom.toISOString()})` };
  if (event.endsAt > deal.activeUntil) return { field: 'endsAt', message: `is after the deal's active period ends (${deal.activeUntil.toISOString()})` };
  if (event.endsAt > now) return { field: 'endsAt', message: 'is in the future: record an event once it has ended' };
  if (event.channel === 'AI_IT') {
    const contractedMw = smallestContractedKw(deal, event.startsAt, event.endsAt) / 1000;
    if (event.mwAffected > contractedMw) return { field: 'mwAffected', message: `must be at most the contracted ${contractedMw} MW of AI power` };
  } else if (event.mwAffected > deal.interconnectionKw / 1000) {
    return { field: 'mwAffected', message: `must be at most the site's interconnection of ${deal.interconnectionKw / 1000} MW` };
  }
  return null;
}
