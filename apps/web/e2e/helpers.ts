// What every e2e test needs: the servers' addresses, a signed-in page, unique names, and direct API calls
// for setting the scene (the same public API the portal uses) — never for checking what a user sees.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, signIn } from './browser';

export const baseUrl = () => process.env.E2E_BASE_URL ?? '';
export const apiUrl = () => process.env.E2E_API_URL ?? '';

export const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
export const uniqueEmail = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@e2e.gridshare.dev`;

export const DEMO = {
  admin: 'admin@demo.gridshare.dev',
  miner: 'miner@demo.gridshare.dev',
  viewer: 'viewer@demo.gridshare.dev',
  tenant: 'tenant@demo.gridshare.dev',
  partner: 'partner@demo.gridshare.dev',
} as const;

const SCREENSHOTS = join(__dirname, '../../../docs/screenshots');

/** Saves a full-page screenshot (or one part of the page) for the README when E2E_SCREENSHOTS=1 (`npm run screenshots`). */
export async function screenshot(page: Page, name: string, part?: Locator): Promise<void> {
  if (process.env.E2E_SCREENSHOTS !== '1') return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await (part ? part.screenshot({ path }) : page.screenshot({ path, fullPage: true }));
}

export async function gqlAs<T>(email: string, query: string, variables: Record<string, unknown> = {}, password = DEMO_PASSWORD): Promise<T> {
  const token = await apiToken(email, password);
  return callApi<T>(query, variables, token);
}

export async function apiToken(email: string, password = DEMO_PASSWORD): Promise<string> {
  const data = await callApi<{ signIn: { token: string } }>('mutation($input: SignInInput!) { signIn(input: $input) { token } }', { input: { email, password } });
  return data.signIn.token;
}

export async function callApi<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(apiUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) throw Object.assign(new Error(body.errors[0]?.message), { code: body.errors[0]?.extensions?.code });
  return body.data as T;
}

/** One browser per test file; a fresh context (cookies) per person. */
export function useBrowser() {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    /** `viewport`: a phone is { width: 390, height: 844 }. */
    async pageFor(email?: string, password?: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
      if (!browser) throw new Error('browser not started');
      const context = await browser.newContext({ viewport });
      contexts.push(context);
      context.setDefaultTimeout(20_000);
      const page = await context.newPage();
      if (email) await signIn(page, baseUrl(), email, password);
      return page;
    },
  };
}

/** Opens a portal path and waits until the page (not its loading skeleton) is there. */
export async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${baseUrl()}${path}`);
  await page.waitForLoadState('networkidle');
}

/**
 * Holds the page's next client-side navigation to `path` (the request for its React payload; prefetches pass)
 * until `release`: a test looks at the page while the answer is on its way, so busy states are checked
 * without timing. `held` resolves once the request is waiting.
 */
export async function holdNavigation(page: Page, path: string): Promise<{ held: Promise<void>; release: () => void }> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let heard = () => {};
  const held = new Promise<void>((resolve) => (heard = resolve));
  await page.route(
    (url) => url.pathname === path,
    async (route) => {
      const headers = route.request().headers();
      if (headers.rsc === '1' && !headers['next-router-prefetch']) {
        heard();
        await released;
      }
      await route.continue();
    },
  );
  return { held, release };
}

/** The message the page shows in an alert of its own (Next's route announcer also has role="alert"). */
export async function alertText(page: Page): Promise<string> {
  const alert = page.locator('p[role="alert"], small[role="alert"]').first();
  await alert.waitFor();
  return (await alert.textContent()) ?? '';
}

interface Block { id: string; mw: number; availableFrom: string; minTermMonths: number; priceUsdPerKwMonth: number; site: { verification: string } }

/**
 * An ACCEPTED deal between the demo miner and the demo tenant, made through the API as the two parties would
 * (request → proposal on one of the miner's published blocks → accept), on half a block.
 */
export async function acceptedDeal(): Promise<{ id: string; mw: number }> {
  const [miner, tenant] = [await apiToken(DEMO.miner), await apiToken(DEMO.tenant)];
  const blocks = await callApi<{ capacityBlocks: { edges: { node: Block }[] } }>(
    '{ capacityBlocks(first: 100, filter: { statuses: [PUBLISHED] }) { edges { node { id mw availableFrom minTermMonths priceUsdPerKwMonth site { verification } } } } }',
    {},
    miner,
  );
  // Only capacity on verified sites can be offered (other tests publish blocks on new, unverified sites).
  const block = blocks.capacityBlocks.edges.map((e) => e.node).find((b) => b.mw >= 4 && b.site.verification === 'VERIFIED');
  if (!block) throw new Error('the demo miner has no published block of 4 MW or more on a verified site left');
  const mw = Math.floor(block.mw / 2);
  const request = await callApi<{ createColocationRequest: { id: string } }>(
    'mutation($input: CreateColocationRequestInput!) { createColocationRequest(input: $input) { id } }',
    { input: { title: unique('e2e deal'), totalMw: mw, minContiguousMw: mw, phases: [{ mw, neededBy: '2030-12-31' }], maxPriceUsdPerKwMonth: 1000, termMonths: Math.max(12, block.minTermMonths), open: true } },
    tenant,
  );
  const deal = await callApi<{ proposeDeal: { id: string } }>(
    'mutation($input: ProposeDealInput!) { proposeDeal(input: $input) { id } }',
    { input: { requestId: request.createColocationRequest.id, blockIds: [block.id], mw, priceUsdPerKwMonth: block.priceUsdPerKwMonth, termMonths: Math.max(12, block.minTermMonths), startDate: block.availableFrom } },
    miner,
  );
  const id = deal.proposeDeal.id;
  await callApi('mutation($id: ID!) { acceptDeal(id: $id) { id } }', { id }, tenant);
  return { id, mw };
}

/** An ACTIVE deal of the demo miner and tenant: accepted, signed by both on its own terms, activated. */
export async function activeDeal(): Promise<{ id: string; mw: number }> {
  const [miner, tenant] = [await apiToken(DEMO.miner), await apiToken(DEMO.tenant)];
  const deal = await acceptedDeal();
  const move = (mutation: string, token: string) => callApi(`mutation($id: ID!) { ${mutation}(id: $id) { id } }`, { id: deal.id }, token);
  await move('signDeal', tenant);
  await move('signDeal', miner);
  await move('activateDeal', miner);
  return deal;
}

/** The e2e run's own PostgreSQL database (global-setup), for scenes the public API cannot set (e.g. a failed payout). */
export function e2eDatabaseUrl(): string {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error('this test sets its scene in PostgreSQL: run the e2e tests with DATABASE_URL (as CI does)');
  return url;
}

/** Signs one of the deal's scenarios from its page: each choice opens a review that needs a confirmation. */
export async function signScenario(page: Page, scenarioId = 'DEFAULT'): Promise<void> {
  const choice = page.getByTestId(`sign-choice-${scenarioId}`);
  await choice.getByText('Sign…').click();
  await choice.getByRole('button', { name: 'Confirm: sign' }).click();
}
