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

/** What the SQL path reads of a listing (search.service.ts's ListingRow, NUMERIC columns as numbers). */
export type ListingValues = Omit<AsFloats<ListingRow>, 'sortValue'>;

/** The cursor value of a row for a sort, as PostgreSQL prints the column (search.sql.ts's sortValue). */
export function cursorValue(sort: TSort, row: ListingValues): string {
  switch (sort) {
    case 'PRICE_ASC':
      return String(row.priceCentsPerKwMonth);
    case 'MW_DESC':
      return row.mw.toFixed(3);
    case 'AVAILABLE_FROM_ASC':
      return row.availableFrom.toISOString().slice(0, 10);
    case 'READINESS_DESC':
      return row.readinessScore.toFixed(2);
  }
}

/** A result page: rows in sort order, as search.service.ts answers. */
export interface IndexPage {
  rows: ListingValues[];
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
  /** Live slots of each grid operator (by code), ascending: most searches name one, a tenth of the rows. */
  private slotsOfOperator: Int32Array[] = [];
  /** Live slots in each sort's order. */
  private readonly orders = {} as Record<TSort, Int32Array>;
  /** Each slot's position in each order: ordering matches is then a numeric sort, no comparator. */
  private readonly ranks = {} as Record<TSort, Int32Array>;
  /** Scratch space of search(), which never yields: the slots a step is testing, and the matches so far. */
  private readonly selection = new Int32Array(CHUNK);
  private readonly found = new Int32Array(COUNT_CAP + 1 + CHUNK);

  constructor() {
    this.strings.code('\u0000null'); // NULL_CODE
    this.grow(1024);
    for (const sort of SORTS) this.orders[sort] = new Int32Array(0);
  }

  get rowCount(): number {
    return this.size;
  }

  /**
   * Replaces every row. On an empty index, each grid operator's rows take consecutive slots, so a search
   * naming one reads its columns in a run (the sites' later changes mostly reuse their own freed slots).
   */
  load(rows: readonly IndexedRow[]): void {
    const byOperator = new Map<string, IndexedRow[]>();
    for (const row of rows) {
      const group = byOperator.get(row.gridOperator);
      if (group) group.push(row);
      else byOperator.set(row.gridOperator, [row]);
    }
    this.replaceSites([...this.slotsOfSite.keys()], [...byOperator.values()].flat());
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

  /** The listing's values of a slot, as the SQL path reads them (search.mappers.ts maps both to nodes). */
  private row(slot: number): ListingValues {
    const { numbers, integers, coded } = this;
    const text = this.strings.values;
    const latency = numbers.latencyToHubMs[slot]!;
    const hub = coded.nearestHub[slot]!;
    return {
      blockId: this.blockIds[slot]!,
      siteId: this.siteIds[slot]!,
      kind: text[coded.kind[slot]!] as ListingValues['kind'],
      mw: numbers.mw[slot]!,
      firmMw: numbers.firmMw[slot]!,
      interruptibleMw: numbers.interruptibleMw[slot]!,
      availableFrom: new Date(integers.availableDay[slot]! * DAY_MS),
      priceCentsPerKwMonth: integers.priceCentsPerKwMonth[slot]!,
      minTermMonths: integers.minTermMonths[slot]!,
      country: text[coded.country[slot]!]!,
      region: text[coded.region[slot]!]!,
      gridOperator: text[coded.gridOperator[slot]!]!,
      energizedMw: numbers.energizedMw[slot]!,
      interconnectionStatus: text[coded.interconnectionStatus[slot]!]!,
      coolingType: text[coded.coolingType[slot]!]!,
      redundancy: text[coded.redundancy[slot]!]!,
      maxRackDensityKw: integers.maxRackDensityKw[slot]!,
      latencyToHubMs: Number.isNaN(latency) ? null : latency,
      nearestHub: hub === NULL_CODE ? null : text[hub]!,
      renewableSharePct: integers.renewableSharePct[slot]!,
      pue: numbers.pue[slot]!,
      energyPriceCentsPerMwh: integers.energyPriceCentsPerMwh[slot]!,
      readinessScore: numbers.readinessScore[slot]!,
    };
  }

  /**
   * search.sql.ts's whereClause as steps over a selection of slots (keep()), the usual most selective and
   * cheapest first. The grid operators are a step of their own: candidates() already holds only theirs.
   */
  private plan(filter: TCapacitySearchFilter | null | undefined): Plan {
    const f = filter ?? {};
    const { numbers, integers, coded } = this;
    const steps: Step[] = [];
    const atLeast = (values: Float64Array | Int32Array, bound: number | null | undefined) => {
      if (bound != null) steps.push(values instanceof Float64Array ? step(AT_LEAST_FLOAT, { floats: values, bound }) : step(AT_LEAST_INT, { ints: values, bound }));
    };
    const atMost = (values: Float64Array | Int32Array, bound: number | null | undefined) => {
      if (bound != null) steps.push(values instanceof Float64Array ? step(AT_MOST_FLOAT, { floats: values, bound }) : step(AT_MOST_INT, { ints: values, bound }));
    };
    const within = (codes: Int32Array, values: readonly string[] | null | undefined) => {
      if (values?.length) steps.push(step(IN_SET, { ints: codes, mask: this.strings.mask(values) }));
    };
    const byDay = f.availableBy ? dayOf(f.availableBy) : null;
    atLeast(numbers.mw, f.minBlockMw);
    atMost(integers.priceCentsPerKwMonth, f.maxPriceUsdPerKwMonth != null ? usdToCents(f.maxPriceUsdPerKwMonth) : null);
    atMost(integers.minTermMonths, f.termMonths);
    atMost(integers.availableDay, byDay);
    atLeast(integers.maxRackDensityKw, f.minRackDensityKw);
    within(coded.coolingType, f.liquidCoolingRequired ? ['DIRECT_TO_CHIP'] : null);
    atLeast(integers.renewableSharePct, f.minRenewableSharePct);
    within(coded.country, f.countries);
    within(coded.region, f.regions);
    within(coded.coolingType, f.coolingTypes);
    within(coded.redundancy, f.minRedundancy ? REDUNDANCY_ORDER.slice(REDUNDANCY_ORDER.indexOf(f.minRedundancy)) : null);
    within(coded.kind, f.kinds);
    // NULL latency never passes `<=` in SQL; NaN never passes it here.
    atMost(numbers.latencyToHubMs, f.maxLatencyMs);
    if (f.near) {
      const near = this.nearTest(f.near);
      steps.push(step(WHERE, { where: (slot) => near(numbers.approxLatitude[slot]!, numbers.approxLongitude[slot]!) }));
    }
    atLeast(numbers.siteListedMw, f.minContiguousMw);
    if (f.minContiguousMw != null && byDay !== null) steps.push(step(WHERE, { where: this.contiguousTest(f.minContiguousMw, byDay) }));
    const operators = f.gridOperators?.length ? step(IN_SET, { ints: coded.gridOperator, mask: this.strings.mask(f.gridOperators) }) : null;
    return { steps, operators };
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
    const found = this.collect(plan, filter);
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
      const positions = found.map((slot) => rank[slot]!).filter((position) => position >= start).sort();
      page = Array.from(positions.subarray(0, first + 1), (position) => order[position]!);
    } else {
      // Many match: walk the sort's own order from the cursor until the page is full.
      page = this.walk(plan, order, start, first + 1);
    }
    return {
      rows: page.slice(0, first).map((slot) => this.row(slot)),
      hasNextPage: page.length > first,
      count,
      exact,
    };
  }

  /**
   * The matching slots, in no particular order, until there are COUNT_CAP + 1 (enough to say "more"):
   * those of the grid operators named, else every live slot in memory order (a sorted order would jump
   * about the columns: a cache miss a row). A chunk of slots at a time goes through each step in turn.
   */
  private collect(plan: Plan, filter: TCapacitySearchFilter | null | undefined): Int32Array {
    const { selection, found } = this;
    const enough = COUNT_CAP + 1;
    let count = 0;
    const add = (n: number) => {
      found.set(selection.subarray(0, n), count);
      count += n;
    };
    if (filter?.gridOperators?.length) {
      for (const slots of this.candidates(filter)) {
        for (let from = 0; from < slots.length && count < enough; from += CHUNK) add(keep(plan.steps, selection, copyInto(selection, slots, from, slots.length)));
      }
    } else {
      const end = this.blockIds.length;
      for (let from = 0; from < end && count < enough; from += CHUNK) add(keep(plan.steps, selection, liveInto(selection, this.alive, from, Math.min(end, from + CHUNK))));
    }
    return found.slice(0, Math.min(count, enough));
  }

  /** The first `limit` matching slots of `order` from `start`, in chunks that grow while few match. */
  private walk(plan: Plan, order: Int32Array, start: number, limit: number): number[] {
    const { selection } = this;
    const page: number[] = [];
    for (let from = start, size = limit * 2; from < order.length && page.length < limit; from += size, size = Math.min(size * 2, CHUNK)) {
      let n = copyInto(selection, order, from, Math.min(order.length, from + size));
      if (plan.operators) n = keepStep(plan.operators, selection, n);
      n = keep(plan.steps, selection, n);
      for (let i = 0; i < n && page.length < limit; i++) page.push(selection[i]!);
    }
    return page;
  }
}

/** Slots tested per step at a time: small enough to stay in cache, large enough to amortise each step's dispatch. */
const CHUNK = 2048;

// What a step tests (Step.test).
const AT_LEAST_FLOAT = 0;
const AT_LEAST_INT = 1;
const AT_MOST_FLOAT = 2;
const AT_MOST_INT = 3;
const IN_SET = 4;
const WHERE = 5;

/** One clause of the filter. Every step has every field (unused ones empty), so V8 sees one shape. */
interface Step {
  test: number;
  floats: Float64Array;
  ints: Int32Array;
  bound: number;
  /** 1 for each code in the set. */
  mask: Uint8Array;
  where: (slot: number) => boolean;
}

interface Plan {
  steps: Step[];
  /** The grid operators named (walk() tests them; collect() reads only their slots). */
  operators: Step | null;
}

const NO_FLOATS = new Float64Array(0);
const NO_INTS = new Int32Array(0);
const NO_MASK = new Uint8Array(0);
const ANYWHERE = () => true;

function step(test: number, fields: Partial<Omit<Step, 'test'>>): Step {
  return { test, floats: fields.floats ?? NO_FLOATS, ints: fields.ints ?? NO_INTS, bound: fields.bound ?? 0, mask: fields.mask ?? NO_MASK, where: fields.where ?? ANYWHERE };
}

// The loops below keep the slots of selection[0, n) that pass, in order, at the front, and say how many.
// Each is a small function over one typed array type: V8 compiles it once, branch-free, for every search
// (one loop testing every clause of a plan per slot cost ~10-25 ns a slot; a scan through these ~3 ns).

function keep(steps: readonly Step[], selection: Int32Array, n: number): number {
  for (let i = 0; i < steps.length && n > 0; i++) n = keepStep(steps[i]!, selection, n);
  return n;
}

function keepStep(s: Step, selection: Int32Array, n: number): number {
  switch (s.test) {
    case AT_LEAST_FLOAT:
      return atLeastFloat(s.floats, s.bound, selection, n);
    case AT_LEAST_INT:
      return atLeastInt(s.ints, s.bound, selection, n);
    case AT_MOST_FLOAT:
      return atMostFloat(s.floats, s.bound, selection, n);
    case AT_MOST_INT:
      return atMostInt(s.ints, s.bound, selection, n);
    case IN_SET:
      return inSet(s.ints, s.mask, selection, n);
    default:
      return where(s.where, selection, n);
  }
}

function atLeastFloat(values: Float64Array, bound: number, selection: Int32Array, n: number): number {
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const slot = selection[i]!;
    selection[kept] = slot;
    kept += values[slot]! >= bound ? 1 : 0;
  }
  return kept;
}

function atLeastInt(values: Int32Array, bound: number, selection: Int32Array, n: number): number {
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const slot = selection[i]!;
    selection[kept] = slot;
    kept += values[slot]! >= bound ? 1 : 0;
  }
  return kept;
}

function atMostFloat(values: Float64Array, bound: number, selection: Int32Array, n: number): number {
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const slot = selection[i]!;
    selection[kept] = slot;
    kept += values[slot]! <= bound ? 1 : 0;
  }
  return kept;
}

function atMostInt(values: Int32Array, bound: number, selection: Int32Array, n: number): number {
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const slot = selection[i]!;
    selection[kept] = slot;
    kept += values[slot]! <= bound ? 1 : 0;
  }
  return kept;
}

function inSet(codes: Int32Array, mask: Uint8Array, selection: Int32Array, n: number): number {
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const slot = selection[i]!;
    selection[kept] = slot;
    kept += mask[codes[slot]!] === 1 ? 1 : 0;
  }
  return kept;
}

function where(test: (slot: number) => boolean, selection: Int32Array, n: number): number {
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const slot = selection[i]!;
    selection[kept] = slot;
    kept += test(slot) ? 1 : 0;
  }
  return kept;
}

/** slots[from, to) into the selection (at most CHUNK); how many. */
function copyInto(selection: Int32Array, slots: Int32Array, from: number, to: number): number {
  const n = Math.min(CHUNK, to - from);
  for (let i = 0; i < n; i++) selection[i] = slots[from + i]!;
  return n;
}

/** The live slots of [from, to) into the selection; how many. */
function liveInto(selection: Int32Array, alive: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let slot = from; slot < to; slot++) {
    selection[n] = slot;
    n += alive[slot]!;
  }
  return n;
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
