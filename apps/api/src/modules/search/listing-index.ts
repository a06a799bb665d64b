// The public listing (MarketplaceListing) held in memory, column by column, with one sorted order per
// sort: capacity search answered in a fraction of a millisecond instead of a page and a count query
// (~11 ms of database time per varied search on 200,000 listings; docs/marketplace-search.md). It answers
// exactly what search.sql.ts answers: the same filters, the same order (ties by block id), the same
// cursors and the same capped count. listing-sync.ts keeps it in step with the table. No I/O here.
import { usdToCents } from '../common/units';
import type { Keyset } from './search.sql';
import type { AsFloats, ListingRow } from './search.service';
import { COUNT_CAP } from './search.service';
import { REDUNDANCY_ORDER, type TCapacitySearchFilter, type TSort } from './search.schemas';

/** A listing row with its NUMERIC columns as numbers and its date as a day number (days since 1970-01-01). */
export type IndexedRow = Omit<AsFloats<ListingRow>, 'sortValue' | 'availableFrom'> & {
  availableDay: number;
  approxLatitude: number;
  approxLongitude: number;
  siteListedMw: number;
};

const DAY_MS = 86_400_000;
const KM_PER_DEGREE = 111.32;
const EARTH_RADIUS_KM = 6371;
/** PostgreSQL's radians() multiplies by this constant (float.c: RADIANS_PER_DEGREE). */
const RADIANS_PER_DEGREE = Math.PI / 180;

export const dayOf = (date: Date) => Math.floor(date.getTime() / DAY_MS);
const isoDayOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Strings of every text and enum column, as small integer codes (filters become lookups in a mask). */
class Dictionary {
  private readonly codes = new Map<string, number>();
  readonly values: string[] = [];
  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.codes.set(value, code);
      this.values.push(value);
    }
    return code;
  }
  /** A mask over codes: 1 for each listed value (values never seen match nothing). */
  mask(values: readonly string[]): Uint8Array {
    const mask = new Uint8Array(this.values.length);
    for (const value of values) {
      const code = this.codes.get(value);
      if (code !== undefined) mask[code] = 1;
    }
    return mask;
  }
}

const NUMBER_COLUMNS = [
  'mw',
  'firmMw',
  'interruptibleMw',
  'energizedMw',
  'latencyToHubMs',
  'pue',
  'readinessScore',
  'approxLatitude',
  'approxLongitude',
  'siteListedMw',
] as const;
const INTEGER_COLUMNS = [
  'availableDay',
  'priceCentsPerKwMonth',
  'minTermMonths',
  'maxRackDensityKw',
  'renewableSharePct',
  'energyPriceCentsPerMwh',
] as const;
const CODED_COLUMNS = ['kind', 'country', 'region', 'gridOperator', 'interconnectionStatus', 'coolingType', 'redundancy', 'nearestHub'] as const;
type NumberColumn = (typeof NUMBER_COLUMNS)[number];
type IntegerColumn = (typeof INTEGER_COLUMNS)[number];
type CodedColumn = (typeof CODED_COLUMNS)[number];

/** Code of a null text (nearestHub). */
const NULL_CODE = 0;

/** The sort key of a slot: ascending number (descending sorts are negated), then the block id. */
const SORT_KEYS: Record<TSort, { column: NumberColumn | IntegerColumn; descending: boolean }> = {
  PRICE_ASC: { column: 'priceCentsPerKwMonth', descending: false },
  MW_DESC: { column: 'mw', descending: true },
  AVAILABLE_FROM_ASC: { column: 'availableDay', descending: false },
  READINESS_DESC: { column: 'readinessScore', descending: true },
};
const SORTS = Object.keys(SORT_KEYS) as TSort[];

/** A result page: rows in sort order with the cursor value of each, as search.service.ts answers. */
export interface IndexPage {
  rows: { row: IndexedRow; keyset: Keyset }[];
  hasNextPage: boolean;
  count: number;
  exact: boolean;
}

export class ListingIndex {
  private capacity = 0;
  private size = 0;
  private readonly free: number[] = [];
  private alive = new Uint8Array(0);
  private blockIds: string[] = [];
  private siteIds: string[] = [];
  private readonly numbers = {} as Record<NumberColumn, Float64Array>;
  private readonly integers = {} as Record<IntegerColumn, Int32Array>;
  private readonly coded = {} as Record<CodedColumn, Int32Array>;
  private readonly strings = new Dictionary();
  /** Slots of each site's rows (the contiguous filter sums them by date). */
  private readonly slotsOfSite = new Map<string, number[]>();
  private columnsCache: Columns | undefined;
  /** Live slots of each grid operator (by code), ascending: most searches name one, a tenth of the rows. */
  private slotsOfOperator: Int32Array[] = [];
  /** Live slots in each sort's order. */
  private readonly orders = {} as Record<TSort, Int32Array>;
  /** Each slot's position in each order: ordering matches is then a numeric sort, no comparator. */
  private readonly ranks = {} as Record<TSort, Int32Array>;

  constructor() {
    this.strings.code('\u0000null'); // NULL_CODE
    this.grow(1024);
    for (const sort of SORTS) this.orders[sort] = new Int32Array(0);
  }

  get rowCount(): number {
    return this.size;
  }

  /** Replaces every row. */
  load(rows: readonly IndexedRow[]): void {
    this.replaceSites([...this.slotsOfSite.keys()], rows);
  }

  /** Replaces the rows of these sites with `rows` (the sites' rows now; none when a site is no longer listed). */
  replaceSites(siteIds: readonly string[], rows: readonly IndexedRow[]): void {
    // Slots freed here may be refilled below: every one leaves the old orders, the refilled ones come back sorted.
    const removed = new Uint8Array(this.capacity);
    let anyRemoved = false;
    for (const siteId of siteIds) {
      for (const slot of this.slotsOfSite.get(siteId) ?? []) {
        this.alive[slot] = 0;
        removed[slot] = 1;
        anyRemoved = true;
        this.free.push(slot);
        this.size -= 1;
      }
      this.slotsOfSite.delete(siteId);
    }
    const added = Int32Array.from(rows, (row) => this.insert(row));
    for (const sort of SORTS) {
      const compare = this.comparator(sort);
      const kept = anyRemoved ? this.orders[sort].filter((slot) => removed[slot] === 0) : this.orders[sort];
      const order = merge(kept, added.slice().sort(compare), compare);
      const rank = new Int32Array(this.capacity);
      for (let i = 0; i < order.length; i++) rank[order[i]!] = i;
      this.orders[sort] = order;
      this.ranks[sort] = rank;
    }
    this.groupByOperator();
  }

  private groupByOperator() {
    const operators = this.coded.gridOperator;
    const sizes = new Int32Array(this.strings.values.length);
    const end = this.blockIds.length;
    for (let slot = 0; slot < end; slot++) if (this.alive[slot] === 1) sizes[operators[slot]!]! += 1;
    const groups = Array.from(sizes, (size) => new Int32Array(size));
    const filled = new Int32Array(sizes.length);
    for (let slot = 0; slot < end; slot++) {
      if (this.alive[slot] === 1) {
        const code = operators[slot]!;
        groups[code]![filled[code]!++] = slot;
      }
    }
    this.slotsOfOperator = groups;
  }

  /** Slots that may match, ascending within each operator: those of the operators named, else every live one. */
  private candidates(filter: TCapacitySearchFilter | null | undefined): Int32Array[] {
    const named = filter?.gridOperators;
    if (!named?.length) return [];
    const mask = this.strings.mask(named);
    return this.slotsOfOperator.filter((_, code) => mask[code] === 1);
  }

  private grow(capacity: number) {
    const copy = <T extends Float64Array | Int32Array | Uint8Array>(from: T, make: (n: number) => T) => {
      const to = make(capacity);
      to.set(from);
      return to;
    };
    this.alive = copy(this.alive, (n) => new Uint8Array(n));
    for (const column of NUMBER_COLUMNS) this.numbers[column] = copy(this.numbers[column] ?? new Float64Array(0), (n) => new Float64Array(n));
    for (const column of INTEGER_COLUMNS) this.integers[column] = copy(this.integers[column] ?? new Int32Array(0), (n) => new Int32Array(n));
    for (const column of CODED_COLUMNS) this.coded[column] = copy(this.coded[column] ?? new Int32Array(0), (n) => new Int32Array(n));
    this.capacity = capacity;
  }

  private insert(row: IndexedRow): number {
    let slot = this.free.pop();
    if (slot === undefined) {
      if (this.blockIds.length === this.capacity) this.grow(this.capacity * 2);
      slot = this.blockIds.length;
      this.blockIds.push('');
      this.siteIds.push('');
    }
    this.blockIds[slot] = row.blockId;
    this.siteIds[slot] = row.siteId;
    for (const column of NUMBER_COLUMNS) this.numbers[column][slot] = row[column] ?? Number.NaN;
    for (const column of INTEGER_COLUMNS) this.integers[column][slot] = row[column];
    for (const column of CODED_COLUMNS) {
      const value = row[column];
      this.coded[column][slot] = value === null ? NULL_CODE : this.strings.code(value);
    }
    this.alive[slot] = 1;
    this.size += 1;
    const slots = this.slotsOfSite.get(row.siteId);
    if (slots) slots.push(slot);
    else this.slotsOfSite.set(row.siteId, [slot]);
    return slot;
  }

  /** The sort's key of a slot, ascending (descending columns negated). */
  private keyOf(sort: TSort): (slot: number) => number {
    const { column, descending } = SORT_KEYS[sort];
    const values: Float64Array | Int32Array = column in this.numbers ? this.numbers[column as NumberColumn] : this.integers[column as IntegerColumn];
    return descending ? (slot) => -values[slot]! : (slot) => values[slot]!;
  }

  private comparator(sort: TSort): (a: number, b: number) => number {
    const key = this.keyOf(sort);
    const ids = this.blockIds;
    // Block ids are lower-case UUID text, whose string order is PostgreSQL's uuid order (bytes, big-endian).
    return (a, b) => key(a) - key(b) || (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0);
  }

  /** The cursor value of a slot for a sort, as PostgreSQL prints the column (search.sql.ts's sortValue). */
  private sortText(sort: TSort, slot: number): string {
    switch (sort) {
      case 'PRICE_ASC':
        return String(this.integers.priceCentsPerKwMonth[slot]);
      case 'MW_DESC':
        return this.numbers.mw[slot]!.toFixed(3);
      case 'AVAILABLE_FROM_ASC':
        return isoDayOf(this.integers.availableDay[slot]!);
      case 'READINESS_DESC':
        return this.numbers.readinessScore[slot]!.toFixed(2);
    }
  }

  /** The cursor's key as an ascending number (the cast search.sql.ts's afterClause makes). */
  private cursorKey(sort: TSort, value: string): number {
    switch (sort) {
      case 'PRICE_ASC':
        return Number(value);
      case 'MW_DESC':
      case 'READINESS_DESC':
        return -Number(value);
      case 'AVAILABLE_FROM_ASC':
        return dayOf(new Date(`${value}T00:00:00Z`));
    }
  }

  private row(slot: number): IndexedRow {
    const text = (column: CodedColumn) => this.strings.values[this.coded[column][slot]!]!;
    const latency = this.numbers.latencyToHubMs[slot]!;
    const hub = this.coded.nearestHub[slot]!;
    return {
      blockId: this.blockIds[slot]!,
      siteId: this.siteIds[slot]!,
      kind: text('kind') as IndexedRow['kind'],
      mw: this.numbers.mw[slot]!,
      firmMw: this.numbers.firmMw[slot]!,
      interruptibleMw: this.numbers.interruptibleMw[slot]!,
      availableDay: this.integers.availableDay[slot]!,
      priceCentsPerKwMonth: this.integers.priceCentsPerKwMonth[slot]!,
      minTermMonths: this.integers.minTermMonths[slot]!,
      country: text('country'),
      region: text('region'),
      gridOperator: text('gridOperator'),
      energizedMw: this.numbers.energizedMw[slot]!,
      interconnectionStatus: text('interconnectionStatus'),
      coolingType: text('coolingType'),
      redundancy: text('redundancy'),
      maxRackDensityKw: this.integers.maxRackDensityKw[slot]!,
      latencyToHubMs: Number.isNaN(latency) ? null : latency,
      nearestHub: hub === NULL_CODE ? null : this.strings.values[hub]!,
      renewableSharePct: this.integers.renewableSharePct[slot]!,
      pue: this.numbers.pue[slot]!,
      energyPriceCentsPerMwh: this.integers.energyPriceCentsPerMwh[slot]!,
      readinessScore: this.numbers.readinessScore[slot]!,
      approxLatitude: this.numbers.approxLatitude[slot]!,
      approxLongitude: this.numbers.approxLongitude[slot]!,
      siteListedMw: this.numbers.siteListedMw[slot]!,
    };
  }

  /** search.sql.ts's whereClause as plain values, for matches(): one shape for every search, so V8 optimises it once. */
  private plan(filter: TCapacitySearchFilter | null | undefined): Plan {
    const f = filter ?? {};
    const maskOf = (values: readonly string[] | null | undefined) => (values?.length ? this.strings.mask(values) : null);
    const byDay = f.availableBy ? dayOf(f.availableBy) : Infinity;
    return {
      columns: this.columns(),
      minMw: f.minBlockMw ?? -Infinity,
      byDay,
      maxPrice: f.maxPriceUsdPerKwMonth != null ? usdToCents(f.maxPriceUsdPerKwMonth) : Infinity,
      minRack: f.minRackDensityKw ?? -Infinity,
      minRenewable: f.minRenewableSharePct ?? -Infinity,
      maxLatency: f.maxLatencyMs ?? null,
      operators: maskOf(f.gridOperators),
      countries: maskOf(f.countries),
      regions: maskOf(f.regions),
      coolings: f.liquidCoolingRequired ? this.strings.mask(['DIRECT_TO_CHIP']) : null,
      coolingTypes: maskOf(f.coolingTypes),
      redundancies: f.minRedundancy ? this.strings.mask(REDUNDANCY_ORDER.slice(REDUNDANCY_ORDER.indexOf(f.minRedundancy))) : null,
      kinds: maskOf(f.kinds),
      near: f.near ? this.nearTest(f.near) : null,
      minContiguousMw: f.minContiguousMw ?? null,
      contiguousByDate: f.minContiguousMw != null && f.availableBy ? this.contiguousTest(f.minContiguousMw, byDay) : null,
    };
  }

  /** Every column in one object of a fixed shape (rebuilt when the columns grow). */
  private columns(): Columns {
    if (this.columnsCache?.mw !== this.numbers.mw) {
      const c = {} as Columns;
      for (const column of NUMBER_COLUMNS) c[column] = this.numbers[column];
      for (const column of INTEGER_COLUMNS) c[column] = this.integers[column];
      for (const column of CODED_COLUMNS) c[column] = this.coded[column];
      this.columnsCache = c;
    }
    return this.columnsCache;
  }

  /** search.sql.ts's nearClause, the same arithmetic in the same order. */
  private nearTest(near: NonNullable<TCapacitySearchFilter['near']>): (lat: number, lon: number) => boolean {
    const { latitude, longitude, radiusKm } = near;
    const dLat = radiusKm / KM_PER_DEGREE;
    const dLon = radiusKm / (KM_PER_DEGREE * Math.max(Math.cos((latitude * Math.PI) / 180), 0.01));
    const [latLo, latHi, lonLo, lonHi] = [latitude - dLat, latitude + dLat, longitude - dLon, longitude + dLon];
    const within = (value: number) => value >= lonLo && value <= lonHi;
    const cosLat = Math.cos(latitude * RADIANS_PER_DEGREE);
    return (lat, lon) =>
      lat >= latLo &&
      lat <= latHi &&
      (dLon >= 180 || within(lon) || within(lon + 360) || within(lon - 360)) &&
      2 *
        EARTH_RADIUS_KM *
        Math.asin(
          Math.sqrt(
            Math.sin(((lat - latitude) * RADIANS_PER_DEGREE) / 2) ** 2 +
              cosLat * Math.cos(lat * RADIANS_PER_DEGREE) * Math.sin(((lon - longitude) * RADIANS_PER_DEGREE) / 2) ** 2,
          ),
        ) <=
        radiusKm;
  }

  /** By a date, the site's blocks available by then must hold the MW (summed exactly, in thousandths as NUMERIC(10,3) stores them). */
  private contiguousTest(minMw: number, byDay: number): (slot: number) => boolean {
    const thousandths = minMw * 1000;
    const needed = Math.abs(thousandths - Math.round(thousandths)) < 1e-6 ? Math.round(thousandths) : thousandths;
    return (slot) => {
      let sum = 0;
      for (const other of this.slotsOfSite.get(this.siteIds[slot]!)!) {
        if (this.integers.availableDay[other]! <= byDay) sum += Math.round(this.numbers.mw[other]! * 1000);
      }
      return sum >= needed;
    };
  }

  /** One page after `after` in `sort` order, and the matches counted up to COUNT_CAP (+1 tells "more"). */
  search(first: number, sort: TSort, filter: TCapacitySearchFilter | null | undefined, after: Keyset | null): IndexPage {
    const plan = this.plan(filter);
    const found: number[] = [];
    // In slot order, which is memory order: a scan of every row streams through the columns, where one in
    // a sorted order jumps about them (~100 ns a row in cache misses: 20 ms instead of < 1 ms for 200,000).
    // Hot loops live in small functions of their own: inside this one, V8 compiled them on-stack and
    // threw the code away at every search (no feedback for what follows the loop yet).
    if (filter?.gridOperators?.length) for (const slots of this.candidates(filter)) collect(plan, slots, found);
    else collectLive(plan, this.alive, this.blockIds.length, found);
    const count = Math.min(found.length, COUNT_CAP);
    const exact = found.length <= COUNT_CAP;
    const order = this.orders[sort];
    // Where the page starts in the sort's order: the first row strictly after the cursor.
    let start = 0;
    if (after) {
      const key = this.keyOf(sort);
      const afterKey = this.cursorKey(sort, after.value);
      start = lowerBound(order.length, (i) => key(order[i]!) > afterKey || (key(order[i]!) === afterKey && this.blockIds[order[i]!]! > after.id));
    }
    let page: number[];
    if (exact) {
      // Every match is in hand: their positions in the order, sorted, give the page.
      const rank = this.ranks[sort];
      const positions = Int32Array.from(found, (slot) => rank[slot]!)
        .filter((position) => position >= start)
        .sort();
      page = Array.from(positions.subarray(0, first + 1), (position) => order[position]!);
    } else {
      // Many match: walk the sort's own order from the cursor until the page is full.
      page = walk(plan, order, start, first + 1);
    }
    return {
      rows: page.slice(0, first).map((slot) => ({ row: this.row(slot), keyset: { value: this.sortText(sort, slot), id: this.blockIds[slot]! } })),
      hasNextPage: page.length > first,
      count,
      exact,
    };
  }
}

type Columns = Record<NumberColumn, Float64Array> & Record<IntegerColumn, Int32Array> & Record<CodedColumn, Int32Array>;

interface Plan {
  columns: Columns;
  minMw: number;
  byDay: number;
  maxPrice: number;
  minRack: number;
  minRenewable: number;
  maxLatency: number | null;
  operators: Uint8Array | null;
  countries: Uint8Array | null;
  regions: Uint8Array | null;
  coolings: Uint8Array | null;
  coolingTypes: Uint8Array | null;
  redundancies: Uint8Array | null;
  kinds: Uint8Array | null;
  near: ((lat: number, lon: number) => boolean) | null;
  minContiguousMw: number | null;
  contiguousByDate: ((slot: number) => boolean) | null;
}

/** Whether a slot passes the plan: most selective and cheapest tests first. */
function matches(p: Plan, slot: number): boolean {
  const c = p.columns;
  return (
    (p.operators === null || p.operators[c.gridOperator[slot]!] === 1) &&
    c.mw[slot]! >= p.minMw &&
    c.priceCentsPerKwMonth[slot]! <= p.maxPrice &&
    c.availableDay[slot]! <= p.byDay &&
    c.maxRackDensityKw[slot]! >= p.minRack &&
    (p.coolings === null || p.coolings[c.coolingType[slot]!] === 1) &&
    c.renewableSharePct[slot]! >= p.minRenewable &&
    (p.countries === null || p.countries[c.country[slot]!] === 1) &&
    (p.regions === null || p.regions[c.region[slot]!] === 1) &&
    (p.coolingTypes === null || p.coolingTypes[c.coolingType[slot]!] === 1) &&
    (p.redundancies === null || p.redundancies[c.redundancy[slot]!] === 1) &&
    (p.kinds === null || p.kinds[c.kind[slot]!] === 1) &&
    // NULL latency never passes `<=` in SQL; NaN never passes it here.
    (p.maxLatency === null || c.latencyToHubMs[slot]! <= p.maxLatency) &&
    (p.near === null || p.near(c.approxLatitude[slot]!, c.approxLongitude[slot]!)) &&
    (p.minContiguousMw === null || c.siteListedMw[slot]! >= p.minContiguousMw) &&
    (p.contiguousByDate === null || p.contiguousByDate(slot))
  );
}

/** Adds the matching slots of `slots` to `found` until it holds COUNT_CAP + 1 (enough to say "more"). */
function collect(plan: Plan, slots: Int32Array, found: number[]): void {
  const enough = COUNT_CAP + 1; // a local: the imported binding is a getter call per read once compiled to CommonJS
  for (let i = 0; i < slots.length && found.length < enough; i++) if (matches(plan, slots[i]!)) found.push(slots[i]!);
}

/** collect() over every live slot, in memory order (a sorted order would jump about the columns: cache misses). */
function collectLive(plan: Plan, alive: Uint8Array, end: number, found: number[]): void {
  const enough = COUNT_CAP + 1;
  for (let slot = 0; slot < end && found.length < enough; slot++) if (alive[slot] === 1 && matches(plan, slot)) found.push(slot);
}

/** The first `limit` matching slots of `order` from `start`. */
function walk(plan: Plan, order: Int32Array, start: number, limit: number): number[] {
  const page: number[] = [];
  for (let i = start; i < order.length && page.length < limit; i++) if (matches(plan, order[i]!)) page.push(order[i]!);
  return page;
}

/** The first index in [0, n) where `past` holds (it must hold for a suffix). */
function lowerBound(n: number, past: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (past(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Two sorted runs as one. */
function merge(a: Int32Array, b: Int32Array, compare: (x: number, y: number) => number): Int32Array {
  if (b.length === 0) return a;
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compare(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}
