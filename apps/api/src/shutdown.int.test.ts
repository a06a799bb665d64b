// The real process: `tsx src/main.ts` stops on SIGTERM by itself, answering what is in flight first.
// (Apollo's own signal handlers, on by default outside NODE_ENV=test, once kept it alive forever.)
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestDatabase, createTestDatabase } from '@gridshare/db/testing';

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

    const inFlight = fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    child.kill('SIGTERM');
    expect((await inFlight).status).toBe(200);
    const code = await Promise.race([exit, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 20_000))]);
    expect([code, output.includes('shutting down')]).toEqual([0, true]);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});
