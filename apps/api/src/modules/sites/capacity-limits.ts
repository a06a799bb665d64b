// A site cannot sell more MW than it has by the date a block starts. Capacity only grows with time
// (energized MW from liveDate, MW under construction from constructionLiveDate), and each block uses
// its MW from its own start date on, so checking every block's start date checks every date.
import { isoDay } from '../common/dates';

export interface SiteCapacity {
  energizedMw: number;
  liveDate: Date | null;
  underConstructionMw: number;
  constructionLiveDate: Date | null;
}

export interface BlockUse {
  id: string;
  mw: number;
  availableFrom: Date;
}

export function capacityOn(site: SiteCapacity, day: Date): number {
  const energized = !site.liveDate || site.liveDate <= day ? site.energizedMw : 0;
  const construction = site.constructionLiveDate && site.constructionLiveDate <= day ? site.underConstructionMw : 0;
  return energized + construction;
}

export interface Oversell {
  day: string;
  capacityMw: number;
  committedMw: number;
}

/** The first day the blocks need more MW than the site has, or null. */
export function findOversell(site: SiteCapacity, blocks: readonly BlockUse[]): Oversell | null {
  const days = [...new Set(blocks.map((b) => b.availableFrom.getTime()))].sort((a, b) => a - b);
  for (const time of days) {
    const day = new Date(time);
    const committedMw = blocks.filter((b) => b.availableFrom.getTime() <= time).reduce((sum, b) => sum + b.mw, 0);
    const capacityMw = capacityOn(site, day);
    // Compared in kW so float sums of 3-decimal MW do not refuse an exact fit.
    if (Math.round(committedMw * 1000) > Math.round(capacityMw * 1000)) return { day: isoDay(day), capacityMw, committedMw };
  }
  return null;
}
