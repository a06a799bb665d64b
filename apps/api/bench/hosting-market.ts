// npm run bench (apps/api), fifth part: the hosting market at scale (issue #19). The capacity bench market
// (100,000 sites) plus 50,000 listed hosting offers, then over HTTP as the demo tenant: hosting search with
// two filter sets at 1, 10 and 100 clients, as the API runs by default (repeated searches replayed from the
// response cache), then with every request answered from the in-memory offer index (a second API process
// with RESPONSE_CACHE_TTL_MS=0) and with every request running its SQL (a third, SEARCH_INDEX=sql); and
// hostingMatches for one fleet from the index and from the SQL; against capacity search's and matching's goals.
import { createDatabase } from '@gridshare/db';
import { type Figures, WARMUP_S, load, signInHeaders, startServer, stop, verify, withDemoApi } from './harness';
import { generateHostingBenchData, generateSearchBenchData } from './search-data';

const DURATION_S = Number(process.env.BENCH_MARKET_DURATION_S ?? 5);
const CONCURRENCY = [1, 10, 100];
const SEARCH_GOAL_P95_MS = 25;
const MATCHING_GOAL_P95_MS = 150;

const SEARCH = `query ($filter: HostingOfferSearchInput) { searchHostingOffers(first: 20, filter: $filter) {
  totalCount edges { node { id region mw economics { marginUsdPerMwh expectedMonthlyProfitUsd } } } } }`;

const FILTER_SETS: [string, Record<string, unknown>][] = [
  ['Texas, ≤ $0.07/kWh, S21 (17.5 J/TH), 5 MW', { filter: { regions: ['Texas'], maxRateUsdPerKwh: 0.07, jPerTh: 17.5, fleetMw: 5 } }],
  ['firm only, ≥ 20 MW, immersion, anywhere', { filter: { firmOnly: true, minMw: 20, coolings: ['IMMERSION'] } }],
];

const line = (f: Figures, clients: number, goal: number) =>
  `| ${f.label.padEnd(48)} | ${String(clients).padStart(3)} | ${Math.round(f.reqPerSec).toString().padStart(6)} | ${f.p50.toFixed(1)} | ${f.p95.toFixed(1)} | ${f.p99.toFixed(1)} | ${f.non2xx + f.errors} | ${f.p95 <= goal ? 'PASS' : 'MISS'} |`;
const HEAD = '| what | clients | req/s | p50 ms | p95 ms | p99 ms | non-2xx | goal |\n|---|---|---|---|---|---|---|---|';

async function checked(apiUrl: string, body: string, headers: Record<string, string>) {
  const answer = JSON.parse(await verify(apiUrl, body, headers)) as { data?: Record<string, unknown>; errors?: unknown };
  if (!answer.data || answer.errors) throw new Error(`query failed: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

async function main() {
  console.log('# API benchmark: hosting market at scale (apps/api/bench/hosting-market.ts)');
  const skipped = await withDemoApi(async (apiUrl, databaseUrl) => {
    const db = createDatabase({ url: databaseUrl, poolMax: 1 });
    const started = Date.now();
    const counts = await generateSearchBenchData(db.prisma);
    const offers = await generateHostingBenchData(db.prisma).finally(() => db.close());
    console.log(`\nbench data: ${counts.sites} sites, ${offers} listed hosting offers in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const headers = await signInHeaders(apiUrl, 'tenant@demo.gridshare.dev');
    // The same database behind two more API processes: no response cache with the offer index, and neither.
    const fromIndex = await startServer('db', { ...process.env, DATABASE_URL: databaseUrl, RESPONSE_CACHE_TTL_MS: '0' });
    const bySql = await startServer('db', { ...process.env, DATABASE_URL: databaseUrl, RESPONSE_CACHE_TTL_MS: '0', SEARCH_INDEX: 'sql' });
    try {
      for (const [title, url, clients] of [
        ['answered from the response cache (repeated searches; the default)', apiUrl, CONCURRENCY],
        ['every request answered from the in-memory offer index (RESPONSE_CACHE_TTL_MS=0)', fromIndex.url, CONCURRENCY],
        // 100 clients on the SQL path finished no request within a row (2026-12-03).
        ['every request runs its SQL (RESPONSE_CACHE_TTL_MS=0, SEARCH_INDEX=sql)', bySql.url, [1, 10]],
      ] as const) {
        console.log(`\n## Hosting search, ${title}\n(first: 20 with totalCount; ${WARMUP_S} s warm-up + ${DURATION_S} s per row; goal p95 ≤ ${SEARCH_GOAL_P95_MS} ms as capacity search)\n`);
        console.log(HEAD);
        for (const [label, variables] of FILTER_SETS) {
          const body = JSON.stringify({ query: SEARCH, variables });
          const data = (await checked(url, body, headers)) as { searchHostingOffers: { totalCount: number } };
          for (const connections of clients) {
            console.log(line(await load(`${label} (${data.searchHostingOffers.totalCount} hits)`, url, body, headers, { connections, durationS: DURATION_S }), connections, SEARCH_GOAL_P95_MS));
          }
        }
      }

      const created = (await checked(
        apiUrl,
        JSON.stringify({
          query: 'mutation ($input: CreateHostingRequestInput!) { createHostingRequest(input: $input) { id } }',
          variables: { input: { title: 'Bench: 2,000 S21 in Texas', fleet: { kind: 'MACHINES', machines: [{ model: 'S21', count: 2000 }] }, maxRateUsdPerKwh: 0.08, uptimeNeededPct: 95, curtailmentToleratedHoursPerMonth: 100, regions: ['Texas'], startDate: '2027-06-01', termMonths: 24 } },
        }),
        headers,
      )) as { createHostingRequest: { id: string } };
      const matches = JSON.stringify({ query: 'query ($id: ID!) { hostingMatches(requestId: $id) { excludedTotal matches { rank score } } }', variables: { id: created.createHostingRequest.id } });
      const sample = (await checked(apiUrl, matches, headers)) as { hostingMatches: { excludedTotal: number; matches: unknown[] } };
      console.log(`\n## hostingMatches end to end (goal p95 ≤ ${MATCHING_GOAL_P95_MS} ms as runMatching): ${sample.hostingMatches.matches.length} matches, ${sample.hostingMatches.excludedTotal} excluded\n`);
      console.log(HEAD);
      for (const [label, url] of [
        ['hostingMatches, offer index (the default)', apiUrl],
        ['hostingMatches, SQL (SEARCH_INDEX=sql)', bySql.url],
      ] as const) {
        console.log(line(await load(label, url, matches, headers, { connections: 1, durationS: DURATION_S * 2 }), 1, MATCHING_GOAL_P95_MS));
      }
    } finally {
      await stop(fromIndex.child);
      await stop(bySql.child);
    }
  });
  if (skipped) console.log(`\nskipped: ${skipped}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
