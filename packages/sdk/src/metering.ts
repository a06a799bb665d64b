// Recording any number of meter readings: the API takes at most 10,000 per call (about 1 MB of JSON), so
// this sends them in batches of that size, in order (or a few at a time), and adds up what each changed.
// A refused batch rejects with its GridshareError; batches before it stay recorded (each is all or
// nothing), and `batchIndex` on the error says which batch it was.
import type { GridshareClient } from './client';
import { GridshareError } from './client';
import { MAX_READINGS_PER_BATCH, inBatches } from './batches';
import { type MeterReadingInput, RecordMeterReadingsDocument } from './generated/graphql';

export { MAX_READINGS_PER_BATCH, inBatches } from './batches';


export interface RecordAllOptions {
  /** Readings per call, at most MAX_READINGS_PER_BATCH. */
  batchSize?: number;
  /** Calls in flight at once (default 1: in order). */
  concurrency?: number;
  /** Called after each batch, e.g. for a progress bar. */
  onBatch?: (done: { batchIndex: number; batches: number; readings: number }) => void;
}

export interface RecordAllResult {
  inserted: number;
  corrected: number;
  unchanged: number;
  batches: number;
}


/** The batch a refusal came from, with the API's error (whose `field` names the row within that batch). */
export class MeterBatchError extends Error {
  override readonly name = 'MeterBatchError';
  constructor(
    readonly batchIndex: number,
    /** Index in the whole list of the batch's first reading: add it to the row the error names. */
    readonly firstReading: number,
    /** The API's refusal; for BAD_USER_INPUT its `field` names the row within the batch. */
    readonly error: GridshareError,
  ) {
    super(`batch ${batchIndex} (readings from ${firstReading}): ${error.message}`);
  }
}

export async function recordAllMeterReadings(client: GridshareClient, dealId: string, readings: readonly MeterReadingInput[], options: RecordAllOptions = {}): Promise<RecordAllResult> {
  const size = Math.min(options.batchSize ?? MAX_READINGS_PER_BATCH, MAX_READINGS_PER_BATCH);
  const batches = inBatches(readings, size);
  const total: RecordAllResult = { inserted: 0, corrected: 0, unchanged: 0, batches: batches.length };
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batchIndex = next++;
      const batch = batches[batchIndex]!;
      try {
        const { recordMeterReadings } = await client.request(RecordMeterReadingsDocument, { input: { dealId, readings: batch } });
        total.inserted += recordMeterReadings.inserted;
        total.corrected += recordMeterReadings.corrected;
        total.unchanged += recordMeterReadings.unchanged;
      } catch (error) {
        next = batches.length;
        throw error instanceof GridshareError ? new MeterBatchError(batchIndex, batchIndex * size, error) : error;
      }
      options.onBatch?.({ batchIndex, batches: batches.length, readings: batch.length });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 1, batches.length)) }, worker));
  return total;
}
