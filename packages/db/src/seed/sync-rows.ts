// Writes seed rows so that running the seed again changes nothing: missing rows are created, rows whose
// seeded columns drifted (edited in the portal, or the demo data changed) are put back, and identical rows
// are not touched, so their `updatedAt` keeps telling the truth.
import { Prisma } from '../generated/prisma/client';

export type Columns = Record<string, unknown>;

export interface SyncCounts {
  created: number;
  updated: number;
}

/** Written only when a row is created: its identity and its history. */
const CREATE_ONLY = new Set(['id', 'createdAt']);

export interface SyncSpec<R extends Columns> {
  rows: readonly R[];
  /** The stored rows that may correspond to `rows`. */
  stored: readonly Columns[];
  /** How a seed row finds its stored row; by `id` unless another unique key decides. */
  keyOf?: (row: Columns) => string;
  /** Upserts one row; `exists` says whether it is stored already. */
  write: (row: R, exists: boolean) => Promise<unknown>;
}

export async function syncRows<R extends Columns>(spec: SyncSpec<R>): Promise<SyncCounts> {
  const keyOf = spec.keyOf ?? ((row: Columns) => String(row['id']));
  const stored = new Map(spec.stored.map((row) => [keyOf(row), row]));
  const counts: SyncCounts = { created: 0, updated: 0 };
  // One at a time: statements of an interactive transaction run in sequence anyway.
  for (const row of spec.rows) {
    const existing = stored.get(keyOf(row));
    if (existing && sameSeededColumns(row, existing)) continue;
    await spec.write(row, existing !== undefined);
    counts[existing ? 'updated' : 'created'] += 1;
  }
  return counts;
}

/** The columns a re-run may put back (everything but id and createdAt). */
export function seeded<R extends { id: string; createdAt: Date }>(row: R): Omit<R, 'id' | 'createdAt'> {
  const { id: _id, createdAt: _createdAt, ...columns } = row;
  return columns;
}

function sameSeededColumns(row: Columns, stored: Columns): boolean {
  return Object.entries(row).every(
    ([column, value]) => CREATE_ONLY.has(column) || comparable(value) === comparable(stored[column]),
  );
}

// Decimals come back as Decimal objects and JSON with its keys reordered; compare them by value.
function comparable(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Prisma.Decimal.isDecimal(value)) return value.toNumber();
  if (typeof value === 'object') return JSON.stringify(value, sortedKeys);
  return value;
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value as Columns).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A new row looks as if it was last touched when it was created. */
export function asCreated<R extends { createdAt: Date }>(row: R): R & { updatedAt: Date } {
  return { ...row, updatedAt: row.createdAt };
}
