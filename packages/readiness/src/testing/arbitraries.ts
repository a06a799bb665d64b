import fc from 'fast-check';
import {
  COOLING_TYPES,
  INTERCONNECTION_STATUSES,
  PERMIT_STATUSES,
  REDUNDANCIES,
  type ReadinessSiteInput,
} from '../types.js';

// fast-check generators of valid sites, and the ways one attribute can get better.

const CARRIER_NAMES = ['Zayo', 'Lumen', 'AT&T', 'Verizon', 'Crown Castle', 'Cogent', 'zayo', 'LUMEN'];
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2018, 0, 1);

const mw = fc.double({ min: 0, max: 2_000, noNaN: true, noDefaultInfinity: true });
const mva = fc.double({ min: 0, max: 3_000, noNaN: true, noDefaultInfinity: true });

/** A day between 2018 and 2033, as a Date or as YYYY-MM-DD text (the API may hand either). */
export const arbLiveDate: fc.Arbitrary<Date | string | null> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 0, max: 15 * 366 }).map((d) => new Date(FIRST_DAY + d * DAY_MS)),
  fc.integer({ min: 0, max: 15 * 366 }).map((d) => new Date(FIRST_DAY + d * DAY_MS).toISOString().slice(0, 10)),
);

export const arbSite: fc.Arbitrary<ReadinessSiteInput> = fc.record({
  energizedMw: mw,
  underConstructionMw: mw,
  pipelineMw: mw,
  interconnectionStatus: fc.constantFrom(...INTERCONNECTION_STATUSES),
  substationOnSite: fc.boolean(),
  substationMva: fc.option(mva, { nil: null }),
  transformerMva: fc.option(mva, { nil: null }),
  landAcres: fc.double({ min: 0, max: 5_000, noNaN: true, noDefaultInfinity: true }),
  waterAvailable: fc.boolean(),
  waterSupplyM3PerDay: fc.option(fc.double({ min: 0, max: 10_000, noNaN: true, noDefaultInfinity: true }), { nil: null }),
  backupPowerMw: fc.option(mw, { nil: null }),
  gridOperator: fc.constantFrom('ERCOT', 'ercot', 'PJM', null),
  floorLoadingKgPerM2: fc.option(fc.double({ min: 0, max: 3_000, noNaN: true, noDefaultInfinity: true }), { nil: null }),
  coolingType: fc.constantFrom(...COOLING_TYPES),
  darkFiber: fc.boolean(),
  carriers: fc.array(fc.constantFrom(...CARRIER_NAMES), { maxLength: 6 }),
  nearestHub: fc.option(fc.constantFrom('Dallas', 'Ashburn', 'Chicago'), { nil: null }),
  latencyToHubMs: fc.option(fc.double({ min: 0, max: 200, noNaN: true, noDefaultInfinity: true }), { nil: null }),
  redundancy: fc.constantFrom(...REDUNDANCIES),
  maxRackDensityKw: fc.integer({ min: 0, max: 250 }),
  permitStatus: fc.constantFrom(...PERMIT_STATUSES),
  skilledStaffCount: fc.integer({ min: 0, max: 500 }),
  liveDate: arbLiveDate,
  miningMw: mw,
});

export const arbAsOf: fc.Arbitrary<string | undefined> = fc.option(
  fc.integer({ min: 0, max: 15 * 366 }).map((d) => new Date(FIRST_DAY + d * DAY_MS).toISOString().slice(0, 10)),
  { nil: undefined },
);

function nextOf<T>(values: readonly T[], value: T): T {
  const i = values.indexOf(value);
  return values[Math.min(i + 1, values.length - 1)] ?? value;
}

/** A way to make one attribute better (or keep it equal at the top of its range). */
export interface Improvement {
  readonly name: string;
  readonly apply: (site: ReadinessSiteInput, amount: number) => ReadinessSiteInput;
}

/** Every attribute the model reads, each improved alone; `amount` is a positive step. */
export const IMPROVEMENTS: readonly Improvement[] = [
  { name: 'energizedMw', apply: (s, a) => ({ ...s, energizedMw: s.energizedMw + a }) },
  { name: 'underConstructionMw', apply: (s, a) => ({ ...s, underConstructionMw: s.underConstructionMw + a }) },
  { name: 'pipelineMw', apply: (s, a) => ({ ...s, pipelineMw: s.pipelineMw + a }) },
  {
    name: 'interconnectionStatus',
    apply: (s) => ({ ...s, interconnectionStatus: nextOf(INTERCONNECTION_STATUSES, s.interconnectionStatus) }),
  },
  { name: 'substationOnSite', apply: (s) => ({ ...s, substationOnSite: true }) },
  // Unknown → stated is an improvement for gear (unknown earns no credit)...
  { name: 'substationMva', apply: (s, a) => ({ ...s, substationMva: (s.substationMva ?? 0) + a }) },
  { name: 'transformerMva', apply: (s, a) => ({ ...s, transformerMva: (s.transformerMva ?? 0) + a }) },
  { name: 'backupPowerMw', apply: (s, a) => ({ ...s, backupPowerMw: (s.backupPowerMw ?? 0) + a }) },
  { name: 'floorLoadingKgPerM2', apply: (s, a) => ({ ...s, floorLoadingKgPerM2: (s.floorLoadingKgPerM2 ?? 0) + a }) },
  // ...but water of unknown quantity has a fixed credit, so only a stated quantity is raised.
  {
    name: 'waterSupplyM3PerDay',
    apply: (s, a) => (s.waterSupplyM3PerDay == null ? s : { ...s, waterSupplyM3PerDay: s.waterSupplyM3PerDay + a }),
  },
  { name: 'landAcres', apply: (s, a) => ({ ...s, landAcres: s.landAcres + a }) },
  { name: 'waterAvailable', apply: (s) => ({ ...s, waterAvailable: true }) },
  { name: 'coolingType', apply: (s) => ({ ...s, coolingType: nextOf(COOLING_TYPES, s.coolingType) }) },
  { name: 'darkFiber', apply: (s) => ({ ...s, darkFiber: true }) },
  { name: 'carriers', apply: (s, a) => ({ ...s, carriers: [...s.carriers, `New Carrier ${a}`] }) },
  {
    name: 'latencyToHubMs',
    apply: (s, a) => ({ ...s, latencyToHubMs: s.latencyToHubMs === null ? 60 : Math.max(0, s.latencyToHubMs - a) }),
  },
  { name: 'redundancy', apply: (s) => ({ ...s, redundancy: nextOf(REDUNDANCIES, s.redundancy) }) },
  { name: 'maxRackDensityKw', apply: (s, a) => ({ ...s, maxRackDensityKw: s.maxRackDensityKw + Math.ceil(a) }) },
  { name: 'permitStatus', apply: (s) => ({ ...s, permitStatus: nextOf(PERMIT_STATUSES, s.permitStatus) }) },
  { name: 'skilledStaffCount', apply: (s, a) => ({ ...s, skilledStaffCount: s.skilledStaffCount + Math.ceil(a) }) },
  {
    name: 'liveDate (earlier)',
    apply: (s, a) => {
      if (s.liveDate === null) return s;
      const ms = typeof s.liveDate === 'string' ? Date.parse(s.liveDate) : s.liveDate.getTime();
      return { ...s, liveDate: new Date(ms - Math.ceil(a) * DAY_MS) };
    },
  },
];

export const arbImprovement: fc.Arbitrary<Improvement> = fc.constantFrom(...IMPROVEMENTS);
export const arbAmount: fc.Arbitrary<number> = fc.double({ min: 0.001, max: 500, noNaN: true, noDefaultInfinity: true });
