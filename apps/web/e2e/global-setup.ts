// Jest `e2e` project: build the portal, start the API (on a fresh PostgreSQL database when DATABASE_URL is set,
// else on a throwaway embedded one) and the portal's production server on free ports, and wait for both.
// The tests then drive Debian's chromium against them (browser.ts).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminQuery, withDatabaseName } from '../../../packages/db/src/testing/template';
import { CHROMIUM } from './browser';

const ROOT = join(__dirname, '../../..');

export interface E2eState {
  server: ChildProcess;
  database?: { adminUrl: string; name: string };
}

declare global {
  // Shared between global setup and teardown (Jest runs both in its parent process).
  var gridshareE2e: E2eState | undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitFor(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the servers stopped (exit ${server.exitCode}) before ${url} answered`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

export default async function globalSetup(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`No browser at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', TURBO_TELEMETRY_DISABLED: '1' };
  // The portal under test is never the newcomer's embedded demo, on PGlite as on PostgreSQL: its sign-in page
  // lists no demo accounts (auth.e2e checks it).
  env.GRIDSHARE_DEMO = '0';
  delete env.NODE_OPTIONS;

  const build = spawnSync('npx', ['turbo', 'run', 'build', '--filter=@gridshare/web', '--output-logs=errors-only'], { cwd: ROOT, env, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('next build failed');

  let database: E2eState['database'];
  if (process.env.DATABASE_URL) {
    const name = `gs_e2e_${randomBytes(4).toString('hex')}`;
    await adminQuery(process.env.DATABASE_URL, `CREATE DATABASE "${name}"`);
    database = { adminUrl: process.env.DATABASE_URL, name };
    env.DATABASE_URL = withDatabaseName(process.env.DATABASE_URL, name);
  } else {
    env.PGLITE_DATA_DIR = mkdtempSync(join(tmpdir(), 'gridshare-e2e-'));
  }
  const [apiPort, webPort] = [await freePort(), await freePort()];
  Object.assign(env, {
    PORT: String(apiPort),
    WEB_PORT: String(webPort),
    SKIP_WEB_BUILD: '1',
    // Checkout, the customer portal and Connect onboarding send the browser back to this portal's billing page.
    BILLING_RETURN_URL: `http://127.0.0.1:${webPort}/billing`,
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    LOG_LEVEL: 'warn',
    // The browser signs in many times from one address; the sign-in limiter is tested in the API's own suite.
    SIGN_IN_ATTEMPTS: '1000',
    SIGN_IN_ACCOUNT_ATTEMPTS: '1000',
    SIGN_UP_PER_IP_PER_HOUR: '100000',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000',
    RATE_LIMIT_FREE_PER_MINUTE: '100000',
  });
  const server = spawn('node', ['scripts/start.mjs'], { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  globalThis.gridshareE2e = { server, database };
  const baseUrl = `http://127.0.0.1:${webPort}`;
  const apiUrl = `http://127.0.0.1:${apiPort}/graphql`;
  await waitFor(`http://127.0.0.1:${apiPort}/readyz`, server, 180_000);
  await waitFor(`${baseUrl}/signin`, server, 60_000);
  process.env.E2E_BASE_URL = baseUrl;
  process.env.E2E_API_URL = apiUrl;
  if (env.DATABASE_URL) process.env.E2E_DATABASE_URL = env.DATABASE_URL;
}
