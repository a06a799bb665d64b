// AI utilisation (fraction of contracted IT MW) for every hour of the year, from any profile kind.
import type { YearCalendar } from '../calendar.js';
import type { TAiProfile, TBlendableProfile } from '../schema.js';
import { fillInference } from './inference.js';
import { fillTraining } from './training.js';

function fillOne(out: Float64Array, cal: YearCalendar, p: TBlendableProfile, weight: number, add: boolean): void {
  switch (p.kind) {
    case 'training':
      return fillTraining(out, cal, p, weight, add);
    case 'inference':
      return fillInference(out, cal, p, weight, add);
    case 'flat': {
      const v = weight * p.utilisation;
      for (let h = 0; h < cal.hours; h++) out[h] = add ? out[h]! + v : v;
      return;
    }
    case 'series': {
      const values = p.values;
      for (let h = 0; h < cal.hours; h++) out[h] = add ? out[h]! + weight * values[h]! : weight * values[h]!;
      return;
    }
  }
}

/** Writes utilisation 0..1 into out[0..hours). A blend is the weighted mean of its components. */
export function fillAiUtilisation(out: Float64Array, cal: YearCalendar, profile: TAiProfile): void {
  if (profile.kind !== 'blend') return fillOne(out, cal, profile, 1, false);
  const total = profile.components.reduce((s, c) => s + c.weight, 0);
  out.fill(0, 0, cal.hours);
  for (const c of profile.components) fillOne(out, cal, c.profile, c.weight / total, true);
  // Normalised weights can sum to 1 + 1 ulp; the load must never exceed the contracted MW.
  for (let h = 0; h < cal.hours; h++) if (out[h]! > 1) out[h] = 1;
}
