// npm run bench (apps/api): throughput and latency of the API, measured side by side in one run.
//  1. The server stack over in-memory data vs a raw node:http server sending the same JSON
//     (graphql-jit and graphql-js executors both measured, and jit with the query sent by its trusted-document
//     id; goal ≥ 0.25× raw, p99 < 5 ms).
//  2. An authenticated `sites(first: 20)` with each site's organisation on PostgreSQL.
// autocannon, 50 connections, 3 s warm-up then 10 s, loopback only; each server in its own process.
import { CONNECTIONS, DURATION_S, type Figures, WARMUP_S, load, row, signInHeaders, startServer, stop, verify, withDemoApi } from './harness';
import { BENCH_QUERY, BENCH_QUERY_ID, EXPECTED_BODY } from './memory-schema';

/** Issue 18's goal for the stack over in-memory data, and what it replaced (2026-11-22, jit, text). */
const IN_MEMORY_GOAL = 0.25;
const IN_MEMORY_BEFORE = '0.145-0.175x';

async function inMemory(): Promise<void> {
  const byText = JSON.stringify({ query: BENCH_QUERY });
  // A trusted document (graphql/trusted-documents.ts): the same operation by its registered id.
  const byId = JSON.stringify({ documentId: `sha256:${BENCH_QUERY_ID}` });
  const figures: Figures[] = [];
  for (const [kind, runs] of [
    ['raw', [['raw node:http, fixed JSON', byText]]],
    ['graphql-js', [['Gridshare stack, graphql-js executor', byText]]],
    // Text and id on the same server process, one after the other.
    ['jit', [['Gridshare stack, graphql-jit executor', byText], ['Gridshare stack, jit, trusted document by id', byId]]],
  ] as const) {
    const { url, child } = await startServer(kind);
    try {
      for (const [label, body] of runs) {
        const answer = await verify(url, body);
        if (JSON.stringify(JSON.parse(answer)) !== EXPECTED_BODY) throw new Error(`${label} answered ${answer.slice(0, 200)}, not the expected JSON`);
        figures.push(await load(label, url, body));
      }
    } finally {
      await stop(child);
    }
  }
  const [raw, js, jit, jitById] = figures as [Figures, Figures, Figures, Figures];
  console.log(`\n## 1. In-memory query: ${BENCH_QUERY}\n(${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s, all answers checked equal first)\n`);
  console.log('| server                                       |   req/s | p50 / p99 ms | × raw | 5xx/errors |');
  console.log('|---|---|---|---|---|');
  for (const f of figures) console.log(row(f, raw));
  console.log(`\njit vs graphql-js: ${(jit.reqPerSec / js.reqPerSec).toFixed(2)}x; by id vs by text: ${(jitById.reqPerSec / jit.reqPerSec).toFixed(2)}x`);
  for (const f of [jit, jitById]) {
    const ratio = f.reqPerSec / raw.reqPerSec;
    console.log(`${f.label}: goal ≥ ${IN_MEMORY_GOAL}x raw: ${ratio >= IN_MEMORY_GOAL ? 'PASS' : 'MISS'} (${ratio.toFixed(3)}x; before: ${IN_MEMORY_BEFORE}); goal p99 < 5 ms: ${f.p99 < 5 ? 'PASS' : 'MISS'} (${f.p99} ms)`);
  }
}

/** Issue 18's goal for signed-in reads, and the figure measured before the last change (docs/performance.md section 2). */
const SIGNED_IN_GOAL_REQ_PER_SEC = 1500;
const SIGNED_IN_BEFORE = '325-355 req/s on a quiet machine with the page read by Prisma findMany (318 with set_config as a query of its own, 273-301 at 9 statements)';

async function onPostgres(): Promise<void> {
  const skipped = await withDemoApi(async (apiUrl) => {
    const headers = await signInHeaders(apiUrl, 'miner@demo.gridshare.dev');
    const body = JSON.stringify({ query: '{ sites(first: 20) { edges { node { id name region energizedMw organization { id name } } } } }' });
    const sample = JSON.parse(await verify(apiUrl, body, headers)) as { data: { sites: { edges: unknown[] } } };
    const figures = await load('sites(first: 20) + organization, signed in', apiUrl, body, headers);
    console.log(`\n## 2. PostgreSQL (demo data, ${sample.data.sites.edges.length} sites per answer, pool of 10)\n`);
    console.log('| query                                        |   req/s | p50 / p99 ms |       |   5xx/errors |');
    console.log('|---|---|---|---|---|');
    console.log(row(figures).replace(/\|\s+1x \|/, '|       |'));
    const pass = figures.reqPerSec >= SIGNED_IN_GOAL_REQ_PER_SEC ? 'PASS' : 'MISS';
    console.log(`\ngoal ≥ ${SIGNED_IN_GOAL_REQ_PER_SEC} req/s at ${CONNECTIONS} connections: ${pass} (${Math.round(figures.reqPerSec)} req/s; before: ${SIGNED_IN_BEFORE}, 4 statements in 3 round trips: signed-in-reads.int.test.ts)`);
  });
  if (skipped) console.log(`\n## 2. PostgreSQL: skipped, ${skipped}`);
}

async function main() {
  console.log('# API benchmark (apps/api/bench)');
  if (process.env.BENCH_API_POSTGRES_ONLY !== '1') await inMemory();
  await onPostgres();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
