// The demo deal's load shapes keep the note's figures (../shared/notes/domain-figures.md) and the meters' rules.
import { type DemoEvent, demoMeteredHours, inferenceUtilisation } from './demo-load-profile';

const TERMS = { contractedMw: 50, pue: 1.22 };
const SEPTEMBER = [new Date('2026-09-01T00:00:00Z'), new Date('2026-10-01T00:00:00Z')] as const;

describe('inference utilisation', () => {
  it('peaks late morning US Eastern and troughs at night, 2:1, weekends lower', () => {
    expect(inferenceUtilisation(11, false)).toBeCloseTo(0.9);
    expect(inferenceUtilisation(2, false)).toBeCloseTo(0.45);
    expect(inferenceUtilisation(11, false) / inferenceUtilisation(2, false)).toBeCloseTo(2);
    expect(inferenceUtilisation(11, true)).toBeLessThan(inferenceUtilisation(11, false));
  });
});

describe('metered hours', () => {
  const hours = demoMeteredHours(TERMS, [], ...SEPTEMBER);

  it('has one hour per hour of the month, AI within the contract and mining within the reserved headroom', () => {
    expect(hours).toHaveLength(720);
    for (const { aiMw, miningMw } of hours) {
      expect(aiMw).toBeGreaterThan(0);
      expect(aiMw).toBeLessThanOrEqual(TERMS.contractedMw);
      expect(miningMw).toBeLessThanOrEqual((TERMS.contractedMw - aiMw) * TERMS.pue + 1e-9);
    }
  });

  it('backfills more at night than at the day peak', () => {
    const at = (iso: string) => hours.find((h) => h.hour.toISOString() === iso)!;
    expect(at('2026-09-02T07:00:00.000Z').miningMw).toBeGreaterThan(at('2026-09-02T16:00:00.000Z').miningMw);
  });

  it('is the same on every run (a re-seed sends identical readings)', () => {
    expect(demoMeteredHours(TERMS, [], ...SEPTEMBER)).toEqual(hours);
  });

  it('takes an AI event’s MW off the AI reading, and stops mining during a mining event', () => {
    const events: DemoEvent[] = [
      { cause: 'FACILITY', channel: 'AI_IT', startsAt: new Date('2026-09-09T14:00:00Z'), endsAt: new Date('2026-09-09T17:00:00Z'), mwAffected: 50, note: '' },
      { cause: 'PRICE', channel: 'MINING', startsAt: new Date('2026-09-23T19:00:00Z'), endsAt: new Date('2026-09-23T19:30:00Z'), mwAffected: 30, note: '' },
    ];
    const withEvents = demoMeteredHours(TERMS, events, ...SEPTEMBER);
    const at = (list: typeof hours, iso: string) => list.find((h) => h.hour.toISOString() === iso)!;
    expect(at(withEvents, '2026-09-09T15:00:00.000Z').aiMw).toBe(0);
    const price = at(withEvents, '2026-09-23T19:00:00.000Z');
    expect(price.miningMw).toBeCloseTo(at(hours, '2026-09-23T19:00:00.000Z').miningMw / 2, 2);
  });
});
