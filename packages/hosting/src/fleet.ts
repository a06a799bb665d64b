import { asicModel, asicPowerKw } from './asics.js';
import type { FleetSpec, HostingCooling, ResolvedFleet } from './types.js';

/** A fleet as MW, hashrate and efficiency: from its machines, or as the fleet stated them. */
export function resolveFleet(fleet: FleetSpec): ResolvedFleet {
  if (fleet.kind === 'POWER') {
    return { mw: fleet.mw, hashrateThs: (fleet.mw * 1e6) / fleet.jPerTh, jPerTh: fleet.jPerTh, worstJPerTh: fleet.jPerTh, coolings: [fleet.cooling] };
  }
  let kw = 0;
  let ths = 0;
  let worst = 0;
  const coolings = new Set<HostingCooling>();
  for (const { model: id, count } of fleet.machines) {
    const model = asicModel(id);
    kw += asicPowerKw(model) * count;
    ths += model.hashrateThs * count;
    worst = Math.max(worst, model.jPerTh);
    coolings.add(model.cooling);
  }
  return { mw: kw / 1_000, hashrateThs: ths, jPerTh: ths > 0 ? (kw * 1_000) / ths : 0, worstJPerTh: worst, coolings: [...coolings].sort() };
}

/**
 * Air-cooled machines also run in immersion tanks (fans removed), a common retrofit; hydro machines need
 * hydro loops, immersion machines need tanks (docs/hosting.md).
 */
export function coolingFits(machine: HostingCooling, offered: readonly HostingCooling[]): boolean {
  return offered.includes(machine) || (machine === 'AIR' && offered.includes('IMMERSION'));
}
