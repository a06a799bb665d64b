// Shared by the API benchmarks: a server under test in its own process (so the load generator does not share
// its event loop), autocannon runs, and a throw-away PostgreSQL database with the demo data.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import type { IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
export const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 3);
export const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);

export interface Figures {
  label: string;
  reqPerSec: number;
  p50: number;
  /** Exact, from every 2xx response time (autocannon's own histogram stops at p90 and p97.5). */
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export interface LoadOptions {
  connections?: number;
  warmupS?: number;
  durationS?: number;
  /** A body per request (else every request sends `body`). */
  nextBody?: () => string;
  /** Sees every response's headers (measured part only). */
  onHeaders?: (headers: IncomingHttpHeaders) => void;
}

/** `ipc`: open a channel to the server, which then answers `memory` with its process.memoryUsage() after a full GC. */
export async function startServer(kind: string, env: NodeJS.ProcessEnv = process.env, ipc = false): Promise<{ url: string; child: ChildProcess }> {
  // With IPC the server may collect garbage before reporting memory, so the figures are what it retains.
  const child = spawn(process.execPath, [...(ipc ? ['--expose-gc'] : []), '--import', 'tsx', join(__dirname, 'serve.ts'), kind], {
    env: { ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit', ...(ipc ? (['ipc'] as const) : [])],
  });
  let buffer = '';
  for await (const chunk of child.stdout!) {
    buffer += String(chunk);
    const match = /listening (\S+)/.exec(buffer);
    if (match) return { url: match[1]!, child };
  }
  throw new Error(`server ${kind} exited before listening`);
}

export async function stop(child: ChildProcess) {
  child.kill('SIGTERM');
  await once(child, 'exit');
}

/** One autocannon run; `samples` collects each 2xx response time in ms (as autocannon's histogram does). */
function run(options: autocannon.Options, samples: number[]): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, result) => (error ? reject(error) : resolve(result)));
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) samples.push(responseTime);
    });
  });
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function load(label: string, url: string, body: string, headers: Record<string, string> = {}, options: LoadOptions = {}): Promise<Figures> {
  const base = {
    url: `${url}/graphql`,
    method: 'POST' as const,
    connections: options.connections ?? CONNECTIONS,
    body,
    headers: { 'content-type': 'application/json', ...headers },
  };
  const requests = (measured: boolean) =>
    options.nextBody || options.onHeaders
      ? {
          requests: [
            {
              ...(options.nextBody ? { setupRequest: (request: autocannon.Request) => ({ ...request, body: options.nextBody!() }) } : {}),
              ...(measured && options.onHeaders
                ? { onResponse: (_status: number, _body: string, _context: object, headers: IncomingHttpHeaders | undefined) => options.onHeaders!(headers ?? {}) }
                : {}),
            },
          ],
        }
      : {};
  await run({ ...base, ...requests(false), duration: options.warmupS ?? WARMUP_S }, []);
  const samples: number[] = [];
  const result = await run({ ...base, ...requests(true), duration: options.durationS ?? DURATION_S }, samples);
  samples.sort((x, y) => x - y);
  return {
    label,
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p95: percentile(samples, 95),
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

export async function verify(url: string, body: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return response.text();
}

export function row(f: Figures, baseline?: Figures) {
  const ratio = baseline ? `${(f.reqPerSec / baseline.reqPerSec).toFixed(3)}x` : '1x';
  return `| ${f.label.padEnd(44)} | ${Math.round(f.reqPerSec).toString().padStart(7)} | ${f.p50.toFixed(1).padStart(5)} / ${f.p99.toFixed(1).padStart(5)} | ${ratio.padStart(7)} | ${f.non2xx + f.errors} |`;
}

/** Signs in a demo person; the headers that authenticate as them. */
export async function signInHeaders(apiUrl: string, email: string): Promise<Record<string, string>> {
  const query = `mutation ($email: String!) { signIn(input: { email: $email, password: "gridshare-demo" }) { token } }`;
  const answer = JSON.parse(await verify(apiUrl, JSON.stringify({ query, variables: { email } }))) as { data?: { signIn: { token: string } } };
  if (!answer.data) throw new Error(`sign-in as ${email} failed: ${JSON.stringify(answer)}`);
  return { authorization: `Bearer ${answer.data.signIn.token}` };
}

/**
 * Runs `measure` (given the API's URL and its database's) against the real API serving the demo data from a throw-away database on DATABASE_URL's
 * server (default postgres@127.0.0.1:5432, trust auth), dropped afterwards. Resolves with why it was
 * skipped when that server cannot be reached, else undefined.
 */
export async function withDemoApi(
  measure: (apiUrl: string, databaseUrl: string, server: ChildProcess) => Promise<void>,
  options: { env?: NodeJS.ProcessEnv; ipc?: boolean } = {},
): Promise<string | undefined> {
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `gs_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    return `cannot reach ${new URL(adminUrl).host} (${(error as Error).message})`;
  }
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    const { url: apiUrl, child } = await startServer('db', { ...process.env, ...options.env, DATABASE_URL: url.toString() }, options.ipc);
    try {
      await measure(apiUrl, url.toString(), child);
    } finally {
      await stop(child);
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
  return undefined;
}
