// The hosting market both ways (docs/hosting.md): sites selling power per kWh to mining fleets, among them
// an AI campus whose inference load leaves its nights idle, and two mining fleets asking for hosting.
// Rates sit in the hosting market's range (domain-figures.md: $0.06-0.09/kWh all-in; hydro pass-through lower).
import type { Prisma } from '../generated/prisma/client';
import type { HostingCooling, HostingPreemptor, HostingService, RequestStatus } from '../generated/prisma/enums';
import { utcDay } from './dates';
import { type MinerKey, orgId } from './demo-orgs';
import { demoSite } from './demo-sites';
import { stableUuid } from './stable-uuid';

export type HostingOfferRow = {
  id: string;
  orgId: string;
  siteId: string;
  mw: number;
  availableFrom: Date;
  pricingKind: 'ALL_IN' | 'PASS_THROUGH';
  rateCentsPerMwh: number | null;
  feeCentsPerKwMonth: number | null;
  interruptibility: 'FIRM' | 'INTERRUPTIBLE';
  noticeSeconds: number;
  maxCurtailedHoursPerMonth: number;
  preemptors: HostingPreemptor[];
  uptimeCommitmentPct: number;
  maxJPerTh: number | null;
  coolings: HostingCooling[];
  service: HostingService;
  depositMonths: number;
  minTermMonths: number;
  // Absent (null in the database) unless the power is an AI site's idle power.
  aiLoad?: Prisma.InputJsonValue;
  status: 'LISTED';
  listedAt: Date;
  createdAt: Date;
};

/** The demo AI campus's inference load (the revenue model's default inference profile): nights run at half. */
const INFERENCE_NIGHTS_IDLE = {
  contractedItMw: 70,
  pue: 1.3,
  profile: { kind: 'inference', peakUtilisation: 0.9, peakStartHour: 8, peakEndHour: 14, troughStartHour: 0, troughEndHour: 6, troughDepth: 0.5, weekendReduction: 0.25, utcOffsetHours: -5 },
};

const firm = { interruptibility: 'FIRM' as const, noticeSeconds: 0, maxCurtailedHoursPerMonth: 0, preemptors: [] as HostingPreemptor[] };
const allIn = (usdPerKwh: number) => ({ pricingKind: 'ALL_IN', rateCentsPerMwh: Math.round(usdPerKwh * 100_000), feeCentsPerKwMonth: null }) as const;

interface OfferSpec extends Omit<HostingOfferRow, 'id' | 'orgId' | 'siteId' | 'availableFrom' | 'status' | 'listedAt' | 'createdAt' | 'aiLoad'> {
  site: string;
  availableFrom: string;
  listed: string;
  aiLoad?: Prisma.InputJsonValue;
}

const OFFER_SPECS: readonly OfferSpec[] = [
  // An AI campus selling what its inference load leaves: nights and weekends, given back on 10 s notice.
  {
    site: 'Milam Ridge Campus', mw: 40, availableFrom: '2026-12-15', listed: '2026-10-20', ...allIn(0.058),
    interruptibility: 'INTERRUPTIBLE', noticeSeconds: 10, maxCurtailedHoursPerMonth: 360, preemptors: ['AI_LOAD'],
    uptimeCommitmentPct: 98, maxJPerTh: 20, coolings: ['AIR', 'IMMERSION'], service: 'FULL_HOSTING', depositMonths: 1, minTermMonths: 12,
    aiLoad: INFERENCE_NIGHTS_IDLE,
  },
  {
    site: 'Navarro Bend', mw: 30, availableFrom: '2026-12-01', listed: '2026-09-14', ...allIn(0.068), ...firm,
    uptimeCommitmentPct: 99, maxJPerTh: 22, coolings: ['AIR'], service: 'FULL_HOSTING', depositMonths: 2, minTermMonths: 12,
  },
  {
    site: 'Pecos Flats', mw: 20, availableFrom: '2026-12-01', listed: '2026-10-02', ...allIn(0.055),
    interruptibility: 'INTERRUPTIBLE', noticeSeconds: 300, maxCurtailedHoursPerMonth: 80, preemptors: ['GRID', 'PRICE'],
    uptimeCommitmentPct: 97, maxJPerTh: null, coolings: ['AIR', 'IMMERSION'], service: 'RACK_SPACE', depositMonths: 1, minTermMonths: 6,
  },
  {
    site: 'Shawinigan Falls Site', mw: 25, availableFrom: '2027-01-01', listed: '2026-11-03',
    pricingKind: 'PASS_THROUGH', rateCentsPerMwh: null, feeCentsPerKwMonth: 900, ...firm,
    uptimeCommitmentPct: 99.5, maxJPerTh: 18.5, coolings: ['HYDRO', 'AIR'], service: 'FULL_HOSTING', depositMonths: 3, minTermMonths: 24,
  },
  {
    site: 'Boden North', mw: 15, availableFrom: '2027-02-01', listed: '2026-11-10', ...allIn(0.052),
    interruptibility: 'INTERRUPTIBLE', noticeSeconds: 60, maxCurtailedHoursPerMonth: 30, preemptors: ['GRID'],
    uptimeCommitmentPct: 98, maxJPerTh: 17.5, coolings: ['IMMERSION'], service: 'FULL_HOSTING', depositMonths: 2, minTermMonths: 18,
  },
];

export const DEMO_HOSTING_OFFERS: readonly HostingOfferRow[] = OFFER_SPECS.map(({ site: name, availableFrom, listed, aiLoad, ...terms }) => {
  const site = demoSite(name);
  return { ...terms, id: stableUuid(`hosting-offer:${name}`), orgId: site.orgId, siteId: site.id, availableFrom: utcDay(availableFrom), ...(aiLoad ? { aiLoad } : {}), status: 'LISTED', listedAt: utcDay(listed), createdAt: utcDay(listed) };
});

export type HostingRequestRow = {
  id: string;
  orgId: string;
  title: string;
  fleet: Prisma.InputJsonValue;
  fleetMw: number;
  fleetJPerTh: number;
  worstJPerTh: number;
  coolings: HostingCooling[];
  maxRateCentsPerMwh: number;
  uptimeNeededPct: number;
  curtailmentToleratedHoursPerMonth: number;
  regions: string[];
  startDate: Date;
  termMonths: number;
  service: HostingService | null;
  status: RequestStatus;
  createdAt: Date;
};

// The fleet columns are what packages/hosting resolveFleet gives for each fleet (checked by seed.int.test.ts).
const REQUEST_SPECS: readonly (Omit<HostingRequestRow, 'id' | 'orgId' | 'startDate' | 'createdAt'> & { fleetOf: MinerKey; start: string; posted: string })[] = [
  {
    fleetOf: 'itaipu', title: 'S21 XP fleet moving north for the winter', posted: '2026-11-05', start: '2027-01-01',
    // 4,000 x S21 XP: 4,000 x 3.645 kW = 14.58 MW at 13.5 J/TH.
    fleet: { kind: 'MACHINES', machines: [{ model: 'S21_XP', count: 4_000 }] }, fleetMw: 14.58, fleetJPerTh: 13.5, worstJPerTh: 13.5, coolings: ['AIR'],
    maxRateCentsPerMwh: 6_500, uptimeNeededPct: 95, curtailmentToleratedHoursPerMonth: 400, regions: [], termMonths: 24, service: null, status: 'OPEN',
  },
  {
    fleetOf: 'appalachian', title: 'Whatsminer hydro racks, firm power only', posted: '2026-11-12', start: '2027-02-01',
    // 2,000 x M63S: 2,000 x 7.215 kW = 14.43 MW at 18.5 J/TH.
    fleet: { kind: 'MACHINES', machines: [{ model: 'M63S', count: 2_000 }] }, fleetMw: 14.43, fleetJPerTh: 18.5, worstJPerTh: 18.5, coolings: ['HYDRO'],
    maxRateCentsPerMwh: 6_000, uptimeNeededPct: 99, curtailmentToleratedHoursPerMonth: 0, regions: [], termMonths: 36, service: 'FULL_HOSTING', status: 'OPEN',
  },
];

export const DEMO_HOSTING_REQUESTS: readonly HostingRequestRow[] = REQUEST_SPECS.map(({ fleetOf, posted, start, ...rest }) => ({
  ...rest,
  id: stableUuid(`hosting-request:${rest.title}`),
  orgId: orgId(fleetOf),
  startDate: utcDay(start),
  createdAt: utcDay(posted),
}));
