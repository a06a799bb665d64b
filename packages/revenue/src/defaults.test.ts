import { DEFAULT_REVENUE_INPUT, DEFAULT_TRAINING_PROFILE, DEFAULT_TRAINING_PROFILE_SOURCES, REVENUE_DEFAULT_SOURCES } from './defaults.js';
import { ZRevenueInput } from './schema.js';

function numericPaths(value: unknown, path: string): string[] {
  if (typeof value === 'number') return [path];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => numericPaths(v, path ? `${path}.${k}` : k));
}

describe('defaults', () => {
  it('pass the schema, alone and with the training profile', () => {
    expect(ZRevenueInput.safeParse(DEFAULT_REVENUE_INPUT).success).toBe(true);
    const training = { ...DEFAULT_REVENUE_INPUT, aiLoad: { ...DEFAULT_REVENUE_INPUT.aiLoad, profile: DEFAULT_TRAINING_PROFILE } };
    expect(ZRevenueInput.safeParse(training).success).toBe(true);
  });

  it('give a source for every numeric default, and no source for a field that does not exist', () => {
    const paths = numericPaths(DEFAULT_REVENUE_INPUT, '');
    // A null default (no ramp limit) is a choice too.
    paths.push('mining.rampMwPerHour', 'mining.rampDownMwPerHour');
    expect(paths.filter((p) => !(p in REVENUE_DEFAULT_SOURCES))).toEqual([]);
    expect(Object.keys(REVENUE_DEFAULT_SOURCES).filter((p) => !paths.includes(p))).toEqual([]);
    const training = numericPaths(DEFAULT_TRAINING_PROFILE, '');
    expect(training.filter((p) => !(p in DEFAULT_TRAINING_PROFILE_SOURCES))).toEqual([]);
    expect(Object.keys(DEFAULT_TRAINING_PROFILE_SOURCES).filter((p) => !training.includes(p))).toEqual([]);
  });

  it('are frozen so no caller can change them for everyone', () => {
    expect(Object.isFrozen(DEFAULT_REVENUE_INPUT.mining)).toBe(true);
    expect(() => {
      (DEFAULT_REVENUE_INPUT.mining as { jPerTh: number }).jPerTh = 1;
    }).toThrow(TypeError);
  });
});
