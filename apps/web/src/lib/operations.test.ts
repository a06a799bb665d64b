// What the operations page draws from the API's answers.
import { agreedPue, dealMonths, defaultMonth, detailRows, isMonth, operationsHours } from './operations';

describe('months of a deal', () => {
  const now = new Date('2026-12-03T06:00:00Z');

  it('runs from the start month to now (or the term’s last month), newest first', () => {
    expect(dealMonths('2026-09-01', 120, now)).toEqual(['2026-12', '2026-11', '2026-10', '2026-09']);
    expect(dealMonths('2026-01-15', 3, now)).toEqual(['2026-03', '2026-02', '2026-01']);
    expect(dealMonths('2027-01-01', 12, now)).toEqual([]);
  });

  it('shows the last full month by default, else the only one', () => {
    expect(defaultMonth(['2026-12', '2026-11', '2026-10'], now)).toBe('2026-11');
    expect(defaultMonth(['2026-12'], now)).toBe('2026-12');
    expect(defaultMonth([], now)).toBeUndefined();
  });

  it('accepts only YYYY-MM months', () => {
    expect(isMonth('2026-11')).toBe(true);
    for (const bad of ['2026-13', '2026-1', 'november', undefined]) expect(isMonth(bad)).toBe(false);
  });
});

describe('hours of the chart', () => {
  const series = [
    { hour: '2026-11-12T09:00:00Z', aiItMw: 0, miningMw: 0 },
    { hour: '2026-11-12T14:00:00Z', aiItMw: 40, miningMw: 6 },
    { hour: '2026-11-12T15:00:00Z', aiItMw: null, miningMw: 10 },
  ];
  const events = [
    { cause: 'FACILITY' as const, startsAt: '2026-11-12T09:00:00Z', endsAt: '2026-11-12T14:00:00Z', mwAffected: 50, status: 'DISPUTED' },
    { cause: 'PRICE' as const, startsAt: '2026-11-12T14:30:00Z', endsAt: '2026-11-12T16:00:00Z', mwAffected: 20, status: 'RECORDED' },
    { cause: 'GRID_EMERGENCY' as const, startsAt: '2026-11-12T09:00:00Z', endsAt: '2026-11-12T10:00:00Z', mwAffected: 30, status: 'WITHDRAWN' },
  ];
  const hours = operationsHours(series, events, 50, 1.2);

  it('colours curtailment by cause, pro rata of the hour, withdrawn events left out', () => {
    expect(hours[0]!.curtailedMw).toMatchObject({ FACILITY: 50, GRID_EMERGENCY: 0 });
    expect(hours[1]!.curtailedMw).toMatchObject({ FACILITY: 0, PRICE: 10 });
  });

  it('idle is the reserved facility power neither the AI load nor the fleet used; a gap draws nothing', () => {
    expect(hours[1]!.idleMw).toBeCloseTo((50 - 40) * 1.2 - 6);
    expect(hours[2]).toMatchObject({ aiMw: null, idleMw: null });
  });
});

describe('agreement and line figures', () => {
  it('reads the agreed PUE, 1 when absent or absurd', () => {
    expect(agreedPue({ site: { pue: 1.22 } })).toBe(1.22);
    expect(agreedPue({})).toBe(1);
    expect(agreedPue({ site: { pue: 0.5 } })).toBe(1);
  });

  it('shows a line’s detail as key and value, nested values as JSON', () => {
    expect(detailRows({ kwDays: 1500000, tier: { creditPct: 10 } })).toEqual([['kwDays', '1500000'], ['tier', '{"creditPct":10}']]);
    expect(detailRows(null)).toEqual([]);
  });
});
