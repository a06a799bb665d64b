// Inference load: a daily cycle that follows its users (weekday peak ~8am-2pm US Eastern, trough
// midnight-6am; Azure LLM inference trace 2024), lower at weekends.
import { fillFromLocalTable, mod, type YearCalendar } from '../calendar.js';
import type { TInferenceProfile } from '../schema.js';

const inWindow = (h: number, start: number, end: number) => mod(h - start, 24) < mod(end - start, 24);

/**
 * Level of the daily cycle at each local hour, 1 in the peak window, 0 in the trough window, and straight
 * lines between them (the last trough hour and the first peak hour are the ends of the rising line).
 */
export function dailyCycleLevels(p: TInferenceProfile): Float64Array {
  const levels = new Float64Array(24);
  for (let h = 0; h < 24; h++) {
    if (inWindow(h, p.peakStartHour, p.peakEndHour)) levels[h] = 1;
    else if (inWindow(h, p.troughStartHour, p.troughEndHour)) levels[h] = 0;
    else if (inWindow(h, p.troughEndHour, p.peakStartHour)) {
      levels[h] = (mod(h - p.troughEndHour, 24) + 1) / (mod(p.peakStartHour - p.troughEndHour, 24) + 1);
    } else {
      levels[h] = 1 - (mod(h - p.peakEndHour, 24) + 1) / (mod(p.troughStartHour - p.peakEndHour, 24) + 1);
    }
  }
  return levels;
}

/** Utilisation for local hours 0-23 of a weekday, then of a weekend day. */
export function inferenceTable(p: TInferenceProfile): Float64Array {
  const levels = dailyCycleLevels(p);
  const table = new Float64Array(48);
  for (let h = 0; h < 24; h++) {
    const weekday = p.peakUtilisation * (1 - p.troughDepth * (1 - levels[h]!));
    table[h] = weekday;
    table[24 + h] = weekday * (1 - p.weekendReduction);
  }
  return table;
}

export function fillInference(
  out: Float64Array,
  cal: YearCalendar,
  p: TInferenceProfile,
  weight: number,
  add: boolean,
): void {
  fillFromLocalTable(out, cal, p.utcOffsetHours, inferenceTable(p), weight, add);
}
