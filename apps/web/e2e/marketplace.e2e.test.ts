import { expect } from '@jest/globals';
import { alertText, baseUrl, DEMO, gqlAs, open, screenshot, signScenario, unique, useBrowser } from './helpers';

const browser = useBrowser();

interface Site { id: string; name: string; region: string; gridOperator: string; energizedMw: number; verification: string; latitude: number }

/** Scene: a published 10 MW block on one of the demo miner's verified sites (through the public API). */
async function publishedBlock(): Promise<{ site: Site; blockId: string }> {
  const data = await gqlAs<{ sites: { edges: { node: Site }[] } }>(DEMO.miner, '{ sites(first: 50) { edges { node { id name region gridOperator energizedMw verification latitude } } } }');
  const sites = data.sites.edges.map((e) => e.node).filter((s) => s.verification === 'VERIFIED').sort((a, b) => b.energizedMw - a.energizedMw);
  for (const site of sites) {
    try {
      const block = await gqlAs<{ createCapacityBlock: { id: string } }>(
        DEMO.miner,
        'mutation($input: CreateCapacityBlockInput!) { createCapacityBlock(input: $input) { id } }',
        { input: { siteId: site.id, kind: 'COLOCATION', mw: 10, firmMw: 10, availableFrom: '2027-01-01', priceUsdPerKwMonth: 150, minTermMonths: 12 } },
      );
      await gqlAs(DEMO.miner, 'mutation($id: ID!) { publishCapacityBlock(id: $id) { id } }', { id: block.createCapacityBlock.id });
      return { site, blockId: block.createCapacityBlock.id };
    } catch {
      // this site has no 10 MW left by that date; try the next
    }
  }
  throw new Error('no demo site could take a 10 MW block');
}

describe('the marketplace, end to end', () => {
  it('lets a tenant search capacity and see the coarse location only, on a map drawn offline', async () => {
    const page = await browser.pageFor(DEMO.tenant);
    await page.getByRole('heading', { name: 'Find capacity' }).waitFor();
    await page.getByLabel('Grid operators').fill('ERCOT');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/gridOperators=ERCOT/);
    // The same search sent again: once it is answered the form is ready again, not left busy on an unchanged address.
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForLoadState('networkidle');
    await page.getByRole('search').and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 5_000 });
    expect(await page.getByRole('button', { name: 'Search', exact: true }).isEnabled()).toBe(true);
    const rows = page.getByTestId('listing');
    expect(await rows.count()).toBeGreaterThan(0);
    for (const text of await rows.allTextContents()) expect(text).toContain('Texas, US');
    expect(await page.getByTestId('map-dot').count()).toBeGreaterThan(0);
    // The land is one long-cached file the map refers to, not path data inside every page.
    const outline = await page.getByTestId('capacity-map').locator('image').getAttribute('href');
    const land = await page.request.get(`${baseUrl()}${outline}`);
    expect([land.status(), land.headers()['content-type'], land.headers()['cache-control']]).toEqual([200, 'image/svg+xml', 'public, max-age=31536000, immutable']);
    expect(await land.text()).toMatch(/^<svg [^>]*><path d="M[-\d.,ML]+"/);
    const html = await page.content();
    // The demo's ERCOT site names and coordinates never reach a tenant before a deal is accepted.
    for (const secret of ['Milam Ridge', 'Pecos Flats', 'Navarro Bend', '30.662', '-97.006']) expect(html).not.toContain(secret);
    await screenshot(page, 'capacity-search');
  });

  it('pages through the whole marketplace, keeping the sort, without repeating a listing', async () => {
    const page = await browser.pageFor(DEMO.tenant);
    await open(page, '/search?sort=MW_DESC&pageSize=10');
    const total = Number((await page.getByTestId('result-count').textContent())?.match(/^\d+/)?.[0]);
    expect(total).toBeGreaterThan(20);
    expect(await page.getByTestId('listing').count()).toBe(10);
    const seen: string[] = [];
    const mws: number[] = [];
    for (;;) {
      for (const row of await page.getByTestId('listing').all()) {
        seen.push((await row.getAttribute('data-id')) ?? '');
        mws.push(Number((await row.locator('td').nth(3).textContent())?.replace(/[^\d.]/g, '')));
      }
      const next = page.getByRole('link', { name: 'Next →' });
      if ((await next.count()) === 0) break;
      const after = new URL((await next.getAttribute('href')) ?? '', page.url()).searchParams.get('after');
      await next.click();
      await page.waitForURL((url) => url.searchParams.get('after') === after);
      await page.waitForLoadState('networkidle');
      expect(await page.getByLabel('Sort').inputValue()).toBe('MW_DESC');
      expect(await page.getByLabel('Rows per page').inputValue()).toBe('10');
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect([...mws].sort((a, b) => b - a)).toEqual(mws);
  });

  it('request → matches explained → anonymous proposal → accept → both sign', async () => {
    const { site, blockId } = await publishedBlock();
    const tenant = await browser.pageFor(DEMO.tenant);
    const title = unique('E2E inference pod');
    await open(tenant, '/requests/new');
    await tenant.getByLabel('Title', { exact: true }).fill(title);
    await tenant.getByLabel('Total MW', { exact: true }).fill('25');
    await tenant.getByLabel('Min contiguous MW', { exact: true }).fill('10');
    await tenant.getByLabel('Regions').fill(site.region);
    await tenant.getByLabel('Grid operators').fill(site.gridOperator);
    await tenant.getByLabel('Phase 1 MW').fill('10');
    await tenant.getByLabel('Phase 1 needed by').fill('2027-06-30');
    await tenant.getByRole('button', { name: 'Add phase' }).click();
    await tenant.getByLabel('Phase 2 MW').fill('5');
    await tenant.getByLabel('Phase 2 needed by').fill('2027-12-31');
    await tenant.getByRole('button', { name: 'Create request' }).click();
    // 10 + 5 is not 25: the API refuses, the page says so and keeps everything typed.
    expect(await alertText(tenant)).toMatch(/correct the fields/i);
    expect(await tenant.locator('small.field-error').first().textContent()).toContain('the phases add up to 15 MW but totalMw is 25 MW');
    expect(await tenant.getByLabel('Title', { exact: true }).inputValue()).toBe(title);
    expect(await tenant.getByLabel('Phase 2 MW').inputValue()).toBe('5');
    await tenant.getByLabel('Total MW', { exact: true }).fill('15');
    await screenshot(tenant, 'request-form');
    await tenant.getByRole('button', { name: 'Create request' }).click();
    await tenant.getByRole('heading', { name: title }).waitFor();
    expect(await tenant.locator('li').allTextContents()).toEqual(expect.arrayContaining(['10 MW by 2027-06-30', '5 MW by 2027-12-31']));

    await tenant.getByRole('button', { name: 'Find matches' }).click();
    await tenant.getByTestId('match').first().waitFor();
    const firstMatch = tenant.getByTestId('match').first();
    expect(await firstMatch.locator('tbody tr').count()).toBeGreaterThanOrEqual(5);
    expect(await firstMatch.textContent()).toContain(site.region);
    await screenshot(tenant, 'matches');
    const requestUrl = tenant.url();

    const miner = await browser.pageFor(DEMO.miner);
    await open(miner, '/open-requests');
    const row = miner.getByTestId('open-request').filter({ hasText: title });
    expect(await row.textContent()).toMatch(/Tenant #[0-9a-f]{6}/);
    expect(await row.textContent()).not.toContain('Helix');
    await row.getByRole('link', { name: title }).click();
    await miner.getByRole('heading', { name: title }).waitFor();
    expect(await miner.content()).not.toContain('Helix AI Labs');
    await miner.getByLabel('Capacity block').selectOption(blockId);
    await miner.getByLabel('MW', { exact: true }).fill('10');
    await miner.getByLabel('Price ($/kW-month)').fill('150');
    await miner.getByLabel('Term (months)').fill('60');
    await miner.getByLabel('Start date').fill('2027-06-30');
    await screenshot(miner, 'propose');
    await miner.getByRole('button', { name: 'Propose deal' }).click();
    await miner.getByText('Proposed', { exact: true }).waitFor();
    const dealUrl = miner.url();
    // Proposing names nobody: the host sees the request's label until the tenant accepts.
    expect(await miner.getByTestId('deal-parties').textContent()).toMatch(/Tenant #[0-9a-f]{6} \(anonymous until they accept\)/);
    expect(await miner.content()).not.toContain('Helix AI Labs');
    await open(miner, '/deals');
    expect(await miner.getByTestId('deal-row').filter({ hasText: title }).textContent()).toMatch(/Tenant #[0-9a-f]{6} \(anonymous until they accept\)/);

    await tenant.goto(requestUrl);
    await tenant.getByTestId('deal-row').first().getByRole('link').click();
    await tenant.getByTestId('deal-site').waitFor();
    expect(await tenant.getByTestId('deal-site').textContent()).toContain('Disclosed on acceptance');
    expect(await tenant.getByTestId('deal-site').textContent()).not.toContain(site.name);
    // Accepting opens a review first and needs a confirmation; signing picks what settlement reads (here the
    // deal's own terms, the default choice) and is reviewed the same way.
    await tenant.getByText('Accept…').click();
    await tenant.getByRole('button', { name: 'Confirm: accept' }).click();
    await tenant.getByTestId('sign-choice-DEFAULT').waitFor();
    expect(await tenant.getByTestId('deal-site').textContent()).toContain(site.name);
    await signScenario(tenant);
    await tenant.getByText('Signed; waiting for the other party.').waitFor();

    await miner.goto(dealUrl);
    // The tenant acted: now the host knows who it is.
    expect(await miner.getByTestId('deal-parties').textContent()).toContain('Helix AI Labs');
    expect(await miner.getByTestId('sign-choice-DEFAULT').textContent()).toContain('signed by the tenant');
    await signScenario(miner);
    await miner.getByText('Signed', { exact: true }).waitFor();
    await screenshot(miner, 'deal');
    await open(miner, '/deals');
    expect(await miner.getByTestId('deal-row').filter({ hasText: title }).textContent()).toContain('Signed');
    await screenshot(miner, 'deals');
  });

  it.each([
    ['withdrawn by the host', 'Withdraw'],
    ['rejected by the tenant', 'Reject'],
  ])('keeps the tenant anonymous on a proposal %s', async (_label, button) => {
    const { blockId } = await publishedBlock();
    const request = await gqlAs<{ createColocationRequest: { id: string } }>(
      DEMO.tenant,
      'mutation($input: CreateColocationRequestInput!) { createColocationRequest(input: $input) { id } }',
      { input: { title: unique('E2E anonymous'), totalMw: 10, minContiguousMw: 10, phases: [{ mw: 10, neededBy: '2027-12-31' }], termMonths: 60, open: true } },
    );
    const deal = await gqlAs<{ proposeDeal: { id: string } }>(
      DEMO.miner,
      'mutation($input: ProposeDealInput!) { proposeDeal(input: $input) { id } }',
      { input: { requestId: request.createColocationRequest.id, blockIds: [blockId], mw: 10, priceUsdPerKwMonth: 150, termMonths: 60, startDate: '2027-06-30' } },
    );
    const actor = await browser.pageFor(button === 'Withdraw' ? DEMO.miner : DEMO.tenant);
    await open(actor, `/deals/${deal.proposeDeal.id}`);
    await actor.getByRole('button', { name: button, exact: true }).click();
    await actor.getByText(button === 'Withdraw' ? 'Withdrawn' : 'Rejected', { exact: true }).waitFor();
    const miner = button === 'Withdraw' ? actor : await browser.pageFor(DEMO.miner);
    await open(miner, `/deals/${deal.proposeDeal.id}`);
    expect(await miner.getByTestId('deal-parties').textContent()).toMatch(/Tenant #[0-9a-f]{6} \(anonymous until they accept\)/);
    expect(await miner.getByTestId('deal-parties').textContent()).not.toContain('Helix AI Labs');
  });
});
