import fc from 'fast-check';
import { assessReadiness } from './assess.js';
import { ZReadinessSiteInput } from './schema.js';
import { arbSite } from './testing/arbitraries.js';
import { AS_OF, MINING_SHED } from './testing/sites.js';

/** The issues of parsing MINING_SHED with `patch` applied, as [path, message] pairs. */
function issues(patch: Record<string, unknown>): [string, string][] {
  const result = ZReadinessSiteInput.safeParse({ ...MINING_SHED, ...patch });
  if (result.success) return [];
  return result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

describe('ZReadinessSiteInput', () => {
  it('accepts the hand-written sites and any generated valid site', () => {
    expect(ZReadinessSiteInput.safeParse(MINING_SHED).success).toBe(true);
    fc.assert(
      fc.property(arbSite, (site) => {
        expect(ZReadinessSiteInput.safeParse(site).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['energizedMw', -1, 'energizedMw must be at least 0 MW'],
    ['pipelineMw', -0.001, 'pipelineMw must be at least 0 MW'],
    ['transformerMva', -5, 'transformerMva must be at least 0 MVA'],
    ['energizedMw', Number.NaN, 'energizedMw must be a finite number (MW)'],
    ['landAcres', Number.POSITIVE_INFINITY, 'landAcres must be a finite number (acres)'],
    ['miningMw', '30', 'miningMw must be a finite number (MW)'],
    ['latencyToHubMs', -1, 'latencyToHubMs must be at least 0 ms'],
    ['latencyToHubMs', Number.NaN, 'latencyToHubMs must be a finite number of milliseconds, or null'],
    ['maxRackDensityKw', 1.5, 'maxRackDensityKw must be a whole number (kW per rack)'],
    ['skilledStaffCount', -2, 'skilledStaffCount must be at least 0 people'],
    ['coolingType', 'FREON', 'coolingType must be one of AIR, WATER, IMMERSION, DIRECT_TO_CHIP'],
    ['interconnectionStatus', 'LIVE', 'interconnectionStatus must be one of NONE, APPLIED, IN_STUDY, APPROVED, ENERGIZED'],
    ['redundancy', 'N+1', 'redundancy must be one of N, N_PLUS_1, TWO_N'],
    ['permitStatus', 'granted', 'permitStatus must be one of NONE, IN_PROGRESS, GRANTED'],
    ['waterAvailable', 'yes', 'waterAvailable must be true or false'],
    ['liveDate', new Date(Number.NaN), 'liveDate must be a valid Date or an ISO 8601 date (YYYY-MM-DD or a date-time), or null'],
    ['liveDate', '2026-13-45', 'liveDate must be a valid Date or an ISO 8601 date (YYYY-MM-DD or a date-time), or null'],
    ['liveDate', 'soon', 'liveDate must be a valid Date or an ISO 8601 date (YYYY-MM-DD or a date-time), or null'],
  ])('rejects %s = %p with a message naming the field', (field, value, message) => {
    expect(issues({ [field]: value })).toEqual([[field, message]]);
  });

  it('names the missing field', () => {
    const { energizedMw: _dropped, ...rest } = MINING_SHED;
    const result = ZReadinessSiteInput.safeParse(rest);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['energizedMw', 'energizedMw is required']]);
  });

  it('rejects empty carrier names and points at the one', () => {
    expect(issues({ carriers: ['Zayo', '  '] })).toEqual([['carriers.1', 'carriers must not contain empty names']]);
    expect(issues({ carriers: 'Zayo' })).toEqual([['carriers', 'carriers must be a list of carrier names']]);
  });

  it('reports every bad field at once', () => {
    expect(issues({ energizedMw: -1, coolingType: 'FREON' }).map(([path]) => path)).toEqual(['energizedMw', 'coolingType']);
  });

  it('fills the defaults prisma/schema.prisma has, and the result goes straight into the engine', () => {
    const parsed = ZReadinessSiteInput.parse({
      energizedMw: 5,
      interconnectionStatus: 'ENERGIZED',
      coolingType: 'AIR',
      carriers: [' Zayo '],
      redundancy: 'N',
      maxRackDensityKw: 10,
      liveDate: '2024-03-01T00:00:00Z',
    });
    expect(parsed).toEqual({
      energizedMw: 5,
      underConstructionMw: 0,
      pipelineMw: 0,
      interconnectionStatus: 'ENERGIZED',
      substationOnSite: false,
      waterSupplyM3PerDay: null,
      backupPowerMw: null,
      gridOperator: null,
      floorLoadingKgPerM2: null,
      substationMva: null,
      transformerMva: null,
      landAcres: 0,
      waterAvailable: false,
      coolingType: 'AIR',
      darkFiber: false,
      carriers: ['Zayo'],
      nearestHub: null,
      latencyToHubMs: null,
      redundancy: 'N',
      maxRackDensityKw: 10,
      permitStatus: 'NONE',
      skilledStaffCount: 0,
      liveDate: '2024-03-01T00:00:00Z',
      miningMw: 0,
    });
    expect(assessReadiness(parsed, { asOf: AS_OF }).tier).toBe('MINING_ONLY');
  });

  it('drops fields the model does not read (a whole mapped row can be passed)', () => {
    const parsed = ZReadinessSiteInput.parse({ ...MINING_SHED, id: 'x', pue: 1.4, energyPriceCentsPerMwh: 4_500 });
    expect(parsed).not.toHaveProperty('id');
    expect(parsed).not.toHaveProperty('pue');
  });
});
