// npm run bench (apps/api), second part: `revenueModel` over HTTP, signed in as the demo miner on PostgreSQL.
// Default input, week 0 (168 hourly points of each series), all yearly figures: a site-year simulated per
// request. autocannon, 10 connections, 3 s warm-up then 10 s, loopback; the API in its own process.
import { WARMUP_S, load, signInHeaders, verify, withDemoApi } from './harness';

const CONNECTIONS = Number(process.env.BENCH_REVENUE_CONNECTIONS ?? 10);
const DURATION_S = Number(process.env.BENCH_REVENUE_DURATION_S ?? 10);

const QUERY = `query ($input: JSON!) { revenueModel(input: $input, week: 0) {
  totals { hostEbitdaUsd hostShareUsd tenantShareUsd platformFeeUsd backfillDistributedUsd miningNetUsd colocationRevenueUsd }
  valuation { atMiningMultipleUsd atDataCentreMultipleUsd upliftUsd }
  breakEven { hashpriceUsdPerPhDay energyUsdPerMwh }
  interconnectionUtilisation { withoutBackfill withBackfill }
  loadShape { aiOnly { peakToAverage maxRampMw } withBackfill { peakToAverage maxRampMw } }
  hourly { aiMw miningMw idleMw energyPriceUsdPerMwh miningMarginUsdPerMwh } } }`;

async function main() {
  console.log('# API benchmark: revenueModel (apps/api/bench/revenue.ts)');
  const skipped = await withDemoApi(async (apiUrl) => {
    const headers = await signInHeaders(apiUrl, 'miner@demo.gridshare.dev');
    const body = JSON.stringify({ query: QUERY, variables: { input: {} } });
    // GraphQL errors come back as 200: check one answer before measuring a thousand of them.
    const sample = JSON.parse(await verify(apiUrl, body, headers)) as { data?: { revenueModel: { hourly: { aiMw: unknown[] } } }; errors?: unknown };
    if (!sample.data || sample.errors) throw new Error(`revenueModel failed: ${JSON.stringify(sample.errors)}`);
    const f = await load('revenueModel(input: {}, week: 0)', apiUrl, body, headers, { connections: CONNECTIONS, durationS: DURATION_S });
    const bytes = Buffer.byteLength(JSON.stringify(sample));
    console.log(`\n(${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s; ${sample.data.revenueModel.hourly.aiMw.length} hourly points per series, ${bytes} B per answer)\n`);
    console.log('| query                            |   req/s | p50 ms | p95 ms | p99 ms | non-2xx/errors |');
    console.log('|---|---|---|---|---|---|');
    const ms = (v: number) => v.toFixed(1).padStart(6);
    console.log(`| ${f.label.padEnd(32)} | ${Math.round(f.reqPerSec).toString().padStart(7)} | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.p99)} | ${f.non2xx + f.errors} |`);
  });
  if (skipped) console.log(`\nskipped: ${skipped}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
