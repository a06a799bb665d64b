// Marketplace figures for the admin dashboard, aggregated in SQL: one GROUP BY query per measure, whatever
// the number of rows. Runs on the owner connection (it sums every organisation's rows).
import { type AppPrisma, Prisma } from '@gridshare/db';
import type { TStatsRange } from './admin.schemas';

/** Counted under this region when a request names none. */
export const ANY_REGION = 'Any';

/** `YYYY-MM` of a month index (months since year 0). */
export function monthKey(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Each measure as rows of (regions, day, mw), within [start, end) days; `regions` is an array so that
 * a request naming several regions counts under each. */
type Facts = (start: string, end: string) => Prisma.Sql;

const MEASURES = {
  listed: (start, end) => Prisma.sql`
    SELECT ARRAY[s."region"] AS "regions", b."availableFrom" AS "day", b."mw"
      FROM "CapacityBlock" b JOIN "Site" s ON s."id" = b."siteId"
     WHERE b."status" = 'PUBLISHED' AND b."availableFrom" >= ${start}::date AND b."availableFrom" < ${end}::date`,
  requested: (start, end) => Prisma.sql`
    SELECT CASE WHEN cardinality(r."regions") = 0 THEN ARRAY[${ANY_REGION}::text] ELSE r."regions" END AS "regions",
           r."neededBy" AS "day", r."totalMw" AS "mw"
      FROM "ColocationRequest" r
     WHERE r."status" = 'OPEN' AND r."neededBy" >= ${start}::date AND r."neededBy" < ${end}::date`,
  underDeal: (start, end) => Prisma.sql`
    SELECT ARRAY[s."region"] AS "regions", d."startDate" AS "day", d."mw"
      FROM "Deal" d JOIN "Site" s ON s."id" = d."siteId"
     WHERE d."status" IN ('ACCEPTED', 'SIGNED', 'ACTIVE') AND d."startDate" >= ${start}::date AND d."startDate" < ${end}::date`,
} satisfies Record<string, Facts>;

type Measure = keyof typeof MEASURES;

interface GroupRow {
  dimension: 'month' | 'region';
  key: string;
  mw: number;
}

export interface MwBreakdown {
  totalMw: number;
  byRegion: { region: string; mw: number }[];
  byMonth: { month: string; mw: number }[];
}

export type MarketplaceStats = { fromMonth: string; toMonth: string } & Record<Measure, MwBreakdown>;

// MW are stored with 3 decimals; rounding there hides float noise from summing in JS.
const roundMw = (mw: number) => Math.round(mw * 1000) / 1000;

function groupQuery(facts: Prisma.Sql): Prisma.Sql {
  // Both groupings in one statement; DISTINCT so a region listed twice in one request counts once.
  return Prisma.sql`
    WITH facts AS (${facts})
    SELECT 'month' AS "dimension", to_char(f."day", 'YYYY-MM') AS "key", SUM(f."mw")::float8 AS "mw"
      FROM facts f GROUP BY 2
    UNION ALL
    SELECT 'region', r."region", SUM(f."mw")::float8
      FROM facts f CROSS JOIN LATERAL (SELECT DISTINCT unnest(f."regions") AS "region") r GROUP BY 2`;
}

function toBreakdown(rows: GroupRow[], months: string[]): MwBreakdown {
  const byMonthKey = new Map(rows.filter((row) => row.dimension === 'month').map((row) => [row.key, row.mw]));
  const byMonth = months.map((month) => ({ month, mw: roundMw(byMonthKey.get(month) ?? 0) }));
  const byRegion = rows
    .filter((row) => row.dimension === 'region')
    .map((row) => ({ region: row.key, mw: roundMw(row.mw) }))
    .sort((a, b) => b.mw - a.mw || a.region.localeCompare(b.region));
  // Every fact has exactly one month, so the months add up to the total (regions may not: see `requested`).
  return { totalMw: roundMw(byMonth.reduce((sum, entry) => sum + entry.mw, 0)), byRegion, byMonth };
}

export async function marketplaceStats(prisma: AppPrisma, range: TStatsRange): Promise<MarketplaceStats> {
  const months = Array.from({ length: range.toMonth - range.fromMonth + 1 }, (_, i) => monthKey(range.fromMonth + i));
  const start = `${monthKey(range.fromMonth)}-01`;
  const end = `${monthKey(range.toMonth + 1)}-01`;
  const measures = Object.keys(MEASURES) as Measure[];
  const results = await Promise.all(
    measures.map(async (measure) => {
      const rows = await prisma.$queryRaw<GroupRow[]>(groupQuery(MEASURES[measure](start, end)));
      return [measure, toBreakdown(rows, months)] as const;
    }),
  );
  return { fromMonth: months[0]!, toMonth: months.at(-1)!, ...(Object.fromEntries(results) as Record<Measure, MwBreakdown>) };
}
