import { yearCalendar } from '../calendar.js';
import { DEFAULT_REVENUE_INPUT, DEFAULT_TRAINING_PROFILE } from '../defaults.js';
import type { TAiProfile, TInferenceProfile } from '../schema.js';
import { seededSeries } from '../testing/arbitrary-input.js';
import { fillAiUtilisation } from './index.js';
import { dailyCycleLevels, inferenceTable } from './inference.js';

const cal2025 = yearCalendar('2025-01-01'); // starts on a Wednesday
const inference = DEFAULT_REVENUE_INPUT.aiLoad.profile as TInferenceProfile;

function utilisation(profile: TAiProfile, cal = cal2025): Float64Array {
  const out = new Float64Array(cal.hours);
  fillAiUtilisation(out, cal, profile);
  return out;
}

const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;

describe('training profile', () => {
  it('runs ~80% of hours with one checkpoint hour in five, idle at 20% otherwise', () => {
    const u = utilisation(DEFAULT_TRAINING_PROFILE);
    // First job cycle: 96 h running (hours 4, 9, 14... dip to 0.2), then 24 h idle at 0.2.
    expect(u[0]).toBe(0.9);
    expect(u[4]).toBeCloseTo(0.2, 12);
    expect(u[5]).toBe(0.9);
    expect(u.slice(96, 120).every((v) => v === 0.2)).toBe(true);
    expect(u[120]).toBe(0.9);
    // Running 80% of hours at (4 x 0.9 + 0.2) / 5 = 0.76, idle 20% at 0.2.
    expect(mean(u)).toBeCloseTo(0.8 * 0.76 + 0.2 * 0.2, 2);
  });

  it('stays flat with no checkpoints and full availability', () => {
    const u = utilisation({ ...DEFAULT_TRAINING_PROFILE, checkpointDurationHours: 0, availability: 1 });
    expect(u.every((v) => v === 0.9)).toBe(true);
  });
});

describe('inference profile', () => {
  it('peaks 8am-2pm local, troughs midnight-6am, ramps between', () => {
    const levels = dailyCycleLevels(inference);
    expect(Array.from(levels.slice(8, 14))).toEqual([1, 1, 1, 1, 1, 1]);
    expect(Array.from(levels.slice(0, 6))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(levels[6]).toBeCloseTo(1 / 3, 12);
    expect(levels[7]).toBeCloseTo(2 / 3, 12);
    expect(levels[14]).toBeCloseTo(1 - 1 / 11, 12);
    expect(levels[23]).toBeCloseTo(1 / 11, 12);
  });

  it('has a 2:1 peak-to-trough day and weekends 25% lower', () => {
    const t = inferenceTable(inference);
    expect(t[10]).toBe(0.9);
    expect(t[3]).toBe(0.45);
    expect(t[24 + 10]).toBeCloseTo(0.675, 12);
    expect(t[24 + 3]).toBeCloseTo(0.3375, 12);
  });

  it('places the peak by the UTC offset and the weekend by the local day', () => {
    const u = utilisation(inference);
    // UTC-5: local 8am on Wednesday 1 January 2025 is 13:00 UTC; local midnight is 05:00 UTC.
    expect(u[13]).toBe(0.9);
    expect(u[12]).toBeLessThan(0.9);
    expect(u[5]).toBe(0.45);
    // Local Saturday 4 January starts at 05:00 UTC on the 4th, hour 3 x 24 + 5 = 77.
    expect(u[76]).toBeCloseTo(0.9 * (1 - 0.5 * (1 - 1 / 11)), 12); // Friday 23:00 local, a weekday
    expect(u[77]).toBeCloseTo(0.3375, 12); // Saturday midnight local: weekend trough
    expect(u[77 + 10]).toBeCloseTo(0.675, 12); // Saturday 10am local
    expect(u[77 + 2 * 24 + 10]).toBe(0.9); // Monday 10am local
    // The first hours (19:00-23:00 local on 31 December, a Tuesday) are weekday hours.
    expect(u[0]).toBeCloseTo(0.9 * (1 - 0.5 * (1 - (1 - 6 / 11))), 12);
  });
});

describe('flat, series and blend', () => {
  it('copies an uploaded series and a flat level', () => {
    const values = seededSeries(7, 8_760, 0, 1);
    expect(Array.from(utilisation({ kind: 'series', values }))).toEqual(values);
    expect(utilisation({ kind: 'flat', utilisation: 0.42 }).every((v) => v === 0.42)).toBe(true);
  });

  it('blends by normalised weights and never exceeds 1', () => {
    const u = utilisation({
      kind: 'blend',
      components: [
        { weight: 3, profile: { kind: 'flat', utilisation: 1 } },
        { weight: 1, profile: { kind: 'flat', utilisation: 0.2 } },
      ],
    });
    expect(u[0]).toBeCloseTo(0.8, 12);
    const ones = utilisation({
      kind: 'blend',
      components: [0.1, 0.2, 0.7].map((weight) => ({ weight, profile: { kind: 'flat' as const, utilisation: 1 } })),
    });
    expect(ones.every((v) => v <= 1)).toBe(true);
  });
});
