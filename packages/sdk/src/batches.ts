// Splitting readings into the API's batches, with no other import: the portal's upload uses it in the browser.

/** Readings per recordMeterReadings call (the API's limit: about 1 MB of JSON). */
export const MAX_READINGS_PER_BATCH = 10_000;

/** `items` in consecutive slices of at most `size`. */
export function inBatches<T>(items: readonly T[], size = MAX_READINGS_PER_BATCH): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('batch size must be a whole number of at least 1');
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}
