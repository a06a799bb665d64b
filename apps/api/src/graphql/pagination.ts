// Relay cursor connections. Cursors are opaque (base64url of a versioned id) and only ever point at rows
// the caller could already see, so a cursor from another organisation simply finds nothing.
import { z } from 'zod';
import { badInput } from '../errors/domain-errors';

export const MAX_PAGE_SIZE = 100;

export const ZPageArgs = z.object({
  first: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`)
    .default(20),
  after: z.string().max(200).nullish(),
});
export type TPageArgs = z.infer<typeof ZPageArgs>;

const CURSOR_PREFIX = 'v1:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(id: string): string {
  return Buffer.from(CURSOR_PREFIX + id).toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString();
  const id = decoded.slice(CURSOR_PREFIX.length);
  if (!decoded.startsWith(CURSOR_PREFIX) || !UUID.test(id)) throw badInput('after', 'not a cursor from this API');
  return id;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: () => Promise<number>;
}

/** Prisma `findMany` arguments for one page, newest first; fetches one extra row to learn hasNextPage. */
export function pageQuery(page: TPageArgs) {
  const cursorId = page.after ? decodeCursor(page.after) : undefined;
  return {
    take: page.first + 1,
    ...(cursorId ? { cursor: { id: cursorId }, skip: 1 } : {}),
    orderBy: [{ createdAt: 'desc' as const }, { id: 'desc' as const }],
  };
}

export function toConnection<R extends { id: string }, T>(
  rows: R[],
  page: TPageArgs,
  toNode: (row: R) => T,
  totalCount: () => Promise<number>,
): Connection<T> {
  const visible = rows.slice(0, page.first);
  const edges = visible.map((row) => ({ cursor: encodeCursor(row.id), node: toNode(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > page.first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}

/** Resolvers for any `XConnection` type: the count query runs only when a client asks for it. */
export const connectionResolvers = {
  totalCount: (connection: Connection<unknown>) => connection.totalCount(),
};
