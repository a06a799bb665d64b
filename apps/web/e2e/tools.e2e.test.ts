import { expect } from '@jest/globals';
import { alertText, apiToken, callApi, DEMO, open, screenshot, unique, useBrowser } from './helpers';

const browser = useBrowser();

describe('the revenue modeller', () => {
  it('runs with defaults, re-runs with a changed hashprice, and shows a refused input at its field', async () => {
    const page = await browser.pageFor(DEMO.miner);
    await open(page, '/revenue');
    expect(await page.getByLabel('Hashprice ($/PH/day)').inputValue()).toBe('44');
    const ebitda = async () => (await page.getByTestId('revenue-totals').locator('.kpi').first().locator('.value').textContent()) ?? '';
    const before = await ebitda();
    expect(before).toMatch(/^\$[\d.]+[MK]$/);
    const week = page.getByRole('img', { name: /AI, mining and idle MW in week 10/ });
    expect(await week.locator('rect').count()).toBeGreaterThan(168);
    expect(await week.locator('path').count()).toBe(1);
    expect(await page.getByRole('img', { name: /sensitivity to hashprice and energy price/ }).locator('rect').count()).toBe(25);
    const comparison = page.getByTestId('backfill-comparison');
    expect(await comparison.locator('tbody tr').count()).toBe(6);
    await screenshot(page, 'revenue-modeller');

    await page.getByLabel('Hashprice ($/PH/day)').fill('80');
    await page.getByRole('button', { name: 'Run model' }).click();
    await page.waitForURL(/hashprice=80/);
    expect(await ebitda()).not.toBe(before);
    expect(await page.getByLabel('Hashprice ($/PH/day)').inputValue()).toBe('80');

    await page.getByLabel('Backfill mining fleet MW').fill('-5');
    await page.getByRole('button', { name: 'Run model' }).click();
    await page.waitForURL(/fleetMw=-5/);
    expect(await alertText(page)).toMatch(/must|negative|at least|greater/i);
    expect(await page.getByLabel('Backfill mining fleet MW').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Backfill mining fleet MW').inputValue()).toBe('-5');
  });

  it('opened from a site, starts from the site’s power and price, and saves scenarios that reopen with their inputs', async () => {
    const page = await browser.pageFor(DEMO.miner);
    await page.getByRole('heading', { name: 'Sites' }).waitFor();
    await page.locator('tbody a', { hasText: 'Enid Plains' }).click();
    await page.getByRole('link', { name: 'Model revenue' }).click();
    await page.getByRole('heading', { name: 'Revenue modeller' }).waitFor();
    expect(await page.getByLabel('Interconnection MW').inputValue()).toBe('50');
    await page.getByLabel('AI contracted IT MW').fill('30');
    await page.getByLabel('Backfill mining fleet MW').fill('15');
    await page.getByRole('button', { name: 'Run model' }).click();
    await page.waitForURL(/fleetMw=15/);
    const name = unique('Half lease');
    await page.getByLabel('Scenario name').fill(name);
    await page.getByRole('button', { name: 'Save scenario' }).click();
    await page.getByText(`Scenario “${name}” saved.`).waitFor();
    const row = page.getByTestId('scenarios').locator('tbody tr', { hasText: name });
    expect(await row.locator('td').nth(2).textContent()).toMatch(/^\$[\d.]+[MK]$/);
    await row.getByRole('link', { name: 'Open' }).click();
    await page.waitForURL(/contractedItMw=30/);
    expect(await page.getByLabel('Backfill mining fleet MW').inputValue()).toBe('15');
    expect(await page.getByLabel('Interconnection MW').inputValue()).toBe('50');
  });
});

describe('the admin dashboard', () => {
  it('shows the KPIs and charts, verifies a queued site, and suspends an organisation with a reason', async () => {
    const email = `${Date.now()}-sus@e2e.gridshare.dev`;
    await callApi('mutation($input: SignUpInput!) { signUp(input: $input) { message } }', {
      input: { email, password: 'correct horse battery', name: 'To Suspend', organizationName: unique('Suspendable Mining'), organizationKind: 'MINER' },
    });
    const token = await apiToken(email, 'correct horse battery');
    const orgName = (await callApi<{ me: { organization: { name: string } } }>('{ me { organization { name } } }', {}, token)).me.organization.name;

    const page = await browser.pageFor(DEMO.admin);
    await page.getByRole('heading', { name: 'Platform dashboard' }).waitFor();
    const kpis = await page.getByTestId('kpis').textContent();
    expect(kpis).toMatch(/MW listed[\d,.]+ MW/);
    expect(await page.getByRole('img', { name: 'MW listed by region' }).isVisible()).toBe(true);
    await screenshot(page, 'admin-dashboard');

    const queue = page.getByTestId('verification-queue');
    const siteRow = queue.locator('tbody tr').filter({ hasText: 'Sweetwater Crossing' });
    await siteRow.getByRole('button', { name: 'Verify' }).click();
    await siteRow.waitFor({ state: 'detached' });
    expect(await queue.textContent()).not.toContain('Sweetwater Crossing');

    const orgRow = page.getByTestId('organisations').locator('tbody tr').filter({ hasText: orgName });
    await orgRow.getByRole('button', { name: 'Suspend' }).click();
    // The browser insists on a reason before anything is sent.
    expect(await orgRow.getByLabel('Reason').evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true);
    await orgRow.getByLabel('Reason').fill('E2E: unpaid invoices');
    await orgRow.getByRole('button', { name: 'Suspend' }).click();
    await orgRow.getByText('Suspended').waitFor();
    expect(await orgRow.getByRole('button', { name: 'Reinstate' }).isVisible()).toBe(true);
    // The suspended organisation's session is refused by the API from now on.
    await expect(callApi('{ sites(first: 1) { totalCount } }', {}, token)).rejects.toThrow();

    // The audit log, filtered to that organisation's suspensions, shows the line with its reason.
    await page.getByLabel('Organisation', { exact: true }).selectOption({ label: orgName });
    await page.getByLabel('Action starts with').fill('admin.organization_susp');
    await page.getByRole('button', { name: 'Filter log' }).click();
    await page.waitForURL(/auditAction=admin.organization_susp/);
    const lines = page.getByTestId('audit-log').locator('tbody tr');
    expect(await lines.count()).toBe(1);
    expect(await lines.first().textContent()).toContain('E2E: unpaid invoices');
    expect(await lines.first().textContent()).toContain(orgName);
    await page.getByLabel('From', { exact: true }).fill('2027-02-01');
    await page.getByLabel('To', { exact: true }).fill('2027-01-01');
    await page.getByRole('button', { name: 'Filter log' }).click();
    expect(await alertText(page)).toContain('filter.from: must be on or before `to`');
  });
});

describe('API keys', () => {
  it('creates a key shown once, which works against the API until it is revoked', async () => {
    const page = await browser.pageFor(DEMO.partner);
    await open(page, '/api-keys');
    const name = unique('e2e key');
    await page.getByLabel('Name').fill(name);
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = (await page.getByTestId('api-key-secret').textContent()) ?? '';
    expect(secret).toMatch(/^gsk_/);
    await screenshot(page, 'api-keys');
    const me = await callApi<{ me: { organization: { name: string } } }>('{ me { organization { name } } }', {}, secret);
    expect(me.me.organization.name).toBe('GridBridge Brokers');

    await page.reload();
    await page.getByRole('heading', { name: 'API keys' }).waitFor();
    expect(await page.content()).not.toContain(secret);
    const row = page.getByTestId('api-key-row').filter({ hasText: name });
    expect(await row.textContent()).toContain(secret.slice(0, 8));
    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByText(/revoked/).waitFor();
    await expect(callApi('{ organization { name } }', {}, secret)).rejects.toThrow();
  });

  it('explains to a viewer that only admins manage keys', async () => {
    const page = await browser.pageFor(DEMO.viewer);
    await open(page, '/api-keys');
    expect(await page.getByText('Only an organisation’s admins and owners manage API keys').isVisible()).toBe(true);
  });
});
