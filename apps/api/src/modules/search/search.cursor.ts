// Search cursors carry the sort they were made with, the sort key's value and the listing id.
import { z } from 'zod';
import { badInput } from '../../errors/domain-errors';
import type { Keyset } from './search.sql';
import { SORTS, type TSort } from './search.schemas';

// z.guid(), not z.uuid(): PostgreSQL stores any 8-4-4-4-12 hex id, not only RFC 4122 versions (the bench market's ids are md5s).
const ZCursor = z.strictObject({ s: z.enum(SORTS), v: z.string().max(40), id: z.guid() });

const isIsoDay = (value: string) => {
  const day = new Date(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
};

/**
 * What each sort's value looks like as PostgreSQL prints it (search.sql.ts casts it back): a cursor made
 * by hand with anything else would make that cast fail in the database.
 */
const VALUE_SHAPES: Record<TSort, (value: string) => boolean> = {
  PRICE_ASC: (value) => /^-?\d{1,10}$/.test(value) && Math.abs(Number(value)) <= 2 ** 31 - 1,
  MW_DESC: (value) => /^-?\d{1,12}(\.\d{1,6})?$/.test(value),
  AVAILABLE_FROM_ASC: isIsoDay,
  READINESS_DESC: (value) => /^-?\d{1,12}(\.\d{1,6})?$/.test(value),
};

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
  if (!VALUE_SHAPES[sort](result.data.v)) throw badInput('after', 'not a cursor from this search');
  return { value: result.data.v, id: result.data.id };
}
