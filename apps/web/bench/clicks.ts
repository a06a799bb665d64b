// The portal's clicks (issues #18 and #16), timed in the browser the way a person waits for them: from the
// action (a click, a submit, typing an address) until a concrete element of the result is visible. The stack is
// the e2e one (global-setup.ts: `next build`, `next start` and the API on free ports), once on the embedded
// demo (PGlite) and, when PostgreSQL is configured or listening on 127.0.0.1:5432, once on a throwaway
// PostgreSQL database. Prints a table with the goals and asserts nothing.
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { loadavg } from 'node:os';
import type { Browser, Locator, Page } from 'playwright-core';
import { CHROMIUM, launchBrowser, signIn } from '../e2e/browser';
import globalSetup from '../e2e/global-setup';
import globalTeardown from '../e2e/global-teardown';
import { apiToken, callApi, DEMO, unique } from '../e2e/helpers';

const RUNS = Number(process.env.CLICKS_RUNS ?? 20);
const WARM_UP = 2;
const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

type Backend = 'embedded' | 'PostgreSQL';

interface Action {
  name: string;
  /** What issue #18's walk through the portal measured on the embedded demo, for the table. */
  before: string;
  /** Embedded goal when it differs from the general 1 s (the revenue re-run, #16). */
  embeddedGoalMs?: number;
  /** Puts the page where the user starts; not timed. */
  prepare: (pages: Pages) => Promise<Page>;
  /** Untimed, before each run (typing into the form); `i` makes each run ask something new, so no answer is
   *  replayed from the response cache. Returns what the timed part looks for. */
  setUp?: (page: Page, i: number) => Promise<string>;
  /** The timed part: the click and the wait for its result. */
  run: (page: Page, typed: string) => Promise<void>;
}

type Pages = Record<'miner' | 'tenant' | 'admin', Page>;

const load = () => loadavg().map((l) => l.toFixed(1)).join(' / ');

/** A pending label that must appear (the busy state) and go, then the result. */
async function throughBusy(busy: Locator, result: Locator): Promise<void> {
  await busy.waitFor();
  await busy.waitFor({ state: 'hidden' });
  await result.first().waitFor();
}

/** Opens a page by its address and waits for what it is for, not for its loading skeleton. */
function opening(path: string, who: keyof Pages, result: (page: Page) => Locator): Action {
  return {
    name: `open ${path}`,
    before: '0.4-2.2 s',
    prepare: async (pages) => pages[who],
    setUp: async (page) => {
      await page.goto('about:blank');
      return path;
    },
    run: async (page) => {
      await page.goto(`${process.env.E2E_BASE_URL}${path}`, { waitUntil: 'commit' });
      await result(page).first().waitFor();
    },
  };
}

const ACTIONS: Action[] = [
  {
    name: 'run matching on a request',
    before: '4.4-4.9 s',
    prepare: async ({ tenant }) => {
      const token = await apiToken(DEMO.tenant);
      const { createColocationRequest } = await callApi<{ createColocationRequest: { id: string } }>(
        'mutation($input: CreateColocationRequestInput!) { createColocationRequest(input: $input) { id } }',
        { input: { title: unique('Bench request'), totalMw: 10, minContiguousMw: 10, phases: [{ mw: 10, neededBy: '2030-12-31' }], termMonths: 120, open: true } },
        token,
      );
      await tenant.goto(`${process.env.E2E_BASE_URL}/requests/${createColocationRequest.id}`);
      await tenant.getByRole('button', { name: 'Find matches' }).click();
      await tenant.getByRole('button', { name: 'Re-run matching' }).waitFor();
      return tenant;
    },
    run: async (page) => {
      await page.getByRole('button', { name: 'Re-run matching' }).click();
      await throughBusy(page.getByRole('button', { name: 'Matching…' }), page.locator('[data-testid="match"], [data-testid="no-match"]'));
    },
  },
  {
    name: 're-run the revenue model',
    before: '2.8-3.8 s',
    embeddedGoalMs: 500,
    prepare: async ({ miner }) => {
      await miner.goto(`${process.env.E2E_BASE_URL}/revenue`);
      await miner.getByTestId('by-year').waitFor();
      return miner;
    },
    setUp: async (page, i) => {
      // A new efficiency each run (12.0-17.9 J/TH), so every submit is a new URL and a new model.
      const jPerTh = (12 + (i % 60) / 10).toFixed(1);
      await page.getByLabel('Efficiency (J/TH)').first().fill(jPerTh);
      return jPerTh;
    },
    run: async (page, jPerTh) => {
      await page.getByRole('button', { name: 'Run model' }).click();
      await page.waitForURL(new RegExp(`jPerTh=${jPerTh}(&|$)`), { waitUntil: 'commit' });
      // The busy form is back to "Run model" once the new URL's page has rendered.
      await page.getByRole('button', { name: 'Run model' }).waitFor();
      await page.getByTestId('by-year').waitFor();
    },
  },
  {
    name: 'submit a search',
    before: '1.6-2.2 s',
    prepare: async ({ tenant }) => {
      await tenant.goto(`${process.env.E2E_BASE_URL}/search`);
      await tenant.getByTestId('result-count').waitFor();
      return tenant;
    },
    setUp: async (page, i) => {
      const minMw = String(1 + (i % 40) / 4);
      await page.getByLabel('Min MW', { exact: true }).fill(minMw);
      return minMw;
    },
    run: async (page, minMw) => {
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForURL(new RegExp(`minBlockMw=${minMw}(&|$)`), { waitUntil: 'commit' });
      await page.getByTestId('result-count').waitFor();
    },
  },
  {
    name: 'create a site',
    before: '~2.3 s',
    prepare: async ({ miner }) => miner,
    setUp: async (page) => {
      await page.goto(`${process.env.E2E_BASE_URL}/sites/new`);
      const name = unique('Bench Ridge');
      const values = {
        Name: name, 'Country (ISO code)': 'US', 'Region / state': 'Texas', 'Grid operator': 'ERCOT', Latitude: '31.5', Longitude: '-100.4',
        'Energized MW': '40', 'Mining MW today': '30', 'Max rack density (kW)': '30', 'Energy price ($/MWh)': '42',
      };
      for (const [label, value] of Object.entries(values)) await page.getByLabel(label, { exact: true }).fill(value);
      return name;
    },
    run: async (page, name) => {
      await page.getByRole('button', { name: 'Create site' }).click();
      await page.getByRole('heading', { name }).waitFor();
    },
  },
  opening('/sites', 'miner', (page) => page.locator('tbody tr')),
  opening('/search', 'tenant', (page) => page.getByTestId('result-count')),
  opening('/revenue', 'miner', (page) => page.getByTestId('by-year')),
  opening('/admin', 'admin', (page) => page.getByTestId('kpis')),
];

interface Row { action: string; before: string; backend: Backend; n: number; p50: number; p95: number; goal: number }

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function measure(browser: Browser, backend: Backend): Promise<Row[]> {
  const pages = {} as Pages;
  for (const who of ['miner', 'tenant', 'admin'] as const) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(30_000);
    pages[who] = await context.newPage();
    await signIn(pages[who], process.env.E2E_BASE_URL ?? '', DEMO[who]);
  }
  const rows: Row[] = [];
  for (const action of ACTIONS) {
    const page = await action.prepare(pages);
    const times: number[] = [];
    for (let i = 0; i < WARM_UP + RUNS; i++) {
      const typed = (await action.setUp?.(page, i)) ?? '';
      const started = performance.now();
      await action.run(page, typed);
      const ms = performance.now() - started;
      if (i >= WARM_UP) times.push(ms);
    }
    times.sort((a, b) => a - b);
    const goal = backend === 'embedded' ? (action.embeddedGoalMs ?? 1000) : 500;
    rows.push({ action: action.name, before: action.before, backend, n: times.length, p50: percentile(times, 50), p95: percentile(times, 95), goal });
    console.log(`  ${backend} · ${action.name}: p50 ${Math.round(percentile(times, 50))} ms, p95 ${Math.round(percentile(times, 95))} ms`);
  }
  for (const page of Object.values(pages)) await page.context().close();
  return rows;
}

/** The admin URL of a PostgreSQL server to create the throwaway database on, if there is one. */
async function postgresAdminUrl(): Promise<string | undefined> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const listening = await new Promise<boolean>((resolve) => {
    const socket = connect(5432, '127.0.0.1', () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
  return listening ? LOCAL_POSTGRES : undefined;
}

/** Starts the e2e stack on one backend, measures, and always stops it (and drops its database). */
async function onBackend(browser: Browser, backend: Backend, databaseUrl: string | undefined): Promise<{ rows: Row[]; loadStart: string; loadEnd: string }> {
  const saved = process.env.DATABASE_URL;
  if (databaseUrl) process.env.DATABASE_URL = databaseUrl;
  else delete process.env.DATABASE_URL;
  const loadStart = load();
  try {
    console.log(`\n${backend}: starting the stack (load ${loadStart})`);
    await globalSetup();
    return { rows: await measure(browser, backend), loadStart, loadEnd: load() };
  } finally {
    await globalTeardown();
    globalThis.gridshareE2e = undefined;
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  }
}

async function main(): Promise<void> {
  // The other benches of `npm run bench` need no browser: say why this one did nothing rather than fail them all.
  if (!existsSync(CHROMIUM)) {
    console.log(`Portal clicks: skipped, no browser at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
    return;
  }
  console.log(`Portal clicks: ${RUNS} timed runs per action after ${WARM_UP} warm-up ones (chromium, production build)`);
  const postgres = await postgresAdminUrl();
  const browser = await launchBrowser();
  const results = [];
  try {
    results.push(await onBackend(browser, 'embedded', undefined));
    if (postgres) results.push(await onBackend(browser, 'PostgreSQL', postgres));
    else console.log('\nPostgreSQL: skipped (no DATABASE_URL and nothing listening on 127.0.0.1:5432)');
  } finally {
    await browser.close();
  }
  console.log('\n| action | backend | n | p50 ms | p95 ms | goal (p95) | result | before (#18, embedded) |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const { rows } of results) {
    for (const r of rows) {
      console.log(`| ${r.action} | ${r.backend} | ${r.n} | ${Math.round(r.p50)} | ${Math.round(r.p95)} | ≤ ${r.goal} ms | ${r.p95 <= r.goal ? 'PASS' : 'MISS'} | ${r.before} |`);
    }
  }
  for (const { rows, loadStart, loadEnd } of results) console.log(`load average (1 / 5 / 15 min, 2 cores), ${rows[0]?.backend}: ${loadStart} at start, ${loadEnd} at end`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
