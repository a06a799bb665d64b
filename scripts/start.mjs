#!/usr/bin/env node
// `npm start`: builds the portal (Turbo caches the build), then runs the API and the portal's production server
// side by side. Without DATABASE_URL both run on the embedded demo database and the sign-in page lists the demo
// accounts. Ctrl-C stops both; if either stops, the other is stopped too.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', TURBO_TELEMETRY_DISABLED: '1' };
const apiPort = env.PORT ?? '4000';
const webPort = env.WEB_PORT ?? '3000';
const host = env.HOST ?? '127.0.0.1';
env.GRIDSHARE_API_URL ??= `http://${host}:${apiPort}/graphql`;
env.NEXTAUTH_URL ??= `http://${host}:${webPort}`;
// Stripe (or the offline local Stripe-shaped server) sends people back to the portal's billing page.
env.BILLING_RETURN_URL ??= `${env.NEXTAUTH_URL}/billing`;
if (!env.DATABASE_URL) env.GRIDSHARE_DEMO ??= '1';
if (!env.NEXTAUTH_SECRET) {
  // A fresh secret per start: sign-ins do not survive a restart, which is fine for a demo. Set NEXTAUTH_SECRET
  // (32+ random bytes) anywhere people sign in for real.
  env.NEXTAUTH_SECRET = randomBytes(32).toString('base64url');
  console.warn('[start] NEXTAUTH_SECRET is not set: using a random one for this run (sessions end at restart).');
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (env.SKIP_WEB_BUILD !== '1') {
  run('npm', ['run', 'db:generate']);
  run('npx', ['turbo', 'run', 'build', '--filter=@gridshare/web', '--output-logs=errors-only']);
}

// Each child leads its own process group, so stopping it also stops what npm/npx started under it.
const start = (args, cwd) => spawn('npx', args, { stdio: 'inherit', env, cwd: new URL(cwd, import.meta.url).pathname, detached: true });
const children = [start(['tsx', 'src/main.ts'], '../apps/api'), start(['next', 'start', '-p', webPort, '-H', host], '../apps/web')];
console.log(`[start] Portal: ${env.NEXTAUTH_URL}  API: ${env.GRIDSHARE_API_URL}`);

// Once both answer, say where to point the browser (the API's own banner scrolls the first line away).
const answers = async (url) => {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
};
const readyUrl = env.GRIDSHARE_API_URL.replace(/\/graphql$/, '/readyz');
const announce = setInterval(async () => {
  if (stopping) return clearInterval(announce);
  if ((await answers(readyUrl)) && (await answers(`${env.NEXTAUTH_URL}/signin`))) {
    clearInterval(announce);
    console.log(`\n[start] Ready. Open ${env.NEXTAUTH_URL} in your browser${env.GRIDSHARE_DEMO === '1' ? ' and pick a demo account' : ''}.`);
  }
}, 1000);

let stopping = false;
const signalAll = (signal) => {
  for (const child of children) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // that group is gone already
    }
  }
};
const groupAlive = (child) => {
  try {
    process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
};
function stop(code) {
  if (stopping) return;
  stopping = true;
  signalAll('SIGTERM');
  // Wait for every process of both groups (npx's children too); whatever still runs after 5 s is killed.
  const started = Date.now();
  const timer = setInterval(() => {
    const alive = children.some(groupAlive);
    if (alive && Date.now() - started < 5000) return;
    if (alive) signalAll('SIGKILL');
    clearInterval(timer);
    process.exit(code);
  }, 200);
}
for (const child of children) child.on('exit', (code) => stop(code ?? 1));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
