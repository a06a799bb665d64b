// Recording a batch of readings: the caller and the deal first (meter-context), then the rules over the
// batch and the stored readings it meets (meter-rules), then one call of ingest_meter_readings(), which
// upserts the batch, keeps a revision for every changed interval and marks unagreed statements stale.
// Any refusal names the row and field and writes nothing.
import { type AppPrisma, type AppTx, type MeterChannel, withOrg } from '@gridshare/db';
import { audit } from '../../audit';
import type { Authorized } from '../../auth/principal';
import { appError } from '../../errors/domain-errors';
import type { ServerTimings } from '../../server-timing';
import { type MeterDealContext, loadDealForWriting } from './meter-context';
import { ensureMeterPartitions, unknownMonths } from './meter-partitions';
import { type IngestArrays, type ReadingIssue, type ReadingRow, type StoredReading, checkReadings, storedRangeNeeded } from './meter-rules';
import type { TRecordMeterReadingsInput } from './metering.schemas';

const WHAT = 'record meter readings';

export interface IngestCounts {
  inserted: number;
  corrected: number;
  unchanged: number;
}

/** Each channel's interval length, from any one stored reading (the first one stored set it). */
export async function loadStoredMinutes(tx: AppTx, dealId: string): Promise<Partial<Record<MeterChannel, number>>> {
  const rows = await tx.$queryRaw<{ channel: MeterChannel; minutes: number | null }[]>`
    SELECT c."channel"::text AS "channel",
           (SELECT r."intervalMinutes" FROM "MeterReading" r WHERE r."dealId" = ${dealId}::uuid AND r."channel" = c."channel" LIMIT 1)::int AS "minutes"
      FROM unnest(enum_range(NULL::"MeterChannel")) AS c("channel")`;
  return Object.fromEntries(rows.filter((row) => row.minutes !== null).map((row) => [row.channel, row.minutes]));
}

/** Stored AI_IT and MINING readings the caps need beside the batch's own (meter-rules storedRangeNeeded). */
async function loadStoredNear(tx: AppTx, dealId: string, rows: readonly ReadingRow[]): Promise<StoredReading[]> {
  const range = storedRangeNeeded(rows);
  if (!range) return [];
  return tx.$queryRaw<StoredReading[]>`
    SELECT "channel"::text AS "channel", "intervalStart", "intervalMinutes"::int AS "intervalMinutes", "kwh"::float8 AS "kwh"
      FROM "MeterReading"
     WHERE "dealId" = ${dealId}::uuid AND "channel" IN ('AI_IT', 'MINING')
       AND "intervalStart" >= ${new Date(range.fromMs)} AND "intervalStart" < ${new Date(range.untilMs)}`;
}

function refuse(issues: readonly ReadingIssue[]): never {
  const named = issues.map((issue) => ({ field: `input.readings.${issue.index}.${issue.field}`, message: issue.message }));
  const first = named[0]!;
  throw appError('BAD_USER_INPUT', `${first.field}: ${first.message}`, { field: first.field, issues: named });
}

async function ingest(tx: AppTx, dealId: string, arrays: IngestArrays, actor: string): Promise<IngestCounts> {
  // Epoch milliseconds to instants, and kWh to the column's 3 decimals, in order (WITH ORDINALITY).
  const [counts] = await tx.$queryRaw<IngestCounts[]>`
    SELECT "inserted", "corrected", "unchanged"
      FROM ingest_meter_readings(${dealId}::uuid, ${arrays.channels}::"MeterChannel"[],
             ARRAY(SELECT timestamptz 'epoch' + ms * interval '1 millisecond' FROM unnest(${arrays.startsMs}::bigint[]) WITH ORDINALITY AS s(ms, n) ORDER BY n),
             ${arrays.minutes}::smallint[],
             ARRAY(SELECT round(kwh, 3) FROM unnest(${arrays.kwhs}::numeric[]) WITH ORDINALITY AS k(kwh, n) ORDER BY n),
             ${actor})`;
  return counts!;
}

/** Months the batch touches that lie in the deal's active period and have begun. */
function monthsWorthCreating(months: readonly string[], deal: MeterDealContext, now: Date): string[] {
  const from = deal.activeFrom.toISOString().slice(0, 7);
  const until = new Date(Math.min(deal.activeUntil.getTime(), now.getTime())).toISOString().slice(0, 7);
  return months.filter((month) => month.slice(0, 7) >= from && month.slice(0, 7) <= until);
}

/** First days (YYYY-MM-01) of the months the rows fall in; numbers first, strings only for the few distinct months. */
function monthsOf(rows: readonly ReadingRow[]): string[] {
  const months = new Set<number>();
  for (const row of rows) months.add(row.intervalStart.getUTCFullYear() * 12 + row.intervalStart.getUTCMonth());
  return [...months].sort((a, b) => a - b).map((month) => new Date(Date.UTC(Math.floor(month / 12), month % 12, 1)).toISOString().slice(0, 10));
}

export async function recordMeterReadings(prisma: AppPrisma, auth: Authorized, input: TRecordMeterReadingsInput, timings: ServerTimings): Promise<IngestCounts> {
  const { dealId, readings } = input;
  const now = new Date();
  const missing = unknownMonths(prisma, monthsOf(readings));
  if (missing.length > 0) {
    // Partitions only for a caller who may write this deal, and only months its readings may fall in.
    const deal = await withOrg(prisma, auth, (tx) => loadDealForWriting(tx, dealId, WHAT));
    await timings.measure('partitions', () => ensureMeterPartitions(prisma, monthsWorthCreating(missing, deal, now)));
  }
  return withOrg(prisma, auth, async (tx) => {
    const arrays = await timings.measure('checks', async () => {
      const deal = await loadDealForWriting(tx, dealId, WHAT);
      const storedMinutes = await loadStoredMinutes(tx, dealId);
      const stored = await loadStoredNear(tx, dealId, readings);
      const checked = checkReadings(readings, { deal, now, storedMinutes, stored });
      if (!checked.ok) refuse(checked.issues);
      return checked.arrays;
    });
    return timings.measure('write', async () => {
      const counts = await ingest(tx, dealId, arrays, auth.actor);
      await audit(tx, auth, {
                action: 'meter.readings_recorded',
        entityType: 'Deal',
        entityId: dealId,
        changes: { readings: readings.length, ...counts, months: monthsOf(readings), channels: [...new Set(readings.map((row) => row.channel))] },
      });
      return counts;
    });
  });
}
