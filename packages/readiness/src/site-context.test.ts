import { buildSiteContext, countDistinctCarriers, toEpochMs } from './site-context.js';
import { MID_SITE } from './testing/sites.js';

describe('countDistinctCarriers', () => {
  it('counts names once whatever their case', () => {
    expect(countDistinctCarriers([])).toBe(0);
    expect(countDistinctCarriers(['Zayo', 'zayo', 'ZAYO'])).toBe(1);
    expect(countDistinctCarriers(['Zayo', 'AT&T', 'Lumen'])).toBe(3);
    expect(countDistinctCarriers(['AT&T', 'at&t', 'AT-T'])).toBe(2);
    expect(countDistinctCarriers(['Télécom', 'TÉLÉCOM', 'Telecom'])).toBe(2);
  });
});

describe('toEpochMs', () => {
  it('reads Dates, date-only and date-time strings', () => {
    expect(toEpochMs('2026-11-21')).toBe(Date.UTC(2026, 10, 21));
    expect(toEpochMs('2026-11-21T06:00:00Z')).toBe(Date.UTC(2026, 10, 21, 6));
    expect(toEpochMs(new Date(Date.UTC(2026, 0, 1)))).toBe(Date.UTC(2026, 0, 1));
    expect(toEpochMs('1999-12-31')).toBe(Date.parse('1999-12-31'));
  });

  it('gives NaN for missing or unreadable dates', () => {
    expect(toEpochMs(null)).toBeNaN();
    expect(toEpochMs(undefined)).toBeNaN();
    expect(toEpochMs('2026-1x-21')).toBeNaN();
    expect(toEpochMs('not a date')).toBeNaN();
  });
});

describe('buildSiteContext', () => {
  const asOf = Date.UTC(2026, 10, 21);

  it('converts energized + under-construction MW, or the pipeline when both are 0', () => {
    expect(buildSiteContext({ ...MID_SITE, energizedMw: 60, underConstructionMw: 20, pipelineMw: 500 }, asOf).siteMw).toBe(80);
    expect(buildSiteContext({ ...MID_SITE, energizedMw: 0, underConstructionMw: 0, pipelineMw: 500 }, asOf).siteMw).toBe(500);
    expect(buildSiteContext(MID_SITE, asOf).itMw).toBe(75);
  });

  it('takes the later of the live date and the status floor', () => {
    const approved = { ...MID_SITE, interconnectionStatus: 'APPROVED' as const };
    expect(buildSiteContext({ ...approved, liveDate: '2027-11-21' }, asOf).monthsToPower).toBeCloseTo(12, 1);
    expect(buildSiteContext({ ...approved, liveDate: '2026-12-01' }, asOf)).toMatchObject({ monthsToPower: 6, monthsToPowerBasis: 'floor' });
    expect(buildSiteContext({ ...approved, liveDate: null }, asOf)).toMatchObject({ monthsToPower: 12, monthsToPowerBasis: 'noLiveDate' });
    expect(buildSiteContext({ ...approved, liveDate: '2027-11-21' }, Number.NaN)).toMatchObject({ monthsToPower: 12, monthsToPowerBasis: 'noAsOf' });
  });
});
