// Invalid inputs: settleMonth throws SettlementInputError, and each issue names the field at fault.
import { settleMonth } from './settle.js';
import { NOTE_TERMS, inputIssues, monthInput } from './testing/fixtures.js';
import type { SettlementMonthInput } from './types.js';

const MONTH = '2026-06';

const issuesOf = (input: unknown) => inputIssues(() => settleMonth(input as SettlementMonthInput));

const withHour = (i: number, v: number) => {
  const a = new Float64Array(720);
  a[i] = v;
  return a;
};
const drEvent = { id: 'e', cause: 'DEMAND_RESPONSE', channel: 'MINING', startsAt: '2026-06-02T00:00:00Z', endsAt: '2026-06-02T01:00:00Z', mwAffected: 1, paymentCentsPerMwh: 0, disputed: false } as const;

describe('settleMonth refuses a bad input, naming the field', () => {
  it.each<[string, Partial<Record<keyof SettlementMonthInput, unknown>>, string, RegExp]>([
    ['a month that is not one', { month: '2026-13' }, 'month', /YYYY-MM/],
    ['an active end before the start', { activeFrom: '2026-06-10', activeUntil: '2026-06-01' }, 'activeUntil', /after activeFrom/],
    ['an impossible date', { activeFrom: '2026-02-30' }, 'activeFrom', /real date/],
    ['a PUE below 1', { terms: { ...NOTE_TERMS, pue: 0.9 } }, 'terms.pue', /at least 1/],
    ['a fee that is not whole basis points', { terms: { ...NOTE_TERMS, platformFeeBps: 2.5 } }, 'terms.platformFeeBps', /whole/],
    ['a share above 100%', { terms: { ...NOTE_TERMS, tenantBackfillShareBps: 10_001 } }, 'terms.tenantBackfillShareBps', /at most 10000/],
    ['an unknown hashprice source', { terms: { ...NOTE_TERMS, hashpriceSource: 'GUESS' } }, 'terms.hashpriceSource', /INDEX/],
    [
      'SLA tiers that leave low availability without a tier',
      { terms: { ...NOTE_TERMS, slaTiers: [{ minAvailabilityPct: 99.9, creditPct: 0 }, { minAvailabilityPct: 99, creditPct: 10 }] } },
      'terms.slaTiers.1.minAvailabilityPct',
      /start at 0%/,
    ],
    [
      'SLA tiers out of order',
      { terms: { ...NOTE_TERMS, slaTiers: [{ minAvailabilityPct: 99, creditPct: 0 }, { minAvailabilityPct: 99.5, creditPct: 5 }, { minAvailabilityPct: 0, creditPct: 25 }] } },
      'terms.slaTiers.1.minAvailabilityPct',
      /best first/,
    ],
    ['no SLA tiers at all (refused by name, not a crash)', { terms: { ...NOTE_TERMS, slaTiers: [] } }, 'terms.slaTiers', /at least one tier/],
    ['SLA tiers whose best tier credits', { terms: { ...NOTE_TERMS, slaTiers: [{ minAvailabilityPct: 0, creditPct: 5 }] } }, 'terms.slaTiers.0.creditPct', /commitment/],
    ['a negative reading', { aiItMwh: withHour(17, -1) }, 'aiItMwh.17', /hour 17 is -1/],
    ['an infinite reading', { miningMwh: withHour(3, Number.POSITIVE_INFINITY) }, 'miningMwh.3', /hour 3/],
    ['a plain array for readings', { aiItMwh: [1, 2, 3] }, 'aiItMwh', /Float64Array/],
    ['readings of the wrong length', { aiItMwh: new Float64Array(744) }, 'aiItMwh', /expected 720 hourly values/],
    ['an energy price gap (prices are never missing)', { energyPriceUsdPerMwh: withHour(5, Number.NaN) }, 'energyPriceUsdPerMwh.5', /hour 5/],
    ['a hashprice per hour instead of per day', { hashpriceUsdPerPhDay: new Array(720).fill(50) }, 'hashpriceUsdPerPhDay', /30 daily values/],
    ['a negative hashprice', { hashpriceUsdPerPhDay: [...new Array(29).fill(50), -1] }, 'hashpriceUsdPerPhDay.29', /at least 0/],
    ['an event that ends before it starts', { events: [{ ...drEvent, endsAt: '2026-06-01T00:00:00Z' }] }, 'events.0.endsAt', /after startsAt/],
    ['an event time without a zone', { events: [{ ...drEvent, startsAt: '2026-06-02T00:00:00' }] }, 'events.0.startsAt', /ISO instant/],
    ['demand response without its payment', { events: [{ ...drEvent, paymentCentsPerMwh: null }] }, 'events.0.paymentCentsPerMwh', /payment/],
    ['an unknown cause', { events: [{ ...drEvent, cause: 'WEATHER' }] }, 'events.0.cause', /GRID_EMERGENCY/],
    [
      'MW changes out of order',
      { kwChanges: [{ effectiveOn: '2026-06-20', kw: 40_000 }, { effectiveOn: '2026-06-10', kw: 60_000 }] },
      'kwChanges.1.effectiveOn',
      /in order/,
    ],
    ['an MW change to 0 kW', { kwChanges: [{ effectiveOn: '2026-06-20', kw: 0 }] }, 'kwChanges.0.kw', /greater than 0/],
    [
      'an adjustment of the same month',
      { adjustments: [{ month: MONTH, corrects: 'COLOCATION', amountCents: 1, reason: 'x' }] },
      'adjustments.0.month',
      /earlier month/,
    ],
    [
      'an adjustment of a carried credit',
      { adjustments: [{ month: '2026-05', corrects: 'CARRIED_CREDIT', amountCents: 1, reason: 'x' }] },
      'adjustments.0.corrects',
      /COLOCATION/,
    ],
    ['a fraction of a cent', { adjustments: [{ month: '2026-05', corrects: 'COLOCATION', amountCents: 1.5, reason: 'x' }] }, 'adjustments.0.amountCents', /whole/],
    ['a positive carried credit', { carriedTenantCreditCents: 5 }, 'carriedTenantCreditCents', /at most 0/],
  ])('%s', (_, overrides, path, message) => {
    const issues = issuesOf({ ...monthInput(MONTH), ...overrides });
    const issue = issues.find((i) => i.path === path);
    expect(issue).toBeDefined();
    expect(issue!.message).toMatch(message);
  });

  it('says what is wrong in the error message, and lists every field at fault', () => {
    const issues = issuesOf({ ...monthInput(MONTH), terms: { ...NOTE_TERMS, pue: 5, jPerTh: 0 }, carriedTenantCreditCents: 1 });
    expect(issues.map((i) => i.path).sort()).toEqual(['carriedTenantCreditCents', 'terms.jPerTh', 'terms.pue']);
    expect(() => settleMonth({ ...monthInput(MONTH), month: 'June' })).toThrow(/month: month must be a month as YYYY-MM/);
  });

  it('refuses amounts it cannot compute to the cent', () => {
    // Every figure is bounded so that the lines stay exact; only their sum can pass 2^53 cents: here 1,000
    // adjustments of $100 billion each, $100 trillion in all.
    const adjustments = Array.from({ length: 1_000 }, () => ({ month: '2026-05', corrects: 'COLOCATION', amountCents: 1e13, reason: 'x' }));
    const extreme = { adjustments };
    expect(issuesOf({ ...monthInput(MONTH), ...extreme })).toEqual([expect.objectContaining({ path: '', message: expect.stringMatching(/2\^53/) })]);
  });
});
