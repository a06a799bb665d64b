// The real process: `tsx src/main.ts` stops on SIGTERM by itself, answering what is in flight first; and
// closing the server does not wait on a keep-alive connection whose request was in flight.
// (Apollo's own signal handlers, on by default outside NODE_ENV=test, once kept it alive forever.)
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestDatabase, createTestDatabase } from '@gridshare/db/testing';
import { signUpOrg } from './testing/fixtures';
import { startTestApi } from './testing/test-api';

let db: TestDatabase;
let dataDir: string | undefined;

beforeAll(async () => {
  db = await createTestDatabase();
  // A database the child can open: the test database on PostgreSQL, a fresh folder on PGlite.
  if (!db.url) dataDir = mkdtempSync(join(tmpdir(), 'gs-shutdown-'));
});
afterAll(async () => {
  await db.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

it('exits 0 on SIGTERM after answering the request in flight', async () => {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', PORT: String(port), SEED_DEMO: 'false', LOG_LEVEL: 'info', REDIS_URL: '' };
  if (db.url) env.DATABASE_URL = db.url;
  else {
    delete env.DATABASE_URL;
    env.PGLITE_DATA_DIR = dataDir;
  }
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), 'src/main.ts'], { cwd: join(__dirname, '..'), env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = exited(child);
  try {
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 120 && !(await fetch(`${url}/healthz`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 250));

    // A fresh connection: a fetch here could reuse the idle keep-alive socket of the health checks, which the
    // server closes when it stops ("other side closed"). The signal follows once the request is on the wire.
    const body = JSON.stringify({ query: '{ __typename }' });
    const inFlight = request(`${url}/graphql`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
    const status = new Promise<number | undefined>((resolve, reject) => inFlight.on('response', (res) => resolve(res.resume().statusCode)).on('error', reject));
    inFlight.end(body);
    await new Promise((resolve) => inFlight.once('socket', (socket) => socket.once('connect', resolve)));
    await new Promise((resolve) => setTimeout(resolve, 100));
    child.kill('SIGTERM');
    expect(await status).toBe(200);
    const code = await Promise.race([exit, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 20_000))]);
    expect([code, output.includes('shutting down')]).toEqual([0, true]);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});

it('ends a keep-alive connection whose request was in flight when close began, so close() does not wait out keepAliveTimeout', async () => {
  // One connection, held by a transaction of the test's own, keeps the request waiting inside the API.
  const api = await startTestApi({ poolMax: 1 });
  const caller = await signUpOrg(api, 'MINER', 'closing');
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const holding = api.db.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1`;
    await held;
  });
  const agent = new Agent({ keepAlive: true });
  try {
    const body = JSON.stringify({ query: '{ sites(first: 1) { edges { node { id } } } }' });
    const answer = new Promise<{ status?: number; connection?: string }>((resolve, reject) => {
      const inFlight = request(`${api.url}/graphql`, {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${caller.token}` },
      });
      inFlight.on('response', (res) => resolve({ status: res.resume().statusCode, connection: res.headers.connection })).on('error', reject);
      inFlight.end(body);
    });
    // The request is on the wire and waiting for the held connection; then close begins, then it is answered.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const closed = api.close();
    release();
    await holding;
    expect(await answer).toEqual({ status: 200, connection: 'close' });
    await closed;
  } finally {
    release();
    agent.destroy();
  }
});
