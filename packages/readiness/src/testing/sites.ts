import type { ReadinessSiteInput } from '../types.js';

// Hand-written sites for tests. Each is a complete input; tests override single fields with spread.

/** The seed material's AI-ready campus: 200 MW energized, substation, dark fiber, 3 carriers, water,
 *  N+1, 132 kW direct-to-chip racks, permits granted, skilled staff. */
export const AI_READY_CAMPUS: ReadinessSiteInput = {
  energizedMw: 200,
  underConstructionMw: 0,
  pipelineMw: 100,
  interconnectionStatus: 'ENERGIZED',
  substationOnSite: true,
  substationMva: 250,
  transformerMva: 240,
  landAcres: 300,
  waterAvailable: true,
  waterSupplyM3PerDay: 5_000,
  backupPowerMw: 160,
  gridOperator: 'ERCOT',
  floorLoadingKgPerM2: 1_500,
  coolingType: 'DIRECT_TO_CHIP',
  darkFiber: true,
  carriers: ['Zayo', 'Lumen', 'AT&T'],
  nearestHub: 'Dallas',
  latencyToHubMs: 6,
  redundancy: 'N_PLUS_1',
  maxRackDensityKw: 132,
  permitStatus: 'GRANTED',
  skilledStaffCount: 40,
  liveDate: '2025-01-15',
  miningMw: 0,
};

/** A 30 MW air-cooled mining shed: 1 carrier, no dark fiber, no water, N, 15 kW racks, no permits. */
export const MINING_SHED: ReadinessSiteInput = {
  energizedMw: 30,
  underConstructionMw: 0,
  pipelineMw: 0,
  interconnectionStatus: 'ENERGIZED',
  substationOnSite: false,
  substationMva: 0,
  transformerMva: 35,
  landAcres: 20,
  waterAvailable: false,
  coolingType: 'AIR',
  darkFiber: false,
  carriers: ['Lumen'],
  nearestHub: 'Dallas',
  latencyToHubMs: 18,
  redundancy: 'N',
  maxRackDensityKw: 15,
  permitStatus: 'NONE',
  skilledStaffCount: 5,
  liveDate: '2022-06-01',
  miningMw: 28,
};

/** A 100 MW site half-way there: substation, water-cooled, 2 carriers, N+1, 50 kW racks, permits in progress. */
export const MID_SITE: ReadinessSiteInput = {
  energizedMw: 100,
  underConstructionMw: 0,
  pipelineMw: 0,
  interconnectionStatus: 'ENERGIZED',
  substationOnSite: true,
  substationMva: 120,
  transformerMva: 115,
  landAcres: 100,
  waterAvailable: true,
  coolingType: 'WATER',
  darkFiber: true,
  carriers: ['Zayo', 'Lumen'],
  nearestHub: 'Dallas',
  latencyToHubMs: 12,
  redundancy: 'N_PLUS_1',
  maxRackDensityKw: 50,
  permitStatus: 'IN_PROGRESS',
  skilledStaffCount: 15,
  liveDate: '2023-01-01',
  miningMw: 60,
};

export const AS_OF = '2026-11-21';
