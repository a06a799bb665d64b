import { z } from 'zod';

/** Our ids are UUIDs; anything else cannot name a row, so it is refused before a query runs. */
export const ZId = z.uuid({ message: 'must be an id from this API (a UUID)' });
