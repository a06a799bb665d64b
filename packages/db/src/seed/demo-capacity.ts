// Demo capacity blocks on about half the sites. Prices sit in the market's range (domain-figures.md):
// colocation asks $163-217/kW-month (CBRE), miner→AI leases ~$121-154 (Core Scientific/CoreWeave,
// TeraWulf/Fluidstack), powered shells below that. Mining hosting is quoted at the bottom of the range;
// the hosting market's $0.06-0.09/kWh would be ~$45-65/kW-month, so these blocks price in the
// interruptible MW's option value for a later AI tenant.
import type { CapacityKind, CapacityStatus } from '../generated/prisma/enums';
import { addDays, utcDay } from './dates';
import { demoSite } from './demo-sites';
import { stableUuid } from './stable-uuid';

// site, kind, MW, of which firm MW (the rest is interruptible), available from, $/kW-month, min term, status
type BlockSpec = readonly [
  site: string,
  kind: CapacityKind,
  mw: number,
  firmMw: number,
  availableFrom: string,
  usdPerKwMonth: number,
  minTermMonths: number,
  status: CapacityStatus,
];

const BLOCK_SPECS: readonly BlockSpec[] = [
  ['Milam Ridge Campus', 'COLOCATION', 100, 100, '2027-01-01', 154, 144, 'PUBLISHED'],
  ['Milam Ridge Campus', 'BUILD_TO_SUIT', 100, 80, '2027-10-01', 138, 120, 'PUBLISHED'],
  ['Milam Ridge Campus', 'POWERED_SHELL', 50, 50, '2026-12-15', 118, 84, 'DRAFT'],
  ['Navarro Bend', 'POWERED_SHELL', 200, 150, '2027-04-01', 121, 144, 'PUBLISHED'],
  ['Navarro Bend', 'MINING_HOSTING', 150, 0, '2026-12-01', 90, 12, 'PUBLISHED'],
  ['Pecos Flats', 'MINING_HOSTING', 60, 0, '2026-12-01', 90, 12, 'PUBLISHED'],
  ['Odessa Sandhills', 'MINING_HOSTING', 40, 0, '2027-01-01', 92, 24, 'DRAFT'],
  ['Granbury Lakeside', 'COLOCATION', 60, 50, '2026-12-01', 172, 60, 'PUBLISHED'],
  ['Granbury Lakeside', 'BUILD_TO_SUIT', 60, 60, '2027-06-01', 149, 120, 'PUBLISHED'],
  ['Brazoria Gulf Site', 'POWERED_SHELL', 80, 60, '2027-02-01', 112, 84, 'PUBLISHED'],
  ['Arkansas River Site', 'COLOCATION', 70, 70, '2027-01-15', 146, 120, 'PUBLISHED'],
  ['Arkansas River Site', 'POWERED_SHELL', 50, 40, '2027-07-01', 119, 96, 'DRAFT'],
  ['Monongahela River Site', 'POWERED_SHELL', 100, 80, '2027-03-01', 128, 120, 'PUBLISHED'],
  ['Susquehanna Valley Campus', 'COLOCATION', 150, 150, '2026-12-01', 217, 60, 'PUBLISHED'],
  ['Susquehanna Valley Campus', 'COLOCATION', 100, 100, '2027-09-01', 205, 84, 'PUBLISHED'],
  ['Susquehanna Valley Campus', 'BUILD_TO_SUIT', 80, 80, '2028-01-01', 184, 144, 'DRAFT'],
  ['Lorain Lakeshore', 'COLOCATION', 40, 35, '2027-01-04', 181, 36, 'PUBLISHED'],
  ['Halifax County Site', 'BUILD_TO_SUIT', 200, 200, '2027-06-01', 163, 144, 'PUBLISHED'],
  ['Jamestown Prairie', 'MINING_HOSTING', 50, 0, '2026-12-01', 95, 12, 'PUBLISHED'],
  ['Mississippi Delta Site', 'POWERED_SHELL', 100, 80, '2027-01-01', 124, 120, 'PUBLISHED'],
  ['Shawinigan Falls Site', 'COLOCATION', 25, 20, '2026-12-15', 176, 36, 'PUBLISHED'],
  ['Saguenay Smelter Row', 'COLOCATION', 80, 80, '2027-02-01', 158, 120, 'PUBLISHED'],
  ['Saguenay Smelter Row', 'BUILD_TO_SUIT', 50, 40, '2027-11-01', 141, 144, 'DRAFT'],
  ['Odda Fjord Site', 'COLOCATION', 60, 60, '2027-01-01', 149, 84, 'PUBLISHED'],
  ['Tonstad Dam Site', 'COLOCATION', 120, 100, '2026-12-01', 162, 120, 'PUBLISHED'],
  ['Sundsvall North', 'BUILD_TO_SUIT', 100, 90, '2027-04-01', 139, 120, 'PUBLISHED'],
  ['Kajaani Campus', 'POWERED_SHELL', 30, 25, '2027-01-15', 109, 60, 'PUBLISHED'],
  ['Keflavík Data Park', 'COLOCATION', 20, 20, '2026-12-01', 168, 36, 'PUBLISHED'],
  ['Minga Guazú Campus', 'POWERED_SHELL', 100, 100, '2027-03-01', 116, 120, 'PUBLISHED'],
  ['Minga Guazú Campus', 'MINING_HOSTING', 40, 0, '2026-12-01', 90, 12, 'DRAFT'],
  ['Hernandarias Site', 'MINING_HOSTING', 50, 0, '2026-12-01', 90, 24, 'PUBLISHED'],
  ['Adama Industrial Park', 'MINING_HOSTING', 40, 0, '2027-01-01', 90, 12, 'DRAFT'],
];

export type CapacityBlockRow = {
  id: string;
  orgId: string;
  siteId: string;
  kind: CapacityKind;
  mw: number;
  firmMw: number;
  interruptibleMw: number;
  availableFrom: Date;
  priceCentsPerKwMonth: number;
  minTermMonths: number;
  status: CapacityStatus;
  publishedAt: Date | null;
  createdAt: Date;
};

// Hosts carve blocks out a few weeks after listing the site and publish them a couple of days later.
const DAYS_AFTER_LISTING = 20;
const DAYS_TO_PUBLISH = 2;

export const DEMO_CAPACITY_BLOCKS: readonly CapacityBlockRow[] = BLOCK_SPECS.map((spec, index) => {
  const [siteName, kind, mw, firmMw, availableFrom, usdPerKwMonth, minTermMonths, status] = spec;
  const site = demoSite(siteName);
  const nthOnSite = BLOCK_SPECS.slice(0, index).filter(([other]) => other === siteName).length;
  const createdAt = addDays(site.createdAt, DAYS_AFTER_LISTING + nthOnSite);
  return {
    id: stableUuid(`block:${siteName}#${nthOnSite + 1}`),
    orgId: site.orgId,
    siteId: site.id,
    kind,
    mw,
    firmMw,
    interruptibleMw: mw - firmMw,
    availableFrom: utcDay(availableFrom),
    priceCentsPerKwMonth: usdPerKwMonth * 100,
    minTermMonths,
    status,
    publishedAt: status === 'PUBLISHED' ? addDays(createdAt, DAYS_TO_PUBLISH) : null,
    createdAt,
  };
});
