// Reading a deal's meter data: both parties and its active metering partners (meter_deal_context decides,
// NOT_FOUND for anyone else; row-level security filters the same rows again).
import { type AppPrisma, type AppTx, type MeterChannel, type Prisma, withOrg } from '@gridshare/db';
import type { Authorized } from '../../auth/principal';
import { badInput } from '../../errors/domain-errors';
import { decodeKeyset } from '../../graphql/keyset-cursor';
import { type TPageArgs, decodeCursor } from '../../graphql/pagination';
import { loadMeterDealContext } from './meter-context';
import { type HourTotal, type MeterGap, findGaps, hourlySeries } from './meter-series';
import { loadStoredMinutes } from './metering.service';
import { METER_CHANNELS, type TMeterReadingFilter, type TReadingsPageArgs } from './metering.schemas';

const rangeWhere = (filter?: TMeterReadingFilter | null) =>
  filter?.from || filter?.to ? { intervalStart: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {};

function readingsWhere(dealId: string, filter?: TMeterReadingFilter | null): Prisma.MeterReadingWhereInput {
  return { dealId, ...(filter?.channel ? { channel: filter.channel } : {}), ...rangeWhere(filter) };
}

/** Rows after the cursor's (intervalStart, channel), in that order (channels in their enum order). */
function afterReading(cursor: string): Prisma.MeterReadingWhereInput {
  const [at, channel] = decodeKeyset(cursor, 2) as [string, MeterChannel];
  const start = new Date(at);
  const rank = METER_CHANNELS.indexOf(channel);
  if (Number.isNaN(start.getTime()) || rank < 0) throw badInput('after', 'not a cursor from this list');
  return { OR: [{ intervalStart: { gt: start } }, { intervalStart: start, channel: { in: [...METER_CHANNELS.slice(rank + 1)] } }] };
}

export const readingKey = (row: { intervalStart: Date; channel: MeterChannel }) => [row.intervalStart.toISOString(), row.channel];

export function findReadingsPage(prisma: AppPrisma, auth: Authorized, dealId: string, page: TReadingsPageArgs, filter?: TMeterReadingFilter | null) {
  return withOrg(prisma, auth, async (tx) => {
    await loadMeterDealContext(tx, dealId);
    return tx.meterReading.findMany({
      where: { AND: [readingsWhere(dealId, filter), page.after ? afterReading(page.after) : {}] },
      orderBy: [{ intervalStart: 'asc' }, { channel: 'asc' }],
      take: page.first + 1,
    });
  });
}

export function countReadings(prisma: AppPrisma, auth: Authorized, dealId: string, filter?: TMeterReadingFilter | null) {
  return withOrg(prisma, auth, (tx) => tx.meterReading.count({ where: readingsWhere(dealId, filter) }));
}

/** Corrections, newest first. */
export function findRevisionsPage(prisma: AppPrisma, auth: Authorized, dealId: string, page: TPageArgs, filter?: TMeterReadingFilter | null) {
  const cursorId = page.after ? decodeCursor(page.after) : undefined;
  return withOrg(prisma, auth, async (tx) => {
    await loadMeterDealContext(tx, dealId);
    return tx.meterReadingRevision.findMany({
      where: { dealId, ...(filter?.channel ? { channel: filter.channel } : {}), ...rangeWhere(filter) },
      orderBy: [{ revisedAt: 'desc' }, { id: 'desc' }],
      take: page.first + 1,
      ...(cursorId ? { cursor: { id: cursorId }, skip: 1 } : {}),
    });
  });
}

export function countRevisions(prisma: AppPrisma, auth: Authorized, dealId: string, filter?: TMeterReadingFilter | null) {
  return withOrg(prisma, auth, (tx) =>
    tx.meterReadingRevision.count({ where: { dealId, ...(filter?.channel ? { channel: filter.channel } : {}), ...rangeWhere(filter) } }),
  );
}

const nextMonth = (month: Date) => new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));

/** The hourly MW of each channel over a calendar month (UTC). */
export function meterSeries(prisma: AppPrisma, auth: Authorized, dealId: string, month: Date) {
  const until = nextMonth(month);
  return withOrg(prisma, auth, async (tx) => {
    await loadMeterDealContext(tx, dealId);
    const totals = await tx.$queryRaw<HourTotal[]>`
      SELECT date_trunc('hour', "intervalStart", 'UTC') AS "hour", "channel"::text AS "channel",
             sum("kwh")::float8 AS "kwh", sum("intervalMinutes")::int AS "minutes"
        FROM "MeterReading"
       WHERE "dealId" = ${dealId}::uuid AND "intervalStart" >= ${month} AND "intervalStart" < ${until}
       GROUP BY 1, 2`;
    return hourlySeries(month, until, totals);
  });
}

/** End of the data a channel can have by `now`: the last whole interval that has ended. */
const floorTo = (at: number, minutes: number) => at - (at % (minutes * 60_000));

async function monthIntervals(tx: AppTx, dealId: string, from: Date, until: Date) {
  return tx.meterReading.findMany({
    where: { dealId, intervalStart: { gte: from, lt: until } },
    select: { channel: true, intervalStart: true, intervalMinutes: true },
    orderBy: [{ channel: 'asc' }, { intervalStart: 'asc' }],
  });
}

/**
 * What a month lacks, per channel: the time of the deal's active period that has passed and that no reading
 * covers. AI_IT and MINING always count; SITE_IMPORT once the deal has any SITE_IMPORT reading.
 */
export function meterGaps(prisma: AppPrisma, auth: Authorized, dealId: string, month: Date, now = new Date()): Promise<MeterGap[]> {
  return withOrg(prisma, auth, async (tx) => {
    const deal = await loadMeterDealContext(tx, dealId);
    const storedMinutes = await loadStoredMinutes(tx, dealId);
    const from = new Date(Math.max(month.getTime(), deal.activeFrom.getTime()));
    const end = Math.min(nextMonth(month).getTime(), deal.activeUntil.getTime(), now.getTime());
    if (end <= from.getTime()) return [];
    const intervals = await monthIntervals(tx, dealId, from, new Date(end));
    const channels = METER_CHANNELS.filter((channel) => channel !== 'SITE_IMPORT' || storedMinutes.SITE_IMPORT !== undefined);
    return channels.flatMap((channel) => {
      const until = new Date(floorTo(end, storedMinutes[channel] ?? 60));
      return findGaps(channel, from, until, intervals.filter((interval) => interval.channel === channel));
    });
  });
}
