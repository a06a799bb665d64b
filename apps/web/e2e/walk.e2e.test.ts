// The marketplace as its users walk it (issue #17): each test is one thing a miner, tenant or admin saw.
import { expect } from '@jest/globals';
import { DEMO_PASSWORD } from './browser';
import { DEMO, apiToken, baseUrl, callApi, gqlAs, open, screenshot, unique, useBrowser } from './helpers';

const browser = useBrowser();

interface Block { id: string; mw: number; availableFrom: string; minTermMonths: number; priceUsdPerKwMonth: number; site: { verification: string } }

/** An open request of the demo tenant, made through the API. */
async function openRequest(input: Record<string, unknown> = {}) {
  const tenant = await apiToken(DEMO.tenant);
  const mw = Number(input.totalMw ?? 10);
  const data = await callApi<{ createColocationRequest: { id: string } }>(
    'mutation($input: CreateColocationRequestInput!) { createColocationRequest(input: $input) { id } }',
    { input: { title: unique('Walk request'), totalMw: mw, minContiguousMw: mw, phases: [{ mw, neededBy: '2030-12-31' }], termMonths: 120, open: true, ...input } },
    tenant,
  );
  return data.createColocationRequest.id;
}

/** A PROPOSED deal from the demo miner on a new request of the demo tenant, for a shorter term than asked. */
async function proposedDeal() {
  const miner = await apiToken(DEMO.miner);
  const blocks = await callApi<{ capacityBlocks: { edges: { node: Block }[] } }>(
    '{ capacityBlocks(first: 100, filter: { statuses: [PUBLISHED] }) { edges { node { id mw availableFrom minTermMonths priceUsdPerKwMonth site { verification } } } } }',
    {},
    miner,
  );
  const block = blocks.capacityBlocks.edges.map((e) => e.node).find((b) => b.mw >= 2 && b.site.verification === 'VERIFIED' && b.minTermMonths <= 120);
  if (!block) throw new Error('the demo miner has no published block left on a verified site');
  const requestId = await openRequest({ totalMw: 1, termMonths: 144, maxPriceUsdPerKwMonth: 1000 });
  const deal = await callApi<{ proposeDeal: { id: string } }>(
    'mutation($input: ProposeDealInput!) { proposeDeal(input: $input) { id } }',
    { input: { requestId, blockIds: [block.id], mw: 1, priceUsdPerKwMonth: block.priceUsdPerKwMonth, termMonths: 120, startDate: block.availableFrom } },
    miner,
  );
  return deal.proposeDeal.id;
}

describe('matching that explains itself (item 2)', () => {
  it('a run with no result says why and never "Not matched yet"', async () => {
    const id = await openRequest({ totalMw: 9000, minContiguousMw: 9000, phases: [{ mw: 9000, neededBy: '2030-12-31' }], maxSplitSites: 1 });
    const page = await browser.pageFor(DEMO.tenant);
    await open(page, `/requests/${id}`);
    expect(await page.content()).toContain('Not matched yet');
    await page.getByRole('button', { name: 'Find matches' }).click();
    const explanation = page.getByTestId('no-match');
    await explanation.waitFor();
    expect(await explanation.textContent()).toMatch(/No site fits this request.*excluded/);
    await page.reload();
    expect(await page.getByTestId('no-match').isVisible()).toBe(true);
    expect(await page.content()).not.toContain('Not matched yet');
  });
});

describe('listings you can act on (item 4)', () => {
  it('a tenant opens a listing from search and asks its host for a proposal', async () => {
    await openRequest();
    const page = await browser.pageFor(DEMO.tenant);
    await open(page, '/search');
    await page.getByTestId('listing').first().getByRole('link').click();
    await page.getByRole('heading', { name: 'Request a proposal' }).waitFor();
    expect(await page.getByRole('heading', { name: /AI readiness/ }).isVisible()).toBe(true);
    expect(await page.title()).toMatch(/ · Listing/);
    const select = page.getByLabel('For your request');
    const value = await select.locator('option').nth(1).getAttribute('value');
    await select.selectOption(value ?? '');
    await page.getByRole('button', { name: 'Request a proposal' }).click();
    expect(await page.getByRole('status').first().textContent()).toMatch(/host sees your request/);
  });
});

describe('a match-aware proposal form (item 5)', () => {
  it('preselects a block that fits, fills MW, price and term from it', async () => {
    const id = await openRequest({ totalMw: 1, termMonths: 240, maxPriceUsdPerKwMonth: 1000 });
    const page = await browser.pageFor(DEMO.miner);
    await open(page, `/open-requests/${id}`);
    const select = page.locator('#blockIds');
    await select.waitFor();
    expect(await select.inputValue()).not.toBe('');
    expect(await page.getByLabel(/^MW/).inputValue()).toBe('1');
    expect(Number(await page.getByLabel(/^Term \(months\)/).inputValue())).toBeGreaterThanOrEqual(240);
    expect(await page.getByLabel(/^Price/).inputValue()).not.toBe('');
  });
});

describe('confirm before committing, and the deal’s timeline (items 6 and 7)', () => {
  it('accepting shows the contract value and the term that differs from the request, and needs a confirmation', async () => {
    const id = await proposedDeal();
    const page = await browser.pageFor(DEMO.tenant);
    await open(page, `/deals/${id}`);
    await page.getByText('Accept…').click();
    expect(await page.getByTestId('contract-value').textContent()).toMatch(/^\$[\d,]+\.\d\d colocation over the term/);
    expect(await page.getByTestId('deal-differences').textContent()).toContain('Term 120 months vs 144 asked');
    await screenshot(page, 'deal-review');
    await page.getByRole('button', { name: 'Confirm: accept' }).click();
    await page.getByText('Sign…').waitFor();
    expect(await page.getByTestId('deal-timeline').textContent()).toContain('Set up payouts');
  });

  it('the host activates a signed deal after reading what billing it starts', async () => {
    const id = await proposedDeal();
    const [tenant, miner] = [await apiToken(DEMO.tenant), await apiToken(DEMO.miner)];
    for (const [mutation, token] of [['acceptDeal', tenant], ['signDeal', tenant], ['signDeal', miner]] as const) {
      await callApi(`mutation($id: ID!) { ${mutation}(id: $id) { id } }`, { id }, token);
    }
    const page = await browser.pageFor(DEMO.miner);
    await open(page, `/deals/${id}`);
    await page.getByText('Activate…').click();
    expect(await page.getByTestId('deal-review').textContent()).toMatch(/invoiced monthly.*platform fee/);
    await page.getByRole('button', { name: 'Confirm: activate' }).click();
    await page.getByRole('button', { name: 'End deal' }).waitFor();
  });
});

describe('members and their audit log (item 8)', () => {
  it('an owner reads its organisation’s audit log in words', async () => {
    const page = await browser.pageFor(DEMO.miner);
    await open(page, '/members');
    const log = page.getByTestId('org-audit');
    await log.waitFor();
    expect(await log.textContent()).not.toMatch(/user:[0-9a-f-]{36}/);
    // Objects link to their page: the miner's earlier proposals, blocks and sites in these tests are there.
    const links = log.locator('tbody a');
    expect(await links.count()).toBeGreaterThan(0);
    const href = (await links.first().getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/(sites|deals|requests)\/[0-9a-f-]{36}$|^\/(capacity|webhooks|api-keys|members)$/);
    await links.first().click();
    await page.waitForURL((url) => url.pathname === href);
    expect(await page.getByRole('heading', { name: 'Not found' }).count()).toBe(0);
  });
});

describe('capacity blocks (item 9)', () => {
  it('refuses a past availability date at the field', async () => {
    const sites = await gqlAs<{ sites: { edges: { node: { id: string } }[] } }>(DEMO.miner, '{ sites(first: 1) { edges { node { id } } } }');
    const page = await browser.pageFor(DEMO.miner);
    await open(page, `/sites/${sites.sites.edges[0]?.node.id}`);
    await page.getByText('New capacity block').click();
    const date = page.getByLabel('Available from');
    await date.fill('2020-01-01');
    expect(await date.evaluate((el) => (el as HTMLInputElement).validity.rangeUnderflow)).toBe(true);
  });
});

describe('forms (item 10)', () => {
  it('a whitespace-only site name gets a field error, not a GraphQL message', async () => {
    const page = await browser.pageFor(DEMO.miner);
    await open(page, '/sites/new');
    await page.getByLabel(/^Name/).fill('   ');
    await page.getByLabel(/^Country/).fill('US');
    await page.getByLabel(/^Region/).fill('Texas');
    await page.getByLabel(/^Grid operator/).fill('ERCOT');
    await page.getByLabel(/^Latitude/).fill('31');
    await page.getByLabel(/^Longitude/).fill('-100');
    await page.getByLabel(/^Energized MW/).fill('10');
    await page.getByLabel(/^Max rack density/).fill('20');
    await page.getByLabel(/^Energy price/).fill('40');
    await page.getByRole('button', { name: 'Create site' }).click();
    expect(await page.locator('#f-name-error').textContent()).toBe('Enter a name.');
    expect(await page.content()).not.toMatch(/BAD_USER_INPUT|GraphQL/);
  });
});

describe('search (item 11)', () => {
  it('finds Texas whether typed "texas" or "TX"', async () => {
    const page = await browser.pageFor(DEMO.tenant);
    for (const typed of ['texas', 'TX']) {
      await open(page, `/search?regions=${typed}`);
      const rows = page.getByTestId('listing');
      expect(await rows.count()).toBeGreaterThan(0);
      expect(await rows.first().textContent()).toContain('Texas');
    }
  });

  it('finds a grid operator typed in any case, and suggests the listed ones', async () => {
    const page = await browser.pageFor(DEMO.tenant);
    await open(page, '/search?gridOperators=ercot');
    const grids = await page.getByTestId('listing').locator('td:nth-child(2)').allTextContents();
    expect(grids.length).toBeGreaterThan(0);
    expect(grids.every((grid) => grid === 'ERCOT')).toBe(true);
    expect(await page.locator('#grid-operators option[value="ERCOT"]').count()).toBe(1);
  });

  it('shows the map below the results, labels that do not overlap, and a place that narrows the search', async () => {
    const page = await browser.pageFor(DEMO.tenant);
    await open(page, '/search');
    const results = await page.getByTestId('listing').last().boundingBox();
    const map = await page.getByTestId('capacity-map').boundingBox();
    expect(map!.y).toBeGreaterThan(results!.y);
    const labels = await page.getByTestId('map-label').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    expect(labels.length).toBeGreaterThan(1);
    for (const [i, a] of labels.entries()) {
      for (const b of labels.slice(i + 1)) expect(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom).toBe(false);
    }
    const place = page.getByTestId('map-dot').locator('a').first();
    const href = new URL((await place.getAttribute('href')) ?? '', baseUrl());
    const where = href.searchParams.get('regions') ?? href.searchParams.get('countries') ?? '';
    await place.click();
    await page.waitForURL(/(regions|countries)=/);
    const rows = page.getByTestId('listing');
    expect(await rows.count()).toBeGreaterThan(0);
    for (const text of await rows.locator('td:first-child').allTextContents()) expect(text).toContain(where);
  });

  it('keeps only blocks whose minimum term fits the term typed', async () => {
    const page = await browser.pageFor(DEMO.tenant);
    await open(page, '/search');
    await page.getByLabel(/^Your term \(months\)/).fill('60');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/termMonths=60/);
    const terms = (await page.getByTestId('listing').locator('td:nth-child(7)').allTextContents()).map((t) => Number.parseInt(t, 10));
    expect(terms.length).toBeGreaterThan(0);
    expect(terms.every((t) => t <= 60)).toBe(true);
  });
});

describe('tables (item 12)', () => {
  it('sort by a column from its heading, total the MW and count the proposals of each request', async () => {
    await proposedDeal();
    const page = await browser.pageFor(DEMO.tenant);
    await open(page, '/requests');
    const mwHeading = page.getByRole('columnheader', { name: /^MW/ });
    const mws = async () => (await page.locator('tbody tr td:nth-child(2)').allTextContents()).map((t) => Number(t.replace(/[^\d.]/g, '')));
    await mwHeading.getByRole('link').click();
    await page.waitForURL(/sort=mw&dir=asc/);
    const ascending = await mws();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(await mwHeading.getAttribute('aria-sort')).toBe('ascending');
    await mwHeading.getByRole('link').click();
    await page.waitForURL(/sort=mw&dir=desc/);
    expect(await mws()).toEqual([...ascending].sort((a, b) => b - a));

    const totals = page.getByTestId('table-totals');
    const counts = (await page.getByTestId('proposal-count').allTextContents()).map(Number);
    expect(counts.some((n) => n >= 1)).toBe(true);
    expect(await totals.textContent()).toContain(`${ascending.length} requests`);
    expect(Number((await totals.locator('td').first().textContent())?.replace(/[^\d.]/g, ''))).toBeCloseTo(ascending.reduce((a, b) => a + b, 0), 0);
    expect(Number(await totals.locator('td').nth(4).textContent())).toBe(counts.reduce((a, b) => a + b, 0));
  });
});

describe('a viewer (item 15)', () => {
  it('gets no write form or button on the pages of its organisation, and the API refuses its writes', async () => {
    const page = await browser.pageFor(DEMO.viewer);
    const writes = /^(New site|Edit site|Create site|Create block|Publish|Unpublish|Edit|Delete|Propose|Invite|Register endpoint|Send test event|Create key|Revoke)$/;
    const sites = await gqlAs<{ sites: { edges: { node: { id: string } }[] } }>(DEMO.viewer, '{ sites(first: 1) { edges { node { id } } } }');
    for (const path of ['/sites', `/sites/${sites.sites.edges[0]?.node.id}`, '/capacity', '/open-requests', '/members', '/webhooks']) {
      await open(page, path);
      await page.locator('h1').first().waitFor();
      expect([path, await page.getByRole('button', { name: writes }).count(), await page.getByRole('link', { name: writes }).count()]).toEqual([path, 0, 0]);
    }
    const siteId = sites.sites.edges[0]?.node.id;
    const rename = 'mutation($id: ID!, $input: UpdateSiteInput!) { updateSite(id: $id, input: $input) { id } }';
    await expect(gqlAs(DEMO.viewer, rename, { id: siteId, input: { name: unique('Viewer rename') } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const after = await gqlAs<{ site: { name: string } }>(DEMO.viewer, 'query($id: ID!) { site(id: $id) { name } }', { id: siteId });
    expect(after.site.name).not.toMatch(/^Viewer rename/);
  });
});


describe('navigation and errors (item 15)', () => {
  it('a missing or malformed id answers HTTP 404 with the not-found page', async () => {
    const page = await browser.pageFor(DEMO.miner);
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const response = await page.goto(`${baseUrl()}/sites/${id}`);
      expect(response?.status()).toBe(404);
      expect(await page.getByRole('heading', { name: 'Not found' }).isVisible()).toBe(true);
    }
  });

  it('after signing in you land where you were going, and the title names the object', async () => {
    const sites = await gqlAs<{ sites: { edges: { node: { id: string; name: string } }[] } }>(DEMO.miner, '{ sites(first: 1) { edges { node { id name } } } }');
    const site = sites.sites.edges[0]?.node;
    const page = await browser.pageFor();
    await open(page, `/sites/${site?.id}`);
    expect(new URL(page.url()).pathname).toBe('/signin');
    await page.getByLabel('Email').fill(DEMO.miner);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`**/sites/${site?.id}`);
    // Next streams the metadata of dynamic pages: the title arrives after the first paint.
    await page.waitForFunction((name) => document.title.startsWith(name), site?.name ?? '');
    expect(await page.title()).toBe(`${site?.name} · Site · Gridshare`);
  });
});

describe('on a phone (item 16)', () => {
  it('the site page folds the navigation and keeps the chart readable', async () => {
    const sites = await gqlAs<{ sites: { edges: { node: { id: string } }[] } }>(DEMO.miner, '{ sites(first: 1) { edges { node { id } } } }');
    const page = await browser.pageFor(DEMO.miner, undefined, { width: 390, height: 844 });
    await open(page, `/sites/${sites.sites.edges[0]?.node.id}`);
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    // The chart keeps its width (it scrolls): its 12 px labels stay at least 10 px on screen.
    const chart = page.locator('svg.chart').first();
    const box = await chart.boundingBox();
    expect((box?.width ?? 0) / 640).toBeGreaterThanOrEqual(10 / 12);
    await screenshot(page, 'site-phone');
    await page.getByRole('button', { name: 'Menu' }).click();
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
  });
});
