// Which statements' inputs changed after a moment: readings recorded or corrected, events recorded or
// withdrawn, the hashprice the deal settles on (index days, or its pool statement days) uploaded or changed,
// MW changes agreed. Since `computedAt`, that makes a statement stale (it must be recomputed before it is
// issued or agreed); since `agreedAt`, it makes an agreed month due for adjustment lines on a later
// statement. One SQL statement, whatever the number of statements it looks at.
import { type AppTx, Prisma } from '@gridshare/db';

export interface InputChanges {
  id: string;
  dealId: string;
  /** Flagged by the ingest of readings (ingest_meter_readings). */
  stale: boolean;
  /** 'YYYY-MM'. */
  month: string;
  /** The moment compared with (computedAt or agreedAt). */
  since: Date;
  readings: boolean;
  events: boolean;
  hashprice: boolean;
  mwChanges: boolean;
}

const SINCE_COLUMN = { computedAt: Prisma.raw('s."computedAt"'), agreedAt: Prisma.raw('s."agreedAt"') } as const;

/** Flags of every statement matching `where` (a condition on `s`, the statement), compared with its `since` column. */
async function changesOf(db: AppTx, where: Prisma.Sql, since: keyof typeof SINCE_COLUMN): Promise<InputChanges[]> {
  // Stored timestamps without a zone are UTC (Prisma); readings' are timestamptz: compare as timestamptz.
  return db.$queryRaw<InputChanges[]>`
    SELECT s."id", s."dealId", s."stale", to_char(s."month", 'YYYY-MM') AS "month", b.since AS "since",
      EXISTS (SELECT 1 FROM "MeterReading" r
               WHERE r."dealId" = s."dealId" AND r."intervalStart" >= b.start AND r."intervalStart" < b.finish
                 AND r."recordedAt" > (b.since AT TIME ZONE 'UTC')) AS "readings",
      EXISTS (SELECT 1 FROM "CurtailmentEvent" e
               WHERE e."dealId" = s."dealId" AND e."startsAt" < b.finish AND e."endsAt" > b.start
                 AND (e."createdAt" > b.since OR e."withdrawnAt" > b.since)) AS "events",
      CASE WHEN d."hashpriceSource" = 'POOL_STATEMENTS'
           THEN EXISTS (SELECT 1 FROM "PoolStatementDay" p
                         WHERE p."dealId" = s."dealId" AND p."day" >= s."month" AND p."day" < b.finish_day AND p."updatedAt" > b.since)
           ELSE EXISTS (SELECT 1 FROM "HashpriceIndexDay" h
                         WHERE h."day" >= s."month" AND h."day" < b.finish_day AND h."updatedAt" > b.since)
      END AS "hashprice",
      EXISTS (SELECT 1 FROM "DealMwChange" c
               WHERE c."dealId" = s."dealId" AND c."effectiveOn" < b.finish_day AND c."createdAt" > b.since) AS "mwChanges"
    FROM "SettlementStatement" s
    JOIN "Deal" d ON d."id" = s."dealId"
    CROSS JOIN LATERAL (
      SELECT s."month"::timestamp AT TIME ZONE 'UTC' AS start,
             (s."month" + interval '1 month')::timestamp AT TIME ZONE 'UTC' AS finish,
             (s."month" + interval '1 month')::date AS finish_day,
             ${SINCE_COLUMN[since]} AS since
    ) b
    WHERE ${where}
    ORDER BY s."month"`;
}

export const anyChange = (changes: InputChanges) => changes.readings || changes.events || changes.hashprice || changes.mwChanges;

/** Whether the statement's inputs changed since it was computed (or the ingest flagged it). */
export async function isStale(db: AppTx, statement: { id: string; stale: boolean }): Promise<boolean> {
  if (statement.stale) return true;
  const [changes] = await changesOf(db, Prisma.sql`s."id" = ${statement.id}::uuid`, 'computedAt');
  return changes ? anyChange(changes) : false;
}

/** Every DRAFT that is stale: flagged by the ingest, or whose inputs changed since it was computed. */
export async function staleDrafts(db: AppTx): Promise<InputChanges[]> {
  const drafts = await changesOf(db, Prisma.sql`s."status" = 'DRAFT'`, 'computedAt');
  return drafts.filter((draft) => draft.stale || anyChange(draft));
}

/** The deal's agreed months before `before` ('YYYY-MM-DD' first day) whose inputs changed after agreement. */
export async function changedAgreedMonths(db: AppTx, dealId: string, before: Date): Promise<InputChanges[]> {
  const rows = await changesOf(
    db,
    Prisma.sql`s."dealId" = ${dealId}::uuid AND s."month" < ${before}::date AND s."status" IN ('AGREED', 'INVOICED', 'PAID')`,
    'agreedAt',
  );
  return rows.filter(anyChange);
}

/** What changed, for an adjustment line's description. */
export function describeChanges(changes: InputChanges): string {
  const what = [changes.readings && 'readings', changes.events && 'events', changes.hashprice && 'hashprice', changes.mwChanges && 'MW changes'].filter(Boolean);
  return `${what.join(', ')} changed after the statement was agreed on ${changes.since.toISOString().slice(0, 10)}`;
}
