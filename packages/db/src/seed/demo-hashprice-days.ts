// The demo hashprice index as seed rows: the shipped data file (demo-hashprice.ts says how it was made),
// written as the PLATFORM organisation's uploads, each day published the day after.
import { addDays, utcDay } from './dates';
import { DEMO_HASHPRICE_SOURCE, readDemoHashprice } from './demo-hashprice';
import { PLATFORM_ORG_ID } from './demo-orgs';

export type HashpriceIndexDayRow = { day: Date; usdPerPhDay: number; source: string; updatedByOrgId: string; actor: string; createdAt: Date };

export const DEMO_HASHPRICE_DAYS: readonly HashpriceIndexDayRow[] = readDemoHashprice().map(({ day, usdPerPhDay }) => ({
  day: utcDay(day),
  usdPerPhDay,
  source: DEMO_HASHPRICE_SOURCE,
  updatedByOrgId: PLATFORM_ORG_ID,
  actor: 'system:demo-seed',
  createdAt: addDays(utcDay(day), 1),
}));
