// What every e2e test needs: the servers' addresses, a signed-in page, unique names, and direct API calls
// for setting the scene (the same public API the portal uses) — never for checking what a user sees.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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

/** Saves a full-page screenshot for the README when E2E_SCREENSHOTS=1 (`npm run screenshots`). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.E2E_SCREENSHOTS !== '1') return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
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
    async pageFor(email?: string, password?: string): Promise<Page> {
      if (!browser) throw new Error('browser not started');
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
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

/** The message the page shows in an alert of its own (Next's route announcer also has role="alert"). */
export async function alertText(page: Page): Promise<string> {
  const alert = page.locator('p[role="alert"], small[role="alert"]').first();
  await alert.waitFor();
  return (await alert.textContent()) ?? '';
}
