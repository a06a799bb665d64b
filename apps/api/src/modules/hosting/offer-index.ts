// Every listed hosting offer of every organisation, in memory, in the order the market reads them
// (effective rate, then id; offers without a rate last): search and matching test each offer in turn
// instead of asking PostgreSQL to join, sort and count every listed offer on each request
// (docs/marketplace-search.md#hosting-offers-in-memory). It holds exactly the rows and columns the SQL
// path reads (market.service.ts readListedOffers: never an offer's site name or coordinates), and answers
// exactly what that path answers: offer-index.int.test.ts compares them.
import type { HostingRequest } from '@gridshare/db';
import type { HostingOfferView } from '@gridshare/hosting';
import { isoDay } from '../common/dates';
import { toOfferView, usdPerKwhToCentsPerMwh } from './hosting.mappers';
import { type ListedOffer, MATCH_CANDIDATE_LIMIT, type OfferCursor } from './market.service';
import type { THostingOfferSearch } from './hosting.schemas';

interface Entry {
  listed: ListedOffer;
  view: HostingOfferView;
  siteId: string;
  orgId: string;
  id: string;
  /** null: no rate (a pass-through offer that may curtail every hour). */
  rate: number | null;
  mw: number;
  day: string;
}

function toEntry(listed: ListedOffer): Entry {
  const view = toOfferView(listed);
  return { listed, view, siteId: listed.offer.siteId, orgId: listed.offer.orgId, id: listed.offer.id, rate: listed.effectiveRate, mw: view.mw, day: view.availableFrom };
}

/** The market's order: rate ascending with no rate last, then id (uuids as lower-case text sort as PostgreSQL's bytes). */
function before(a: Entry, b: Entry): boolean {
  if (a.rate !== b.rate) {
    if (a.rate === null) return false;
    if (b.rate === null) return true;
    return a.rate < b.rate;
  }
  return a.id < b.id;
}

/** A search's filters, resolved once (the loop reads plain fields). */
interface Plan {
  regions: ReadonlySet<string> | null;
  countries: ReadonlySet<string> | null;
  minMw: number | null;
  maxRate: number | null;
  coolings: readonly string[] | null;
  firmOnly: boolean;
  maxCurtailed: number | null;
  availableBy: string | null;
}

const nonEmpty = <T>(values: readonly T[] | null | undefined) => (values?.length ? values : null);

function planOf(filter: THostingOfferSearch | null | undefined): Plan {
  const regions = nonEmpty(filter?.regions);
  const countries = nonEmpty(filter?.countries);
  return {
    regions: regions ? new Set(regions) : null,
    countries: countries ? new Set(countries) : null,
    minMw: filter?.minMw ?? null,
    maxRate: filter?.maxRateUsdPerKwh != null ? usdPerKwhToCentsPerMwh(filter.maxRateUsdPerKwh) : null,
    coolings: nonEmpty(filter?.coolings),
    firmOnly: filter?.firmOnly === true,
    maxCurtailed: filter?.maxCurtailedHoursPerMonth ?? null,
    availableBy: filter?.availableBy ? isoDay(filter.availableBy) : null,
  };
}

function passes(entry: Entry, plan: Plan): boolean {
  const { view } = entry;
  if (plan.regions && !plan.regions.has(view.region)) return false;
  if (plan.countries && !plan.countries.has(view.country)) return false;
  if (plan.minMw !== null && !(entry.mw >= plan.minMw)) return false;
  if (plan.maxRate !== null && (entry.rate === null || entry.rate > plan.maxRate)) return false;
  if (plan.coolings && !view.coolings.some((cooling) => plan.coolings!.includes(cooling))) return false;
  if (plan.firmOnly && view.interruptibility !== 'FIRM') return false;
  if (plan.maxCurtailed !== null && view.maxCurtailedHoursPerMonth > plan.maxCurtailed) return false;
  if (plan.availableBy !== null && entry.day > plan.availableBy) return false;
  return true;
}

const isAfter = (entry: Entry, cursor: OfferCursor) => entry.rate !== null && (entry.rate > cursor.rate || (entry.rate === cursor.rate && entry.id > cursor.id));

export class HostingOfferIndex {
  /** In the market's order. */
  private entries: Entry[] = [];

  constructor(rows: readonly ListedOffer[] = []) {
    this.entries = rows.map(toEntry);
    this.entries.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  }

  get size(): number {
    return this.entries.length;
  }

  /** Replaces every offer on these sites with `rows` (the sites' listed offers now). */
  replaceSites(siteIds: readonly string[], rows: readonly ListedOffer[]): void {
    const sites = new Set(siteIds);
    const kept = this.entries.filter((entry) => !sites.has(entry.siteId));
    for (const row of rows) {
      const entry = toEntry(row);
      let low = 0;
      let high = kept.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (before(kept[mid]!, entry)) low = mid + 1;
        else high = mid;
      }
      kept.splice(low, 0, entry);
    }
    this.entries = kept;
  }

  /**
   * The answer of market.service searchOffers + countOffers: up to `first + 1` offers with a rate after
   * the cursor, in order, and how many offers pass the filters (with or without a rate, whatever the cursor).
   */
  search(first: number, filter: THostingOfferSearch | null | undefined, after: OfferCursor | null): { rows: ListedOffer[]; count: number } {
    const plan = planOf(filter);
    const rows: ListedOffer[] = [];
    let count = 0;
    for (const entry of this.entries) {
      if (!passes(entry, plan)) continue;
      count += 1;
      if (rows.length <= first && entry.rate !== null && (after === null || isAfter(entry, after))) rows.push(entry.listed);
    }
    return { rows, count };
  }

  /** The answer of market.service candidateOffers, as the engine's views. */
  candidates(request: HostingRequest): HostingOfferView[] {
    const regions = request.regions.length ? new Set(request.regions) : null;
    const fleetMw = request.fleetMw.toNumber();
    const startDay = isoDay(request.startDate);
    const found: HostingOfferView[] = [];
    for (const entry of this.entries) {
      if (entry.orgId === request.orgId || entry.mw < fleetMw || entry.day > startDay || entry.view.minTermMonths > request.termMonths) continue;
      if (regions && !regions.has(entry.view.region)) continue;
      found.push(entry.view);
      if (found.length === MATCH_CANDIDATE_LIMIT) break;
    }
    return found;
  }
}
