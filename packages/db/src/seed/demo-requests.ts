// Demo colocation requests from the three AI tenants: a phased training campus, a renewable annex, a
// latency-bound inference region, a single 300 MW campus, and two small inference asks (one still a draft).
import type { CoolingType, Redundancy, RequestStatus } from '../generated/prisma/enums';
import { utcDay } from './dates';
import { type TenantKey, orgId } from './demo-orgs';
import { stableUuid } from './stable-uuid';

export type Phase = { mw: number; neededBy: string };

interface RequestSpec {
  key: string;
  tenant: TenantKey;
  title: string;
  posted: string;
  phases: Phase[];
  minContiguousMw: number;
  countries: string[];
  regions: string[];
  gridOperators: string[];
  maxLatencyMs: number | null;
  cooling: CoolingType | null;
  minRackDensityKw: number | null;
  minRedundancy: Redundancy | null;
  usdMaxPerKwMonth: number | null;
  termMonths: number;
  backfillMiningAllowed: boolean;
  status: RequestStatus;
}

const REQUEST_SPECS: readonly RequestSpec[] = [
  {
    key: 'helix-gb200-training', tenant: 'helix', title: 'GB200 NVL72 training campus, Texas or Oklahoma',
    posted: '2026-09-08', minContiguousMw: 100,
    phases: [{ mw: 50, neededBy: '2027-03-31' }, { mw: 75, neededBy: '2027-09-30' }, { mw: 75, neededBy: '2028-03-31' }],
    countries: ['US'], regions: ['Texas', 'Oklahoma'], gridOperators: ['ERCOT', 'SPP'], maxLatencyMs: 20,
    cooling: 'DIRECT_TO_CHIP', minRackDensityKw: 120, minRedundancy: 'N_PLUS_1', usdMaxPerKwMonth: 160,
    termMonths: 120, backfillMiningAllowed: true, status: 'OPEN',
  },
  {
    key: 'helix-nordic-finetune', tenant: 'helix', title: 'Renewable fine-tuning cluster in the Nordics',
    posted: '2026-10-12', minContiguousMw: 60,
    phases: [{ mw: 60, neededBy: '2027-06-30' }],
    countries: ['NO', 'SE', 'FI', 'IS'], regions: [], gridOperators: ['NORDPOOL', 'LANDSNET'], maxLatencyMs: 30,
    cooling: null, minRackDensityKw: 80, minRedundancy: 'N_PLUS_1', usdMaxPerKwMonth: 165,
    termMonths: 84, backfillMiningAllowed: true, status: 'OPEN',
  },
  {
    key: 'meridian-pjm-inference', tenant: 'meridian', title: 'Inference region near Ashburn (PJM)',
    posted: '2026-08-19', minContiguousMw: 40,
    phases: [{ mw: 40, neededBy: '2027-01-31' }, { mw: 60, neededBy: '2027-10-31' }],
    countries: ['US'], regions: ['Virginia', 'Pennsylvania', 'Ohio'], gridOperators: ['PJM'], maxLatencyMs: 8,
    cooling: null, minRackDensityKw: 60, minRedundancy: 'TWO_N', usdMaxPerKwMonth: 220,
    termMonths: 60, backfillMiningAllowed: false, status: 'OPEN',
  },
  {
    key: 'meridian-300mw-campus', tenant: 'meridian', title: '300 MW single-campus build-to-suit, North America',
    posted: '2026-10-27', minContiguousMw: 200,
    phases: [{ mw: 100, neededBy: '2027-07-01' }, { mw: 100, neededBy: '2028-01-01' }, { mw: 100, neededBy: '2028-07-01' }],
    countries: ['US', 'CA'], regions: [], gridOperators: [], maxLatencyMs: 25,
    cooling: 'DIRECT_TO_CHIP', minRackDensityKw: 130, minRedundancy: 'N_PLUS_1', usdMaxPerKwMonth: 150,
    termMonths: 144, backfillMiningAllowed: true, status: 'OPEN',
  },
  {
    key: 'quanta-montreal-inference', tenant: 'quanta', title: 'Low-latency inference pods near Montréal',
    posted: '2026-07-15', minContiguousMw: 10,
    phases: [{ mw: 10, neededBy: '2027-01-31' }, { mw: 10, neededBy: '2027-07-31' }],
    countries: ['CA'], regions: ['Québec'], gridOperators: ['HYDRO_QUEBEC'], maxLatencyMs: 5,
    cooling: null, minRackDensityKw: 40, minRedundancy: 'N_PLUS_1', usdMaxPerKwMonth: 190,
    termMonths: 36, backfillMiningAllowed: false, status: 'OPEN',
  },
  {
    key: 'quanta-latam-edge', tenant: 'quanta', title: 'LatAm inference edge on Paraguayan hydro',
    posted: '2026-11-02', minContiguousMw: 15,
    phases: [{ mw: 15, neededBy: '2027-06-30' }, { mw: 15, neededBy: '2028-01-31' }],
    countries: ['PY'], regions: [], gridOperators: ['ANDE'], maxLatencyMs: 35,
    cooling: 'DIRECT_TO_CHIP', minRackDensityKw: 80, minRedundancy: 'N_PLUS_1', usdMaxPerKwMonth: 140,
    termMonths: 60, backfillMiningAllowed: true, status: 'DRAFT',
  },
];

export type ColocationRequestRow = {
  id: string;
  orgId: string;
  title: string;
  totalMw: number;
  minContiguousMw: number;
  phases: Phase[];
  neededBy: Date;
  countries: string[];
  regions: string[];
  gridOperators: string[];
  maxLatencyMs: number | null;
  cooling: CoolingType | null;
  minRackDensityKw: number | null;
  minRedundancy: Redundancy | null;
  maxPriceCentsPerKwMonth: number | null;
  termMonths: number;
  backfillMiningAllowed: boolean;
  status: RequestStatus;
  createdAt: Date;
};

function requestRow(spec: RequestSpec): ColocationRequestRow {
  const { key, tenant, posted, usdMaxPerKwMonth, phases, ...columns } = spec;
  const [first] = phases;
  if (!first) throw new Error(`Demo data: request ${key} has no phases`);
  phases.forEach((phase) => utcDay(phase.neededBy)); // each date must be a real YYYY-MM-DD
  return {
    ...columns,
    id: stableUuid(`request:${key}`),
    orgId: orgId(tenant),
    // Total and first date follow from the phases, so they cannot disagree.
    totalMw: phases.reduce((sum, phase) => sum + phase.mw, 0),
    phases,
    neededBy: utcDay(first.neededBy),
    maxPriceCentsPerKwMonth: usdMaxPerKwMonth === null ? null : usdMaxPerKwMonth * 100,
    createdAt: utcDay(posted),
  };
}

export const DEMO_COLOCATION_REQUESTS: readonly ColocationRequestRow[] = REQUEST_SPECS.map(requestRow);
