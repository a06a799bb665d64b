import { expect } from '@jest/globals';
import { alertText, apiToken, callApi, DEMO, open, screenshot, unique, useBrowser } from './helpers';

const browser = useBrowser();

describe('the admin dashboard', () => {
  it('shows the KPIs and charts, verifies a queued site, and suspends an organisation with a reason, tab by tab', async () => {
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
    // Revenue and fees in dollars: the demo's agreed statements bill its tenant and carry the platform's fee.
    expect(kpis).toMatch(/Billed to tenants, 12 months\$[\d,]+/);
    expect(kpis).toMatch(/Platform fees, 12 months\$[\d,]+/);
    expect(await page.getByRole('img', { name: 'MW listed by region' }).isVisible()).toBe(true);
    // One section at a time: the others wait behind their tabs.
    expect(await page.getByTestId('verification-queue').isVisible()).toBe(false);
    await screenshot(page, 'admin-dashboard');

    await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Verification' }).click();
    await page.waitForURL(/#verification$/);
    const queue = page.getByTestId('verification-queue');
    await queue.waitFor();
    expect(await page.getByTestId('kpis').isVisible()).toBe(false);
    const siteRow = queue.locator('tbody tr').filter({ hasText: 'Sweetwater Crossing' });
    await siteRow.getByRole('button', { name: 'Verify' }).click();
    await siteRow.waitFor({ state: 'detached' });
    expect(await queue.textContent()).not.toContain('Sweetwater Crossing');

    await open(page, '/admin#organisations');
    // The organisations sort by a column and stay on their tab.
    await page.getByTestId('organisations').getByRole('link', { name: 'Members' }).click();
    await page.waitForURL(/sort=members&dir=asc#organisations$/);
    await page.getByTestId('organisations').locator('th[aria-sort="ascending"]').waitFor();
    const members = await page.getByTestId('organisations').locator('tbody tr td:nth-child(5)').allTextContents();
    expect(members.map(Number)).toEqual([...members.map(Number)].sort((a, b) => a - b));
    const orgRow = page.getByTestId('organisations').locator('tbody tr').filter({ hasText: orgName });
    // Suspending is behind the row's menu, and asks for a reason, then a confirmation.
    expect(await orgRow.getByRole('button', { name: 'Suspend' }).isVisible()).toBe(false);
    await orgRow.getByText('Actions').click();
    await orgRow.getByRole('button', { name: 'Suspend' }).click();
    // The browser insists on a reason before anything is sent.
    expect(await orgRow.getByLabel('Reason').evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true);
    await orgRow.getByLabel('Reason').fill('E2E: unpaid invoices');
    const confirmation = new Promise<string>((resolve) => page.once('dialog', (dialog) => { resolve(dialog.message()); void dialog.accept(); }));
    await orgRow.getByRole('button', { name: 'Suspend' }).click();
    expect(await confirmation).toContain(`Suspend ${orgName}?`);
    await orgRow.getByText('Suspended').waitFor();
    expect(await orgRow.getByRole('button', { name: 'Reinstate' }).isVisible()).toBe(true);
    // The suspended organisation's session is refused by the API from now on.
    await expect(callApi('{ sites(first: 1) { totalCount } }', {}, token)).rejects.toThrow();

    // The audit log, filtered to that organisation's suspensions, shows the line with its reason and who did it.
    await open(page, '/admin#audit');
    await page.getByLabel('Organisation', { exact: true }).selectOption({ label: orgName });
    await page.getByLabel('Action starts with').fill('admin.organization_susp');
    await page.getByRole('button', { name: 'Filter log' }).click();
    await page.waitForURL(/auditAction=admin.organization_susp/);
    const lines = page.getByTestId('audit-log').locator('tbody tr');
    expect(await lines.count()).toBe(1);
    expect(await lines.first().textContent()).toContain('E2E: unpaid invoices');
    expect(await lines.first().textContent()).toContain(orgName);
    expect(await lines.first().textContent()).toContain('Alex Moreau');
    expect(await lines.first().textContent()).not.toContain('user:');
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
