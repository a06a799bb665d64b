// Availability of the tenant's AI power and the SLA credit it earns (docs/settlement.md, "availability").
import type { EventLoad } from './events.js';
import type { SlaTier } from './types.js';

/** The house SLA table: a deal's default when it names none. Best tier first. */
export const DEFAULT_SLA_TIERS: readonly SlaTier[] = Object.freeze(
  [
    { minAvailabilityPct: 99.9, creditPct: 0 },
    { minAvailabilityPct: 99.5, creditPct: 5 },
    { minAvailabilityPct: 99.0, creditPct: 10 },
    { minAvailabilityPct: 0, creditPct: 25 },
  ].map((t) => Object.freeze(t)),
);

/** The availability the host commits to: the first (best) tier that credits nothing. */
export function availabilityCommitmentPct(tiers: readonly SlaTier[]): number {
  const tier = tiers.find((t) => t.creditPct === 0);
  if (tier === undefined) throw new RangeError('slaTiers: no tier credits 0%, so there is no availability commitment');
  return tier.minAvailabilityPct;
}

// Availability is a ratio of float hours; an outage of exactly the allowed length must land in the better
// tier, not one ulp below it.
const EDGE_TOLERANCE_PCT = 1e-9;

/** The first tier (best first) whose threshold the availability reaches. */
export function slaTierFor(tiers: readonly SlaTier[], availabilityPct: number): SlaTier {
  const tier = tiers.find((t) => availabilityPct >= t.minAvailabilityPct - EDGE_TOLERANCE_PCT);
  // Validated tiers end at 0%, which every availability reaches.
  if (tier === undefined) throw new RangeError(`slaTiers: no tier for ${availabilityPct}% availability`);
  return tier;
}

export interface Availability {
  readonly pct: number;
  readonly unavailableHours: number;
  /** FACILITY hours (equivalent hours of the whole contracted MW), each hour at most 1. */
  readonly facilityHours: number;
  /** MAINTENANCE_PLANNED hours, within and beyond the allowance. */
  readonly maintenanceHours: number;
  readonly maintenanceBeyondAllowanceHours: number;
}

/**
 * unavailable = Σ_h min(1, FACILITY share of the contracted MW in h)
 *             + max(0, Σ_h MAINTENANCE_PLANNED share (within what FACILITY left of the hour) − allowance).
 */
export function availability(load: EventLoad, activeHours: number, maintenanceAllowanceHours: number): Availability {
  let facilityHours = 0;
  let maintenanceHours = 0;
  for (let h = 0; h < load.facility.length; h++) {
    const f = Math.min(1, load.facility[h]!);
    facilityHours += f;
    maintenanceHours += Math.min(1 - f, load.maintenance[h]!);
  }
  const beyond = Math.max(0, maintenanceHours - maintenanceAllowanceHours);
  const unavailableHours = facilityHours + beyond;
  return {
    pct: activeHours > 0 ? 100 * (1 - unavailableHours / activeHours) : 100,
    unavailableHours,
    facilityHours,
    maintenanceHours,
    maintenanceBeyondAllowanceHours: beyond,
  };
}
