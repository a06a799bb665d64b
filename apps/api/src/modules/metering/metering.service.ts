// Recording a batch of readings: the caller and the deal first (meter-context), then the rules over the
// batch and the stored readings it meets (meter-rules), then one call of ingest_meter_readings(), which
// upserts the batch, keeps a revision for every changed interval and marks unagreed statements stale.
// Any refusal names the row and field and writes nothing.
import { type AppPrisma, type AppTx, type MeterChannel, withOrg } from '@gridshare/db';
import { writeAudit } from '../../audit';
import type { Authorized } from '../../auth/authorize';
import { appError } from '../../graphql/errors';
import type { ServerTimings } from '../../server-timing';
import { type MeterDealContext, loadDealForWriting } from './meter-context';
import { ensureMeterPartitions, unknownMonths } from './meter-partitions';
import { type IngestArrays, type ReadingIssue, type ReadingRow, type StoredReading, checkReadings } from './meter-rules';
import type { TRecordMeterReadingsInput } from './metering.schemas';

const WHAT = 'record meter readings';
const HOUR_MS = 3_600_000;

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

/** Stored AI_IT and MINING readings that may share an interval with the batch's AI_IT and MINING rows. */
async function loadStoredNear(tx: AppTx, dealId: string, rows: readonly ReadingRow[]): Promise<StoredReading[]> {
  let from = Infinity;
  let to = -Infinity;
  for (const row of rows) {
    if (row.channel === 'SITE_IMPORT') continue;
    const start = row.intervalStart.getTime();
    from = Math.min(from, start);
    to = Math.max(to, start + row.intervalMinutes * 60_000);
  }
  if (from > to) return [];
  // A stored hourly reading that began up to 45 minutes before a 15-minute row covers it.
  return tx.$queryRaw<StoredReading[]>`
    SELECT "channel"::text AS "channel", "intervalStart", "intervalMinutes"::int AS "intervalMinutes", "kwh"::float8 AS "kwh"
      FROM "MeterReading"
     WHERE "dealId" = ${dealId}::uuid AND "channel" IN ('AI_IT', 'MINING')
       AND "intervalStart" > ${new Date(from - HOUR_MS)} AND "intervalStart" < ${new Date(to)}`;
}

function refuse(issues: readonly ReadingIssue[]): never {
  const named = issues.map((issue) => ({ field: `input.readings.${issue.index}.${issue.field}`, message: issue.message }));
  const first = named[0]!;
  throw appError('BAD_USER_INPUT', `${first.field}: ${first.message}`, { field: first.field, issues: named });
}

async function ingest(tx: AppTx, dealId: string, arrays: IngestArrays, actor: string): Promise<IngestCounts> {
  const [counts] = await tx.$queryRaw<IngestCounts[]>`
    SELECT "inserted", "corrected", "unchanged"
      FROM ingest_meter_readings(${dealId}::uuid, ${arrays.channels}::"MeterChannel"[], ${arrays.starts}::timestamptz[],
                                 ${arrays.minutes}::smallint[], ${arrays.kwhs}::numeric[], ${actor})`;
  return counts!;
}

/** Months the batch touches that lie in the deal's active period and have begun. */
function monthsWorthCreating(months: readonly string[], deal: MeterDealContext, now: Date): string[] {
  const from = deal.activeFrom.toISOString().slice(0, 7);
  const until = new Date(Math.min(deal.activeUntil.getTime(), now.getTime())).toISOString().slice(0, 7);
  return months.filter((month) => month.slice(0, 7) >= from && month.slice(0, 7) <= until);
}

const monthsOf = (rows: readonly ReadingRow[]) => [...new Set(rows.map((row) => `${row.intervalStart.toISOString().slice(0, 7)}-01`))].sort();

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
      await writeAudit(tx, {
        orgId: auth.orgId,
        actor: auth.actor,
        action: 'meter.readings_recorded',
        entityType: 'Deal',
        entityId: dealId,
        changes: { readings: readings.length, ...counts, months: arrays.months, channels: [...new Set(arrays.channels)] },
      });
      return counts;
    });
  });
}
