// The batch rules of docs/settlement.md "Readings", on a 40 MW deal from 2026-06-01 for 12 months at a
// 120 MW site (contracted 40,000 kW; interconnection 120,000 kW), checked at 2026-12-02 00:00 UTC.
import { addMonths, toMeterDealContext } from './meter-context';
import { type ReadingRow, type RuleInputs, type StoredReading, checkReadings, storedRangeNeeded } from './meter-rules';

const NOW = new Date('2026-12-02T00:00:00Z');
const deal = (mwChanges: { effectiveOn: string; fromMw: number; toMw: number }[] = [], endedAt: Date | null = null) =>
  toMeterDealContext('deal', {
    role: 'HOST',
    status: 'ACTIVE',
    hostOrgId: 'host',
    tenantOrgId: 'tenant',
    startDate: new Date('2026-06-01T00:00:00Z'),
    termMonths: 12,
    endedAt,
    mw: mwChanges.length ? mwChanges.at(-1)!.toMw : 40,
    interconnectionMw: 120,
    mwChanges,
  });

const inputs = (overrides: Partial<RuleInputs> = {}): RuleInputs => ({ deal: deal(), now: NOW, storedMinutes: {}, stored: [], ...overrides });
const at = (iso: string) => new Date(iso);
const row = (channel: ReadingRow['channel'], start: string, value: { kw?: number | null; kwh?: number | null }, intervalMinutes = 15): ReadingRow => ({
  channel,
  intervalStart: at(start),
  intervalMinutes,
  ...value,
});
const stored = (channel: StoredReading['channel'], start: string, kw: number, intervalMinutes = 15): StoredReading => ({
  channel,
  intervalStart: at(start),
  intervalMinutes,
  kwh: (kw * intervalMinutes) / 60,
});

function firstIssue(rows: ReadingRow[], ruleInputs = inputs()) {
  const result = checkReadings(rows, ruleInputs);
  return result.ok ? null : result.issues[0];
}

describe('checkReadings', () => {
  const ok = row('AI_IT', '2026-07-01T10:00:00Z', { kw: 30_000 });

  it('accepts a valid batch and gives the ingest its arrays as literals (kW × minutes / 60 as kWh)', () => {
    const result = checkReadings([ok, row('MINING', '2026-08-31T23:00:00Z', { kwh: 20_000.12345 }, 60), row('SITE_IMPORT', '2026-07-01T10:00:00Z', { kw: 100_000 })], inputs());
    expect(result).toEqual({
      ok: true,
      arrays: {
        channels: '{AI_IT,MINING,SITE_IMPORT}',
        startsMs: `{${Date.UTC(2026, 6, 1, 10)},${Date.UTC(2026, 7, 31, 23)},${Date.UTC(2026, 6, 1, 10)}}`,
        minutes: '{15,60,15}',
        kwhs: '{7500,20000.12345,25000}',
      },
    });
  });

  it.each([
    ['both kWh and kW', row('AI_IT', '2026-07-01T10:00:00Z', { kwh: 1, kw: 4 }), 'kwh', /exactly one of kwh/],
    ['neither kWh nor kW', row('AI_IT', '2026-07-01T10:00:00Z', { kwh: null }), 'kwh', /exactly one of kwh/],
    ['a 30-minute interval', row('AI_IT', '2026-07-01T10:00:00Z', { kw: 1 }, 30), 'intervalMinutes', /15 or 60/],
    ['an implausible value', row('SITE_IMPORT', '2026-07-01T10:00:00Z', { kwh: 1e11 }), 'kwh', /not a plausible reading/],
    ['a negative kWh', row('AI_IT', '2026-07-01T10:00:00Z', { kwh: -1 }), 'kwh', /0 or more/],
    ['a negative kW', row('MINING', '2026-07-01T10:00:00Z', { kw: -0.5 }), 'kw', /0 or more/],
    ['a start off the quarter hour', row('AI_IT', '2026-07-01T10:07:00Z', { kw: 1 }), 'intervalStart', /whole 15 minutes/],
    ['a start with seconds', row('AI_IT', '2026-07-01T10:15:30Z', { kw: 1 }), 'intervalStart', /seconds 0/],
    ['an hourly reading at :15', row('AI_IT', '2026-07-01T10:15:00Z', { kw: 1 }, 60), 'intervalStart', /whole 60 minutes \(:00/],
    ['an interval ending after now', row('MINING', '2026-12-02T00:00:00Z', { kw: 1 }), 'intervalStart', /ends in the future/],
    ['a reading before the start date', row('AI_IT', '2026-05-31T23:45:00Z', { kw: 1 }), 'intervalStart', /outside the deal's active period/],
    ['AI above contracted + 2%', row('AI_IT', '2026-07-01T10:15:00Z', { kw: 40_800.01 }), 'kw', /above the contracted 40000 kW \+ 2%/],
    ['site import above interconnection + 2%', row('SITE_IMPORT', '2026-07-01T10:00:00Z', { kwh: 30_600.01 }), 'kwh', /above the interconnection 120000 kW/],
    ['mining above the interconnection alone', row('MINING', '2026-07-01T10:15:00Z', { kw: 120_001 }), 'kw', /above the 120000 kW the interconnection/],
  ])('refuses %s, naming the field', (_label, bad, field, message) => {
    expect(firstIssue([ok, bad])).toEqual({ index: 1, field, message: expect.stringMatching(message) });
  });

  it('accepts AI_IT at exactly the contracted kW + 2%, site import at the interconnection + 2%, an interval ending now', () => {
    expect(firstIssue([row('AI_IT', '2026-07-01T10:00:00Z', { kw: 40_800 }), row('SITE_IMPORT', '2026-07-01T10:00:00Z', { kw: 122_400 })])).toBeNull();
    expect(firstIssue([row('AI_IT', '2026-12-01T23:00:00Z', { kw: 1 }, 60)])).toBeNull();
  });

  it('refuses a reading after the deal ended, and after its term', () => {
    const ended = inputs({ deal: deal([], at('2026-09-15T12:00:00Z')) });
    expect(firstIssue([row('AI_IT', '2026-09-15T12:00:00Z', { kw: 1 })], ended)?.message).toMatch(/outside the deal's active period/);
    expect(firstIssue([row('AI_IT', '2026-09-15T11:45:00Z', { kw: 1 })], ended)).toBeNull();
    const termEnded = inputs({ now: at('2027-07-01T00:00:00Z') });
    expect(firstIssue([row('AI_IT', '2027-06-01T00:00:00Z', { kw: 1 })], termEnded)?.field).toBe('intervalStart');
    expect(firstIssue([row('AI_IT', '2027-05-31T23:45:00Z', { kw: 1 })], termEnded)).toBeNull();
  });

  it('refuses the same channel and start twice in a batch, naming the second and the first', () => {
    expect(firstIssue([ok, row('MINING', '2026-07-01T10:00:00Z', { kw: 1 }), { ...ok, kw: 1 }])).toEqual({
      index: 2,
      field: 'intervalStart',
      message: 'appears twice in the batch for AI_IT (also row 0)',
    });
  });

  it('holds a channel to one interval length: the stored one, else the batch’s first', () => {
    expect(firstIssue([row('AI_IT', '2026-07-01T11:00:00Z', { kw: 1 }, 60)], inputs({ storedMinutes: { AI_IT: 15 } }))).toEqual({
      index: 0,
      field: 'intervalMinutes',
      message: 'must be 15: AI_IT readings of this deal are 15-minute (as stored)',
    });
    expect(firstIssue([ok, row('AI_IT', '2026-07-01T11:00:00Z', { kw: 1 }, 60)])?.message).toBe('must be 15: AI_IT readings of this deal are 15-minute (as in row 0)');
    expect(firstIssue([row('MINING', '2026-07-01T11:00:00Z', { kw: 1 }, 60)], inputs({ storedMinutes: { AI_IT: 15 } }))).toBeNull();
  });

  it('caps AI_IT by the MW in force that day after an agreed change', () => {
    const resized = inputs({ deal: deal([{ effectiveOn: '2026-09-01', fromMw: 40, toMw: 20 }]) });
    expect(firstIssue([row('AI_IT', '2026-08-31T23:45:00Z', { kw: 40_000 })], resized)).toBeNull();
    expect(firstIssue([row('AI_IT', '2026-09-01T00:00:00Z', { kw: 20_401 })], resized)?.message).toMatch(/contracted 20000 kW/);
  });

  describe('mining beside AI', () => {
    it('refuses mining above the interconnection less the same interval’s AI in the batch', () => {
      const ai = row('AI_IT', '2026-07-01T10:00:00Z', { kw: 40_000 });
      expect(firstIssue([ai, row('MINING', '2026-07-01T10:00:00Z', { kw: 80_000 })])).toBeNull();
      expect(firstIssue([ai, row('MINING', '2026-07-01T10:00:00Z', { kw: 80_001 })])).toEqual({
        index: 1,
        field: 'kw',
        message: 'average 80001 kW is above the 80000 kW the interconnection (120000 kW) leaves beside AI_IT',
      });
    });

    it('uses stored AI, the batch’s AI over it, and averages AI over an hourly mining interval', () => {
      const storedAi = inputs({ stored: [stored('AI_IT', '2026-07-01T10:00:00Z', 40_000, 60)] });
      expect(firstIssue([row('MINING', '2026-07-01T10:45:00Z', { kw: 80_001 })], storedAi)?.field).toBe('kw');
      expect(firstIssue([row('AI_IT', '2026-07-01T10:45:00Z', { kw: 0 }), row('MINING', '2026-07-01T10:45:00Z', { kw: 120_000 })], storedAi)).toBeNull();
      // AI at 40,000 kW for two quarters and 0 for two: 20,000 on average, so 100,000 kW of room.
      const halfHour = [row('AI_IT', '2026-07-01T12:00:00Z', { kw: 40_000 }), row('AI_IT', '2026-07-01T12:15:00Z', { kw: 40_000 })];
      expect(firstIssue([...halfHour, row('MINING', '2026-07-01T12:00:00Z', { kw: 100_000 }, 60)], inputs({ storedMinutes: { MINING: 60 } }))).toBeNull();
      expect(firstIssue([...halfHour, row('MINING', '2026-07-01T12:00:00Z', { kw: 100_001 }, 60)])?.index).toBe(2);
    });

    it('refuses AI that would push a stored mining reading over the interconnection, naming the AI row', () => {
      const storedMining = inputs({ stored: [stored('MINING', '2026-07-01T10:00:00Z', 90_000)] });
      expect(firstIssue([row('AI_IT', '2026-07-01T10:00:00Z', { kw: 30_000 })], storedMining)).toBeNull();
      expect(firstIssue([row('AI_IT', '2026-07-01T10:00:00Z', { kw: 30_001 })], storedMining)).toEqual({
        index: 0,
        field: 'kw',
        message: expect.stringMatching(/leaves 89999 kW of the interconnection beside it, below the stored MINING reading of 90000 kW/),
      });
      // Unless the same batch corrects that mining reading too.
      expect(firstIssue([row('AI_IT', '2026-07-01T10:00:00Z', { kw: 40_000 }), row('MINING', '2026-07-01T10:00:00Z', { kw: 80_000 })], storedMining)).toBeNull();
    });
  });

  it('reports at most the given number of issues', () => {
    const rows = Array.from({ length: 20 }, (_, i) => row('AI_IT', new Date(Date.UTC(2026, 6, 1, 10, i * 15)).toISOString(), { kw: -1 }));
    const result = checkReadings(rows, inputs(), 5);
    expect(result.ok ? [] : result.issues.map((issue) => issue.index)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('storedRangeNeeded', () => {
  it('is nothing when the batch has AI_IT and MINING for the same slots, whatever their lengths', () => {
    const hourOfAi = [0, 15, 30, 45].map((m) => row('AI_IT', `2026-07-01T10:${String(m).padStart(2, '0')}:00Z`, { kw: 1 }));
    expect(storedRangeNeeded([...hourOfAi, row('MINING', '2026-07-01T10:00:00Z', { kw: 1 }, 60), row('SITE_IMPORT', '2026-07-01T12:00:00Z', { kw: 1 })])).toBeNull();
  });

  it('covers the slots with one channel only, from 45 minutes before (a stored hourly reading may begin there)', () => {
    const rows = [row('AI_IT', '2026-07-01T10:00:00Z', { kw: 1 }), row('MINING', '2026-07-01T10:00:00Z', { kw: 1 }), row('MINING', '2026-07-01T11:00:00Z', { kw: 1 }), row('AI_IT', '2026-07-01T12:30:00Z', { kw: 1 })];
    expect(storedRangeNeeded(rows)).toEqual({ fromMs: Date.UTC(2026, 6, 1, 10, 15), untilMs: Date.UTC(2026, 6, 1, 12, 45) });
  });
});

describe('addMonths', () => {
  it('adds calendar months in UTC, clamping the day to the month', () => {
    expect(addMonths(at('2026-06-01T00:00:00Z'), 120).toISOString()).toBe('2036-06-01T00:00:00.000Z');
    expect(addMonths(at('2026-01-31T00:00:00Z'), 1).toISOString()).toBe('2026-02-28T00:00:00.000Z');
  });
});
