import { z } from 'zod';

/** Sign-up, sign-in and invitations: one spelling of an address (trimmed, lower case). */
export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email('must be an email address'));

/** An organisation's name (sign-up and createOrganization). */
export const ZOrgName = z.string().trim().min(2, 'must be at least 2 characters').max(200, 'must be at most 200 characters');

/** Our ids are UUIDs; anything else cannot name a row, so it is refused before a query runs. */
export const ZId = z.uuid({ message: 'must be an id from this API (a UUID)' });

/** MW as the columns store it (NUMERIC(10,3)): 0 to 10,000. */
export const ZMw = z.number().finite().min(0, 'must be 0 or more MW').max(10_000, 'must be at most 10,000 MW');

/** MW that must be more than 0: one kW is the least a NUMERIC(10,3) column holds, and less would be stored as 0. */
export const ZPositiveMw = ZMw.min(0.001, 'must be at least 0.001 MW (1 kW)');

/** An update input: the create fields, all optional, at least one given (strict: unknown fields refused). */
export function ZPartialUpdate<T extends z.ZodRawShape>(shape: T) {
  return z
    .strictObject(shape)
    .partial()
    .refine((input) => Object.keys(input).length > 0, 'must change at least one field');
}

/** JSON fields nest at most this deep; deeper values are refused before anything walks them recursively. */
export const MAX_JSON_DEPTH = 32;

/** Whether objects and arrays in `value` nest deeper than `limit` levels (counted without recursion). */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= limit) return true;
    for (const item of Object.values(current)) stack.push([item, depth + 1]);
  }
  return false;
}

/** Any JSON value (the JSON scalar), at most MAX_JSON_DEPTH deep: a 3,000-deep one would overflow the stack. */
export const ZJsonValue = z.unknown().refine((value) => !nestsDeeperThan(value, MAX_JSON_DEPTH), `must not nest deeper than ${MAX_JSON_DEPTH} levels`);
