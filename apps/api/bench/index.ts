// npm run bench (apps/api): throughput and latency of the API, measured side by side in one run.
//  1. The server stack over in-memory data vs a raw node:http server sending the same JSON
//     (graphql-jit and graphql-js executors both measured; goal ≥ 0.25× raw, p99 < 5 ms).
//  2. An authenticated `sites(first: 20)` with each site's organisation on PostgreSQL.
// autocannon, 50 connections, 3 s warm-up then 10 s, loopback only; each server in its own process.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { BENCH_QUERY, EXPECTED_BODY } from './memory-schema';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 3);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);

interface Figures {
  label: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function startServer(kind: string, env: NodeJS.ProcessEnv = process.env): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'serve.ts'), kind], {
    env: { ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buffer = '';
  for await (const chunk of child.stdout!) {
    buffer += String(chunk);
    const match = /listening (\S+)/.exec(buffer);
    if (match) return { url: match[1]!, child };
  }
  throw new Error(`server ${kind} exited before listening`);
}

async function stop(child: ChildProcess) {
  child.kill('SIGTERM');
  await once(child, 'exit');
}

async function load(label: string, url: string, body: string, headers: Record<string, string> = {}): Promise<Figures> {
  const options = {
    url: `${url}/graphql`,
    method: 'POST' as const,
    connections: CONNECTIONS,
    body,
    headers: { 'content-type': 'application/json', ...headers },
  };
  await autocannon({ ...options, duration: WARMUP_S });
  const result = await autocannon({ ...options, duration: DURATION_S });
  return {
    label,
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function verify(url: string, body: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return response.text();
}

function row(f: Figures, baseline?: Figures) {
  const ratio = baseline ? `${(f.reqPerSec / baseline.reqPerSec).toFixed(3)}x` : '1x';
  return `| ${f.label.padEnd(44)} | ${Math.round(f.reqPerSec).toString().padStart(7)} | ${f.p50.toFixed(1).padStart(5)} / ${f.p99.toFixed(1).padStart(5)} | ${ratio.padStart(7)} | ${f.non2xx + f.errors} |`;
}

async function inMemory(): Promise<void> {
  const body = JSON.stringify({ query: BENCH_QUERY });
  const figures: Figures[] = [];
  for (const [kind, label] of [
    ['raw', 'raw node:http, fixed JSON'],
    ['graphql-js', 'Gridshare stack, graphql-js executor'],
    ['jit', 'Gridshare stack, graphql-jit executor'],
  ] as const) {
    const { url, child } = await startServer(kind);
    try {
      const answer = await verify(url, body);
      if (JSON.stringify(JSON.parse(answer)) !== EXPECTED_BODY) throw new Error(`${kind} answered ${answer.slice(0, 200)}, not the expected JSON`);
      figures.push(await load(label, url, body));
    } finally {
      await stop(child);
    }
  }
  const [raw, js, jit] = figures as [Figures, Figures, Figures];
  console.log(`\n## 1. In-memory query: ${BENCH_QUERY}\n(${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s, all answers checked equal first)\n`);
  console.log('| server                                       |   req/s | p50 / p99 ms | × raw | 5xx/errors |');
  console.log('|---|---|---|---|---|');
  for (const f of figures) console.log(row(f, raw));
  const ratio = jit.reqPerSec / raw.reqPerSec;
  console.log(`\njit vs graphql-js: ${(jit.reqPerSec / js.reqPerSec).toFixed(2)}x`);
  console.log(`goal ≥ 0.25x raw: ${ratio >= 0.25 ? 'PASS' : 'MISS'} (${ratio.toFixed(3)}x); goal p99 < 5 ms: ${jit.p99 < 5 ? 'PASS' : 'MISS'} (${jit.p99} ms)`);
}

async function onPostgres(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `gs_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`\n## 2. PostgreSQL: skipped, cannot reach ${new URL(adminUrl).host} (${(error as Error).message})`);
    return;
  }
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const { url: apiUrl, child } = await startServer('db', { ...process.env, DATABASE_URL: url.toString() });
  try {
    const signIn = JSON.parse(
      await verify(apiUrl, JSON.stringify({ query: 'mutation { signIn(input: { email: "miner@demo.gridshare.dev", password: "gridshare-demo" }) { token } }' })),
    ) as { data: { signIn: { token: string } } };
    const headers = { authorization: `Bearer ${signIn.data.signIn.token}` };
    const body = JSON.stringify({ query: '{ sites(first: 20) { edges { node { id name region energizedMw organization { id name } } } } }' });
    const sample = JSON.parse(await verify(apiUrl, body, headers)) as { data: { sites: { edges: unknown[] } } };
    const figures = await load('sites(first: 20) + organization, signed in', apiUrl, body, headers);
    console.log(`\n## 2. PostgreSQL (demo data, ${sample.data.sites.edges.length} sites per answer, pool of 10)\n`);
    console.log('| query                                        |   req/s | p50 / p99 ms |       |   5xx/errors |');
    console.log('|---|---|---|---|---|');
    console.log(row(figures).replace(/\|\s+1x \|/, '|       |'));
  } finally {
    await stop(child);
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

async function main() {
  console.log('# API benchmark (apps/api/bench)');
  await inMemory();
  await onPostgres();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
