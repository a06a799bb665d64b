// Training load: near nameplate while a job runs, with periodic checkpoint dips, and idle gaps between jobs.
// At hourly resolution the sub-second swings of synchronised GPUs average out; what is left are the
// checkpoint/communication dips and the hours between jobs.
import type { YearCalendar } from '../calendar.js';
import type { TTrainingProfile } from '../schema.js';

/**
 * Writes (or adds) weight x utilisation for every hour. Jobs repeat every `jobCycleHours`: the first
 * round(availability x cycle) hours run, the rest idle at `idleUtilisation`. Inside a running hour, the last
 * `checkpointDurationHours` of every `checkpointPeriodHours` dip by `checkpointDepth` (fraction of nameplate).
 */
export function fillTraining(
  out: Float64Array,
  cal: YearCalendar,
  p: TTrainingProfile,
  weight: number,
  add: boolean,
): void {
  const runHours = Math.round(p.availability * p.jobCycleHours);
  const dipFrom = p.checkpointPeriodHours - p.checkpointDurationHours;
  const busy = weight * p.busyUtilisation;
  const dip = weight * (p.busyUtilisation - p.checkpointDepth);
  const idle = weight * p.idleUtilisation;
  let cyclePos = 0;
  let periodPos = 0;
  for (let h = 0; h < cal.hours; h++) {
    const v = cyclePos >= runHours ? idle : periodPos >= dipFrom ? dip : busy;
    out[h] = add ? out[h]! + v : v;
    if (++cyclePos === p.jobCycleHours) cyclePos = 0;
    if (++periodPos === p.checkpointPeriodHours) periodPos = 0;
  }
}
