import type { Criterion } from './criterion.js';
import { backupPower } from './backup-power.js';
import { floorLoading } from './floor-loading.js';
import { cooling } from './cooling.js';
import { density } from './density.js';
import { electrical } from './electrical.js';
import { landPermits } from './land-permits.js';
import { network } from './network.js';
import { power } from './power.js';
import { redundancy } from './redundancy.js';
import { timeToPower } from './time-to-power.js';
import { workforce } from './workforce.js';

/** Every criterion, in the order results list them. */
export const CRITERIA: readonly Criterion[] = [
  power,
  electrical,
  cooling,
  network,
  redundancy,
  density,
  landPermits,
  backupPower,
  floorLoading,
  workforce,
  timeToPower,
];
