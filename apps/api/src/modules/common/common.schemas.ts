import { z } from 'zod';

/** Our ids are UUIDs; anything else cannot name a row, so it is refused before a query runs. */
export const ZId = z.uuid({ message: 'must be an id from this API (a UUID)' });

/** An update input: the create fields, all optional, at least one given (strict: unknown fields refused). */
export function ZPartialUpdate<T extends z.ZodRawShape>(shape: T) {
  return z
    .strictObject(shape)
    .partial()
    .refine((input) => Object.keys(input).length > 0, 'must change at least one field');
}
