// Search cursors carry the sort they were made with, the sort key's value and the listing id.
import { z } from 'zod';
import { badInput } from '../../graphql/errors';
import type { Keyset } from './search.sql';
import { SORTS, type TSort } from './search.schemas';

const ZCursor = z.strictObject({ s: z.enum(SORTS), v: z.string().max(40), id: z.uuid() });

export function encodeSearchCursor(sort: TSort, keyset: Keyset): string {
  return Buffer.from(JSON.stringify({ s: sort, v: keyset.value, id: keyset.id })).toString('base64url');
}

export function decodeSearchCursor(cursor: string, sort: TSort): Keyset {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    throw badInput('after', 'not a cursor from this search');
  }
  const result = ZCursor.safeParse(parsed);
  if (!result.success) throw badInput('after', 'not a cursor from this search');
  if (result.data.s !== sort) throw badInput('after', `this cursor belongs to sort ${result.data.s}, not ${sort}`);
  return { value: result.data.v, id: result.data.id };
}
