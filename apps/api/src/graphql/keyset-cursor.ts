// Cursors for lists ordered by something other than creation (time series, days): the sort key's values
// of the last row, opaque to clients (base64url of a versioned JSON array). Like id cursors, a cursor only
// says where to continue; the query that uses it is scoped as always, so a foreign cursor finds nothing new.
import { badInput } from '../errors/domain-errors';

const VERSION = 'k1';

export function encodeKeyset(values: readonly string[]): string {
  return Buffer.from(JSON.stringify([VERSION, ...values])).toString('base64url');
}

/** The `length` values a cursor of this shape carries; BAD_USER_INPUT on `after` for anything else. */
export function decodeKeyset(cursor: string, length: number): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    parsed = null;
  }
  const valid =
    Array.isArray(parsed) && parsed.length === length + 1 && parsed[0] === VERSION && parsed.every((value) => typeof value === 'string' && value.length <= 100);
  if (!valid) throw badInput('after', 'not a cursor from this list');
  return (parsed as string[]).slice(1);
}

/** A page of `first` rows from `rows` (fetched with one extra to learn hasNextPage), with keyset cursors. */
export function toKeysetConnection<R, T>(rows: readonly R[], first: number, keyOf: (row: R) => string[], toNode: (row: R) => T, totalCount: () => Promise<number>) {
  const visible = rows.slice(0, first);
  const edges = visible.map((row) => ({ cursor: encodeKeyset(keyOf(row)), node: toNode(row) }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}
