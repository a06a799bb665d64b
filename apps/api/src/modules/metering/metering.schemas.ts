import type { MeterChannel } from '@gridshare/db';
import { z } from 'zod';
import { ZId } from '../common/common.schemas';
import { ZDateTime } from '../common/dates';

export const METER_CHANNELS = ['AI_IT', 'MINING', 'SITE_IMPORT'] as const;
export const ZMeterChannel = z.enum(METER_CHANNELS);

/** Readings per recordMeterReadings call (about 1 MB of JSON; the SDK splits larger sets). */
export const MAX_READINGS_PER_BATCH = 10_000;
/** Readings per page: a month of one 15-minute channel is 2,976. */
export const MAX_READINGS_PAGE = 1_000;

/**
 * A reading as GraphQL hands it over: MeterReadingInput has typed it already (channel one of the enum,
 * intervalStart an instant, intervalMinutes an Int, kwh and kw finite Floats, no other field). What is
 * left to check (15 or 60 minutes, exactly one of kwh and kw, a plausible size) is checked with the batch
 * rules in their one pass over the rows (meter-rules.ts): a zod object per row cost a tenth of a
 * 10,000-reading request (apps/api/bench/meter-ingest.ts).
 */
export interface TMeterReadingInput {
  channel: MeterChannel;
  intervalStart: Date;
  intervalMinutes: number;
  kwh?: number | null;
  kw?: number | null;
}

export const ZRecordMeterReadingsInput = z.strictObject({
  dealId: ZId,
  readings: z
    .array(z.custom<TMeterReadingInput>())
    .min(1, 'must hold at least one reading')
    .max(MAX_READINGS_PER_BATCH, `must hold at most ${MAX_READINGS_PER_BATCH.toLocaleString('en-US')} readings (split larger sets into batches)`),
});
export type TRecordMeterReadingsInput = z.infer<typeof ZRecordMeterReadingsInput>;

/** `from` ≤ intervalStart < `to`. */
const ZTimeRange = {
  from: ZDateTime.nullish(),
  to: ZDateTime.nullish(),
};
const rangeInOrder = (range: { from?: Date | null; to?: Date | null }) => !range.from || !range.to || range.from < range.to;

export const ZMeterReadingFilter = z
  .strictObject({ channel: ZMeterChannel.nullish(), ...ZTimeRange })
  .refine(rangeInOrder, { path: ['to'], message: 'must be after from' });
export type TMeterReadingFilter = z.infer<typeof ZMeterReadingFilter>;

export const ZMeterRevisionFilter = ZMeterReadingFilter;
export type TMeterRevisionFilter = TMeterReadingFilter;

export const ZReadingsPageArgs = z.object({
  first: z.number().int('must be a whole number').min(1, 'must be at least 1').max(MAX_READINGS_PAGE, `must be at most ${MAX_READINGS_PAGE}`).default(100),
  after: z.string().max(200).nullish(),
});
export type TReadingsPageArgs = z.infer<typeof ZReadingsPageArgs>;

/** A calendar month, `YYYY-MM` (UTC); parsed to its first instant. */
export const ZMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM')
  .transform((value) => new Date(`${value}-01T00:00:00Z`));

export const ZGrantMeterAccessInput = z.strictObject({ dealId: ZId, partnerOrganizationId: ZId });
export type TGrantMeterAccessInput = z.infer<typeof ZGrantMeterAccessInput>;

export const ZMeterGrantFilter = z.strictObject({ dealId: ZId.nullish(), activeOnly: z.boolean().nullish() });
export type TMeterGrantFilter = z.infer<typeof ZMeterGrantFilter>;
