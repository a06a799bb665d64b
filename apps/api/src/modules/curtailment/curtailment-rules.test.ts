import { toMeterDealContext } from '../metering/meter-context';
import { findEventIssue, smallestContractedKw } from './curtailment-rules';
import type { TRecordCurtailmentEventInput } from './curtailment.schemas';

const deal = toMeterDealContext('deal', {
  role: 'HOST',
  status: 'ACTIVE',
  hostOrgId: 'host',
  tenantOrgId: 'tenant',
  startDate: new Date('2026-06-01T00:00:00Z'),
  termMonths: 120,
  endedAt: null,
  mw: 20,
  interconnectionMw: 120,
  mwChanges: [{ effectiveOn: '2026-09-01', fromMw: 40, toMw: 20 }],
});
const NOW = new Date('2026-12-02T00:00:00Z');
const event = (overrides: Partial<TRecordCurtailmentEventInput> = {}): TRecordCurtailmentEventInput => ({
  dealId: 'deal',
  cause: 'FACILITY',
  channel: 'AI_IT',
  startsAt: new Date('2026-07-01T10:00:00Z'),
  endsAt: new Date('2026-07-01T14:00:00Z'),
  mwAffected: 40,
  ...overrides,
});

describe('findEventIssue', () => {
  it('accepts an ended event in the active period within the power affected', () => {
    expect(findEventIssue(event(), deal, NOW)).toBeNull();
    expect(findEventIssue(event({ channel: 'MINING', mwAffected: 120 }), deal, NOW)).toBeNull();
  });

  it.each([
    ['a start before the active period', { startsAt: new Date('2026-05-31T23:00:00Z') }, 'startsAt', /before the deal's active period/],
    ['an end after the term', { startsAt: new Date('2036-05-31T22:00:00Z'), endsAt: new Date('2036-06-01T01:00:00Z') }, 'endsAt', /after the deal's active period/],
    ['an event not over yet', { startsAt: new Date('2026-12-01T22:00:00Z'), endsAt: new Date('2026-12-02T01:00:00Z') }, 'endsAt', /in the future/],
    ['more AI than contracted', { mwAffected: 40.001 }, 'mwAffected', /contracted 40 MW/],
    ['more AI than contracted on any day of the event', { startsAt: new Date('2026-08-31T20:00:00Z'), endsAt: new Date('2026-09-01T02:00:00Z'), mwAffected: 30 }, 'mwAffected', /contracted 20 MW/],
    ['more mining than the interconnection', { channel: 'MINING' as const, mwAffected: 120.5 }, 'mwAffected', /interconnection of 120 MW/],
  ])('refuses %s', (_label, overrides, field, message) => {
    expect(findEventIssue(event(overrides), deal, NOW)).toEqual({ field, message: expect.stringMatching(message) });
  });
});

describe('smallestContractedKw', () => {
  it('is the least MW in force on any day the event touches', () => {
    expect(smallestContractedKw(deal, new Date('2026-08-30T00:00:00Z'), new Date('2026-08-31T23:00:00Z'))).toBe(40_000);
    expect(smallestContractedKw(deal, new Date('2026-08-30T00:00:00Z'), new Date('2026-09-01T00:00:01Z'))).toBe(20_000);
  });
});
