// MeterReading has one partition per month (migration *_settlement). Creating one locks the whole table
// (ACCESS EXCLUSIVE) until the creating transaction ends, so the partitions a batch needs are created
// before its transaction, each in a statement of its own on the system path (ensure_meter_partition() is
// the owner's); the worker creates the coming months ahead. The function is idempotent and safe when two
// processes ask at once (migration *_metering).
import type { AppPrisma } from '@gridshare/db';

// Months known to exist, per database client: a partition is never dropped by the application, so each
// month is asked about once per process.
const knownMonths = new WeakMap<AppPrisma, Set<string>>();

/** True when the month (its first day, YYYY-MM-01) was missing and is created now. */
async function ensureMonth(prisma: AppPrisma, month: string): Promise<boolean> {
  const [row] = await prisma.$queryRaw<{ created: boolean }[]>`SELECT ensure_meter_partition(${month}::date) AS "created"`;
  return row?.created ?? false;
}

/** Creates the months (first days, YYYY-MM-01) that do not exist yet; returns the ones it created. */
export async function ensureMeterPartitions(prisma: AppPrisma, months: readonly string[]): Promise<string[]> {
  const known = knownMonths.get(prisma) ?? new Set<string>();
  knownMonths.set(prisma, known);
  const created: string[] = [];
  for (const month of months) {
    if (known.has(month)) continue;
    if (await ensureMonth(prisma, month)) created.push(month);
    known.add(month);
  }
  return created;
}

/** The months of `months` this process has not seen created yet. */
export function unknownMonths(prisma: AppPrisma, months: readonly string[]): string[] {
  const known = knownMonths.get(prisma);
  return known ? months.filter((month) => !known.has(month)) : [...months];
}

/** First days of the current month (UTC) and the `ahead` that follow. */
export function comingMonths(now: Date, ahead = 3): string[] {
  return Array.from({ length: ahead + 1 }, (_, i) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, 1)).toISOString().slice(0, 10));
}

/**
 * The worker's daily job: this month's partition and the next three exist before any reading needs them.
 * It asks the database each time (not the per-process memory), so a month dropped by hand comes back.
 */
export async function ensureComingMeterPartitions(prisma: AppPrisma, now = new Date()): Promise<string[]> {
  const created: string[] = [];
  for (const month of comingMonths(now)) {
    if (await ensureMonth(prisma, month)) created.push(month);
  }
  return created;
}
