// Every listed hosting offer of every organisation, in memory, in the order the market reads them
// (effective rate, then id; offers without a rate last): search and matching test each offer in turn
// instead of asking PostgreSQL to join, sort and count every listed offer on each request
// (docs/marketplace-search.md#hosting-offers-in-memory). It holds exactly the rows and columns the SQL
// path reads (market.service.ts readListedOffers: never an offer's site name or coordinates), and answers
// exactly what that path answers: offer-index.int.test.ts compares them.
import type { HostingRequest } from '@gridshare/db';
import type { HostingOfferView } from '@gridshare/hosting';
import { usdPerKwhToCentsPerMwh } from './hosting.mappers';
import { type FoundOffer, type ListedOffer, MATCH_CANDIDATE_LIMIT, type OfferCursor, toFoundOffer } from './market.service';
import type { THostingOfferSearch } from './hosting.schemas';

const DAY_MS = 86_400_000;
const dayOf = (date: Date) => Math.floor(date.getTime() / DAY_MS);

interface Entry {
  found: FoundOffer;
  siteId: string;
  orgId: string;
  day: number;
}

// Only the view is kept of each row (not Prisma's row with its Decimals): half the memory.
function toEntry(listed: ListedOffer): Entry {
  return { found: toFoundOffer(listed), siteId: listed.offer.siteId, orgId: listed.offer.orgId, day: dayOf(listed.offer.availableFrom) };
}

/** The market's order: rate ascending with no rate last, then id (uuids as lower-case text sort as PostgreSQL's bytes). */
function before({ found: a }: Entry, { found: b }: Entry): boolean {
  if (a.rate !== b.rate) {
    if (a.rate === null) return false;
    if (b.rate === null) return true;
    return a.rate < b.rate;
  }
  return a.id < b.id;
}

/**
 * What the filters read, one typed array per column in the market's order: a scan reads memory in order
 * (objects in sorted order cost a cache miss or more per offer: 20-100 ms for 50,000 here, against well
 * under 1 ms this way). Text as small codes (Codes); rate NaN where there is none; coolings as bits.
 */
interface Columns {
  region: Int32Array;
  country: Int32Array;
  org: Int32Array;
  mw: Float64Array;
  rate: Float64Array;
  coolings: Int32Array;
  firm: Uint8Array;
  curtailedHours: Int32Array;
  day: Int32Array;
  minTermMonths: Int32Array;
}

/** Small integer codes for text values, assigned as values appear (never reused). */
class Codes {
  private readonly codes = new Map<string, number>();
  of(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) this.codes.set(value, (code = this.codes.size));
    return code;
  }
  /** The code of a value, or -1 when no offer ever had it. */
  known(value: string): number {
    return this.codes.get(value) ?? -1;
  }
  /** A lookup table: 1 at the codes of `values`. */
  table(values: readonly string[]): Uint8Array {
    const table = new Uint8Array(Math.max(1, this.codes.size));
    for (const value of values) {
      const code = this.known(value);
      if (code >= 0) table[code] = 1;
    }
    return table;
  }
}

/** A search's filters, resolved once (the loop reads plain fields of one shape). */
interface Plan {
  regions: Uint8Array | null;
  countries: Uint8Array | null;
  minMw: number;
  maxRate: number;
  coolings: number;
  firmOnly: boolean;
  maxCurtailed: number;
  availableBy: number;
}

const nonEmpty = <T>(values: readonly T[] | null | undefined) => (values?.length ? values : null);

/** Whether offer `i` passes the filters: the SQL path's searchWhere. */
function passes(c: Columns, plan: Plan, i: number): boolean {
  if (plan.regions !== null && plan.regions[c.region[i]!] !== 1) return false;
  if (plan.countries !== null && plan.countries[c.country[i]!] !== 1) return false;
  if (!(c.mw[i]! >= plan.minMw)) return false;
  // NaN (no rate) fails, as NULL <= x does in SQL.
  if (plan.maxRate !== Infinity && !(c.rate[i]! <= plan.maxRate)) return false;
  if (plan.coolings !== 0 && (c.coolings[i]! & plan.coolings) === 0) return false;
  if (plan.firmOnly && c.firm[i] !== 1) return false;
  if (c.curtailedHours[i]! > plan.maxCurtailed) return false;
  if (c.day[i]! > plan.availableBy) return false;
  return true;
}

export class HostingOfferIndex {
  /** In the market's order. */
  private entries: Entry[] = [];
  private columns!: Columns;
  private readonly regions = new Codes();
  private readonly countries = new Codes();
  private readonly orgs = new Codes();
  private readonly coolings = new Codes();

  constructor(rows: readonly ListedOffer[] = []) {
    this.entries = rows.map(toEntry);
    this.entries.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    this.buildColumns();
  }

  get size(): number {
    return this.entries.length;
  }

  private coolingBits(values: readonly string[]): number {
    let bits = 0;
    for (const value of values) bits |= 1 << this.coolings.of(value);
    return bits;
  }

  private buildColumns(): void {
    const n = this.entries.length;
    const c: Columns = {
      region: new Int32Array(n),
      country: new Int32Array(n),
      org: new Int32Array(n),
      mw: new Float64Array(n),
      rate: new Float64Array(n),
      coolings: new Int32Array(n),
      firm: new Uint8Array(n),
      curtailedHours: new Int32Array(n),
      day: new Int32Array(n),
      minTermMonths: new Int32Array(n),
    };
    for (let i = 0; i < n; i++) {
      const { found, orgId, day } = this.entries[i]!;
      const { view, rate } = found;
      c.region[i] = this.regions.of(view.region);
      c.country[i] = this.countries.of(view.country);
      c.org[i] = this.orgs.of(orgId);
      c.mw[i] = view.mw;
      c.rate[i] = rate ?? Number.NaN;
      c.coolings[i] = this.coolingBits(view.coolings);
      c.firm[i] = view.interruptibility === 'FIRM' ? 1 : 0;
      c.curtailedHours[i] = view.maxCurtailedHoursPerMonth;
      c.day[i] = day;
      c.minTermMonths[i] = view.minTermMonths;
    }
    this.columns = c;
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
    this.buildColumns();
  }

  private planOf(filter: THostingOfferSearch | null | undefined): Plan {
    const regions = nonEmpty(filter?.regions);
    const countries = nonEmpty(filter?.countries);
    const coolings = nonEmpty(filter?.coolings);
    return {
      regions: regions ? this.regions.table(regions) : null,
      countries: countries ? this.countries.table(countries) : null,
      minMw: filter?.minMw ?? -Infinity,
      maxRate: filter?.maxRateUsdPerKwh != null ? usdPerKwhToCentsPerMwh(filter.maxRateUsdPerKwh) : Infinity,
      // A cooling no offer has yet gets a bit of its own, which no offer carries.
      coolings: coolings ? this.coolingBits(coolings) : 0,
      firmOnly: filter?.firmOnly === true,
      maxCurtailed: filter?.maxCurtailedHoursPerMonth ?? Infinity,
      availableBy: filter?.availableBy ? dayOf(filter.availableBy) : Infinity,
    };
  }

  /**
   * The answer of market.service searchOffers + countOffers: up to `first + 1` offers with a rate after
   * the cursor, in order, and how many offers pass the filters (with or without a rate, whatever the cursor).
   */
  search(first: number, filter: THostingOfferSearch | null | undefined, after: OfferCursor | null): { rows: FoundOffer[]; count: number } {
    const plan = this.planOf(filter);
    const c = this.columns;
    const rows: FoundOffer[] = [];
    let count = 0;
    for (let i = 0; i < this.entries.length; i++) {
      if (!passes(c, plan, i)) continue;
      count += 1;
      if (rows.length <= first && !Number.isNaN(c.rate[i]!) && (after === null || this.isAfter(i, after))) rows.push(this.entries[i]!.found);
    }
    return { rows, count };
  }

  private isAfter(i: number, cursor: OfferCursor): boolean {
    const rate = this.columns.rate[i]!;
    return rate > cursor.rate || (rate === cursor.rate && this.entries[i]!.found.id > cursor.id);
  }

  /** The answer of market.service candidateOffers, as the engine's views. */
  candidates(request: HostingRequest): HostingOfferView[] {
    const c = this.columns;
    const regions = request.regions.length ? this.regions.table(request.regions) : null;
    const org = this.orgs.known(request.orgId);
    const fleetMw = request.fleetMw.toNumber();
    const startDay = dayOf(request.startDate);
    const found: HostingOfferView[] = [];
    for (let i = 0; i < this.entries.length; i++) {
      if (c.org[i] === org || !(c.mw[i]! >= fleetMw) || c.day[i]! > startDay || c.minTermMonths[i]! > request.termMonths) continue;
      if (regions !== null && regions[c.region[i]!] !== 1) continue;
      found.push(this.entries[i]!.found.view);
      if (found.length === MATCH_CANDIDATE_LIMIT) break;
    }
    return found;
  }
}
