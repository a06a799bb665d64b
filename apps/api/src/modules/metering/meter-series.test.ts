import { findGaps, hourlySeries } from './meter-series';

const at = (iso: string) => new Date(iso);

describe('hourlySeries', () => {
  it('gives every hour its average MW per channel, and null for an hour with incomplete data', () => {
    const hours = hourlySeries(at('2026-07-01T00:00:00Z'), at('2026-07-01T03:00:00Z'), [
      { hour: at('2026-07-01T00:00:00Z'), channel: 'AI_IT', kwh: 30_250, minutes: 60 },
      { hour: at('2026-07-01T00:00:00Z'), channel: 'MINING', kwh: 37_500, minutes: 45 },
      { hour: at('2026-07-01T02:00:00Z'), channel: 'SITE_IMPORT', kwh: 90_000.4, minutes: 60 },
    ]);
    expect(hours).toEqual([
      { hour: at('2026-07-01T00:00:00Z'), aiItMw: 30.25, miningMw: null, siteImportMw: null },
      { hour: at('2026-07-01T01:00:00Z'), aiItMw: null, miningMw: null, siteImportMw: null },
      { hour: at('2026-07-01T02:00:00Z'), aiItMw: null, miningMw: null, siteImportMw: 90 },
    ]);
  });

  it('has 744 hours in July and 720 in June', () => {
    expect(hourlySeries(at('2026-07-01T00:00:00Z'), at('2026-08-01T00:00:00Z'), [])).toHaveLength(744);
    expect(hourlySeries(at('2026-06-01T00:00:00Z'), at('2026-07-01T00:00:00Z'), [])).toHaveLength(720);
  });
});

describe('findGaps', () => {
  const quarter = (start: string) => ({ channel: 'AI_IT' as const, intervalStart: at(start), intervalMinutes: 15 });

  it('reports the stretches no reading covers: before, between and after', () => {
    expect(findGaps('AI_IT', at('2026-07-01T00:00:00Z'), at('2026-07-01T02:00:00Z'), [quarter('2026-07-01T00:30:00Z'), quarter('2026-07-01T00:45:00Z'), quarter('2026-07-01T01:15:00Z')])).toEqual([
      { channel: 'AI_IT', from: at('2026-07-01T00:00:00Z'), until: at('2026-07-01T00:30:00Z') },
      { channel: 'AI_IT', from: at('2026-07-01T01:00:00Z'), until: at('2026-07-01T01:15:00Z') },
      { channel: 'AI_IT', from: at('2026-07-01T01:30:00Z'), until: at('2026-07-01T02:00:00Z') },
    ]);
  });

  it('reports nothing when the readings cover the window, and all of it when there are none', () => {
    const window = [at('2026-07-01T00:00:00Z'), at('2026-07-01T00:30:00Z')] as const;
    expect(findGaps('AI_IT', ...window, [quarter('2026-07-01T00:00:00Z'), quarter('2026-07-01T00:15:00Z')])).toEqual([]);
    expect(findGaps('MINING', ...window, [])).toEqual([{ channel: 'MINING', from: window[0], until: window[1] }]);
  });
});
