import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { activeDeal, alertText, DEMO, open, screenshot, unique, useBrowser } from './helpers';

const browser = useBrowser();

/** The modeller opened on results: KPIs, the by-year table, the week chart, and no error anywhere. */
async function expectResults(page: Page) {
  await page.getByRole('heading', { name: 'Revenue modeller' }).waitFor();
  await page.getByTestId('by-year').waitFor();
  expect(await page.locator('p[role="alert"], small[role="alert"]').count()).toBe(0);
  expect(await page.getByTestId('by-year').locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
  expect(await page.getByRole('img', { name: /AI, mining and idle MW in year/ }).locator('rect').count()).toBeGreaterThan(168);
}

const ebitda = async (page: Page) => (await page.getByTestId('ebitda').textContent()) ?? '';

describe('the revenue modeller over a lease term', () => {
  it('opens from a site with the site’s figures and results; a change of J/TH moves EBITDA', async () => {
    const page = await browser.pageFor(DEMO.miner);
    await page.getByRole('heading', { name: 'Sites' }).waitFor();
    await page.locator('tbody a', { hasText: 'Enid Plains' }).click();
    await page.getByRole('link', { name: 'Model revenue' }).click();
    await expectResults(page);
    expect(await page.getByLabel('Interconnection (MW)').inputValue()).toBe('50');
    const before = await ebitda(page);
    expect(before).toMatch(/^-?\$[\d.]+[MKB]?$/);
    // Every view: valuation as a range, the comparison, the heatmap with this scenario outlined, the tornado.
    expect(await page.getByTestId('valuation').textContent()).toMatch(/\$[\d.]+[MB] – \$[\d.]+[MB]/);
    expect(await page.getByTestId('backfill-comparison').locator('tbody tr').count()).toBe(4);
    const heatmap = page.getByRole('img', { name: /NPV sensitivity to hashprice and energy price/ });
    expect(await heatmap.locator('rect[data-current="true"]').count()).toBe(1);
    expect(await page.getByRole('img', { name: /Tornado/ }).locator('rect').count()).toBeGreaterThanOrEqual(5);
    expect(await page.getByRole('link', { name: 'Export CSV' }).count()).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'revenue-term');

    await page.getByLabel('Efficiency (J/TH)').first().fill('12');
    await page.getByLabel('Hashprice path').selectOption('flat');
    await page.getByRole('button', { name: 'Run model' }).click();
    await page.waitForURL(/jPerTh=12/);
    await expectResults(page);
    expect(await ebitda(page)).not.toBe(before);
    expect(await page.getByLabel('Efficiency (J/TH)').first().inputValue()).toBe('12');
  });

  it('opens from a block with the block’s MW and price', async () => {
    const page = await browser.pageFor(DEMO.miner);
    await open(page, '/capacity');
    const link = page.getByRole('link', { name: /Model revenue of the/ }).first();
    const label = (await link.getAttribute('aria-label')) ?? '';
    await link.click();
    await expectResults(page);
    expect(`${await page.getByLabel('Contracted IT (MW)').inputValue()} MW`).toBe(label.match(/([\d.]+ MW)/)?.[1]);
  });

  it('opens from a deal, for the host and for the tenant, who sees its effective cost per kW-month and never host EBITDA', async () => {
    const deal = await activeDeal();
    const host = await browser.pageFor(DEMO.miner);
    await open(host, `/deals/${deal.id}`);
    await host.getByRole('link', { name: 'Model this deal’s revenue' }).click();
    await expectResults(host);
    expect(Number(await host.getByLabel('Contracted IT (MW)').inputValue())).toBe(deal.mw);

    const tenant = await browser.pageFor(DEMO.tenant);
    await open(tenant, `/deals/${deal.id}`);
    await tenant.getByRole('link', { name: 'Model this deal’s revenue' }).click();
    await expectResults(tenant);
    expect(await tenant.getByTestId('tenant-effective').textContent()).toMatch(/^\$[\d,.]+$/);
    expect(await tenant.getByText('Host EBITDA').count()).toBe(0);
  });

  it('saves the scenario on screen against its site, and reopens it with its inputs', async () => {
    const page = await browser.pageFor(DEMO.miner);
    await page.getByRole('heading', { name: 'Sites' }).waitFor();
    await page.locator('tbody a', { hasText: 'Enid Plains' }).click();
    await page.getByRole('link', { name: 'Model revenue' }).click();
    await expectResults(page);
    await page.getByLabel('Backfill fleet (MW)').fill('15');
    await page.getByRole('button', { name: 'Run model' }).click();
    await page.waitForURL(/fleetMw=15/);
    await expectResults(page);
    const name = unique('Half fleet');
    await page.getByLabel('Scenario name').fill(name);
    await page.getByRole('button', { name: 'Save scenario' }).click();
    await page.getByText(`Scenario “${name}” saved.`).waitFor();
    const row = page.getByTestId('scenarios').locator('tbody tr', { hasText: name });
    await row.getByRole('link', { name: 'Open' }).click();
    await page.waitForURL(/fleetMw=15/);
    await expectResults(page);
    expect(await page.getByLabel('Backfill fleet (MW)').inputValue()).toBe('15');
    expect(await page.getByLabel('Interconnection (MW)').inputValue()).toBe('50');
  });

  it('checks an uploaded hourly price series line by line, sends nothing while a line is bad, then runs with it; and with a daily hashprice path', async () => {
    const page = await browser.pageFor(DEMO.miner);
    await open(page, '/revenue');
    await expectResults(page);
    const before = await ebitda(page);
    expect(await page.getByLabel('Start date').inputValue()).toBe('2025-01-01');
    // A weekday-afternoon-like band every day: $250/MWh from 14:00 to 20:00, $30 otherwise, 8,760 hours.
    const hours = Array.from({ length: 8_760 }, (_, h) => `${new Date(Date.UTC(2025, 0, 1) + h * 3_600_000).toISOString()},${h % 24 >= 14 && h % 24 < 20 ? 250 : 30}`);
    const upload = page.getByTestId('series-upload');
    const send = async (name: string, lines: string[]) => {
      await upload.getByLabel('Series file (CSV)').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(['hour,usdPerMwh', ...lines].join('\n')) });
      await upload.getByRole('button', { name: 'Check and run with this series' }).click();
    };

    const bad = [...hours];
    bad[1] = '2025-01-01T01:00:00Z,abc';
    bad[3] = '2025-01-01T03:00:00Z,-60000';
    await send('bad.csv', bad);
    const errors = upload.getByTestId('upload-errors').locator('tbody tr');
    await errors.first().waitFor();
    expect(await errors.allTextContents()).toEqual([expect.stringMatching(/^3valuemust be a number/), expect.stringMatching(/^5valueenergy price \(\$\/MWh\) must be from -50000 to 50000/)]);
    expect(await upload.getByRole('alert').first().textContent()).toBe('Nothing was sent: 2 line(s) of bad.csv do not fit.');
    expect(await page.getByTestId('series-run').count()).toBe(0);

    await send('band.csv', hours);
    await page.getByTestId('series-run').waitFor();
    expect(await page.getByTestId('series-run').textContent()).toMatch(/uploaded energy price series \(band\.csv, 8,760 hours\)/);
    await expectResults(page);
    expect(await ebitda(page)).not.toBe(before);
    // A series has no single price level to sweep: the heatmap says so rather than sweeping the form's price.
    await page.getByText('An uploaded price or hashprice series has no single level to sweep.').waitFor();

    // A daily hashprice path over the ten-year term (3,652 days from 2025-01-01): $200/PH/day mines every hour.
    await upload.getByLabel('Series of').selectOption('hashprice');
    await send('hashprice.csv', Array.from({ length: 3_652 }, () => '200'));
    await page.getByTestId('series-run').filter({ hasText: 'hashprice path' }).waitFor();
    expect(await page.getByTestId('series-run').textContent()).toMatch(/uploaded hashprice path \(hashprice\.csv, 3,652 days\)/);
    await expectResults(page);
    expect(Number((await page.getByTestId('by-year').locator('tbody tr').last().locator('td').nth(4).textContent())?.replace(/,/g, ''))).toBe(200);
  });

  it('a contract step raises the IT MW from its year, and the valuation exports as CSV', async () => {
    const page = await browser.pageFor(DEMO.miner);
    await open(page, '/revenue');
    await expectResults(page);
    const itMw = await page.getByLabel('Contracted IT (MW)').inputValue();
    await page.getByLabel('IT step from year (blank: none)').fill('3');
    await page.getByLabel('Contracted IT from that year (MW)').fill('40');
    await page.getByLabel('AI non-power opex ($/MW-IT-yr)').fill('250000');
    await page.getByRole('button', { name: 'Run model' }).click();
    await page.waitForURL(/phaseYear=3/);
    await expectResults(page);
    const itByYear = await page.getByTestId('by-year').locator('tbody tr td:nth-child(3)').allTextContents();
    expect(itByYear.slice(0, 3)).toEqual([itMw, itMw, '40']);
    expect(await page.getByLabel('AI non-power opex ($/MW-IT-yr)').inputValue()).toBe('250000');
    const csv = decodeURIComponent((await page.getByTestId('valuation').getByRole('link', { name: 'Export CSV' }).getAttribute('href')) ?? '');
    expect(csv).toMatch(/Valued as,Multiple low,Multiple high,Low \$,High \$\nAs a miner,6,12,/);
  });

  it('a refused input is shown at its field, as typed', async () => {
    const page = await browser.pageFor(DEMO.miner);
    await open(page, '/revenue');
    await expectResults(page);
    await page.getByLabel('Term (years)').fill('0');
    await page.getByRole('button', { name: 'Run model' }).click();
    await page.waitForURL(/termYears=0/);
    expect(await alertText(page)).toMatch(/at least 1/);
    expect(await page.getByLabel('Term (years)').getAttribute('aria-invalid')).toBe('true');
  });
});
