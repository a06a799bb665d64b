import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { alertText, DEMO, holdNavigation, open, screenshot, unique, useBrowser } from './helpers';

const browser = useBrowser();

async function fillSite(page: Page, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) await page.getByLabel(label, { exact: true }).fill(value);
}

describe('a miner', () => {
  it('searches its sites table', async () => {
    const page = await browser.pageFor(DEMO.miner);
    await page.getByRole('heading', { name: 'Sites' }).waitFor();
    await screenshot(page, 'miner-sites');
    const all = await page.locator('tbody tr').count();
    expect(all).toBeGreaterThan(3);
    await page.getByLabel('Search').fill('Enid');
    // While the answer is held back the form says it is searching, and is ready again once the list is there.
    const navigation = await holdNavigation(page, '/sites');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await navigation.held;
    expect(await page.getByRole('button', { name: 'Searching…' }).isDisabled()).toBe(true);
    expect(await page.getByRole('search').getAttribute('aria-busy')).toBe('true');
    navigation.release();
    await page.waitForURL(/q=Enid/);
    await page.getByRole('search').and(page.locator('[aria-busy="false"]')).waitFor();
    expect(await page.locator('tbody tr').allTextContents()).toEqual([expect.stringContaining('Enid Plains')]);
    await page.getByLabel('Search').fill('no such site anywhere');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('No site matches').waitFor();
  });

  it('sees a navigation link say it is loading until the page it leads to is there', async () => {
    const page = await browser.pageFor(DEMO.miner);
    await page.getByRole('heading', { name: 'Sites' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    const navigation = await holdNavigation(page, '/revenue');
    await nav.getByRole('link', { name: 'Revenue modeller' }).click();
    await navigation.held;
    await nav.getByRole('link', { name: 'Revenue modeller' }).getByRole('status', { name: 'Loading' }).waitFor();
    expect(await nav.getByRole('status').count()).toBe(1);
    navigation.release();
    await page.getByTestId('by-year').waitFor();
    await nav.getByRole('status').waitFor({ state: 'detached' });
    expect(await nav.getByRole('link', { name: 'Revenue modeller' }).getAttribute('aria-current')).toBe('page');
  });

  it('creates a site (the server’s refusal shows at the field, input kept), sees its readiness, edits it, lists and publishes capacity', async () => {
    const page = await browser.pageFor(DEMO.miner);
    const name = unique('E2E Ridge');
    await open(page, '/sites/new');
    await fillSite(page, {
      Name: name, 'Country (ISO code)': 'US', 'Region / state': 'Texas', 'Grid operator': 'ERCOT', Latitude: '31.5', Longitude: '-100.4',
      'Energized MW': '40', 'Mining MW today': '60', 'Max rack density (kW)': '30', 'Energy price ($/MWh)': '42',
    });
    await page.getByRole('button', { name: 'Create site' }).click();
    expect(await alertText(page)).toMatch(/correct the fields/i);
    const miningError = page.locator('#f-miningMw-error');
    expect(await miningError.textContent()).toContain('must not exceed energizedMw');
    expect(await page.getByLabel('Mining MW today', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe(name);
    expect(await page.getByLabel('Energy price ($/MWh)', { exact: true }).inputValue()).toBe('42');
    await screenshot(page, 'site-form-refused');

    await fillSite(page, { 'Mining MW today': '30' });
    await page.getByRole('button', { name: 'Create site' }).click();
    await page.getByRole('heading', { name }).waitFor();
    const chart = page.getByRole('img', { name: 'Readiness sub-scores' });
    expect(await chart.isVisible()).toBe(true);
    expect(await chart.locator('rect').count()).toBeGreaterThan(10);
    const score = Number(await page.getByTestId('readiness-score').textContent());
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(100);
    expect(await page.getByRole('heading', { name: 'Gaps to close' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Conversion estimate' }).isVisible()).toBe(true);

    await page.getByRole('link', { name: 'Edit site' }).click();
    await page.getByRole('heading', { name: `Edit ${name}` }).waitFor();
    expect(await page.getByLabel('Energized MW', { exact: true }).inputValue()).toBe('40');
    await fillSite(page, { Name: `${name} II` });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: `${name} II` }).waitFor();

    await page.getByText('New capacity block').click();
    await page.getByLabel('MW', { exact: true }).fill('20');
    await page.getByLabel('Firm MW', { exact: true }).fill('20');
    await page.getByLabel('Available from', { exact: true }).fill('2027-03-01');
    await page.getByLabel('Price ($/kW-month)', { exact: true }).fill('140');
    await page.getByRole('button', { name: 'Create block' }).click();
    await page.getByText('Capacity block created as a draft').waitFor();
    expect(await page.getByLabel('MW', { exact: true }).inputValue()).toBe('');
    const row = page.locator('tbody tr', { hasText: '20 MW (20 MW)' });
    await row.getByText('Draft').waitFor();
    await row.getByRole('button', { name: 'Publish' }).click();
    await row.getByText('Published').waitFor();
    await screenshot(page, 'site-readiness');

    await open(page, '/capacity?status=PUBLISHED');
    expect(await page.locator('tbody tr', { hasText: `${name} II` }).textContent()).toContain('Published');
    await screenshot(page, 'capacity-blocks');
  });

  it('edits a draft block (a start in the past refused at the field) and deletes another', async () => {
    const page = await browser.pageFor(DEMO.miner);
    const name = unique('E2E Drafts');
    await open(page, '/sites/new');
    await fillSite(page, {
      Name: name, 'Country (ISO code)': 'US', 'Region / state': 'Texas', 'Grid operator': 'ERCOT', Latitude: '31.5', Longitude: '-100.4',
      'Energized MW': '60', 'Mining MW today': '10', 'Max rack density (kW)': '30', 'Energy price ($/MWh)': '42',
    });
    await page.getByRole('button', { name: 'Create site' }).click();
    await page.getByRole('heading', { name }).waitFor();
    await page.getByText('New capacity block').click();
    for (const mw of ['12', '7']) {
      await page.getByLabel('MW', { exact: true }).fill(mw);
      await page.getByLabel('Firm MW', { exact: true }).fill(mw);
      await page.getByLabel('Available from', { exact: true }).fill('2027-04-01');
      await page.getByLabel('Price ($/kW-month)', { exact: true }).fill('140');
      await page.getByRole('button', { name: 'Create block' }).click();
      await page.getByText('Capacity block created as a draft').waitFor();
    }
    const draft = page.locator('tbody tr', { hasText: '12 MW (12 MW)' });
    await draft.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('heading', { name: `Edit draft block on ${name}` }).waitFor();
    expect(await page.getByLabel('MW', { exact: true }).inputValue()).toBe('12');
    // A past day is refused at the field, before anything is sent.
    await page.getByLabel('Available from', { exact: true }).fill('2020-01-01');
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(await page.getByLabel('Available from', { exact: true }).evaluate((el) => (el as HTMLInputElement).validity.rangeUnderflow)).toBe(true);
    expect(await page.getByLabel('MW', { exact: true }).inputValue()).toBe('12');
    await page.getByLabel('Available from', { exact: true }).fill('2027-05-01');
    await page.getByLabel('MW', { exact: true }).fill('15');
    await page.getByLabel('Firm MW', { exact: true }).fill('15');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'Capacity blocks' }).waitFor();
    const edited = page.locator('tbody tr', { hasText: name }).filter({ hasText: '15 MW (15 MW)' });
    expect(await edited.textContent()).toContain('2027-05-01');

    const other = page.locator('tbody tr', { hasText: name }).filter({ hasText: '7 MW (7 MW)' });
    page.once('dialog', (dialog) => void dialog.accept());
    await other.getByRole('button', { name: 'Delete' }).click();
    await other.waitFor({ state: 'detached' });
    expect(await page.locator('tbody tr', { hasText: name }).count()).toBe(1);
  });

  it('as a read-only viewer sees the sites but no way to change them', async () => {
    const page = await browser.pageFor(DEMO.viewer);
    await page.getByRole('heading', { name: 'Sites' }).waitFor();
    expect(await page.getByRole('link', { name: 'New site' }).count()).toBe(0);
    await page.locator('tbody a').first().click();
    await page.getByTestId('readiness-score').waitFor();
    expect(await page.getByRole('link', { name: 'Edit site' }).count()).toBe(0);
  });
});
