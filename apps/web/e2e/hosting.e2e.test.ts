import { expect } from '@jest/globals';
import { DEMO, gqlAs, open, screenshot, unique, useBrowser } from './helpers';

const browser = useBrowser();

interface Site { id: string; name: string; region: string; energizedMw: number }

/** Sites the demo tenant already knows: those of its colocation deals (other browser tests make some). */
async function tenantKnownSites(): Promise<Set<string>> {
  const data = await gqlAs<{ deals: { edges: { node: { site: { id: string } | null } }[] } }>(DEMO.tenant, '{ deals(first: 100) { edges { node { site { id } } } } }');
  return new Set(data.deals.edges.flatMap((e) => (e.node.site ? [e.node.site.id] : [])));
}

/**
 * Scene: the demo miner lists 5 MW of firm hosting at $0.06/kWh on its largest site that the tenant does not
 * know yet (through the public API), so the site's name can only reach the fleet by accepting.
 */
async function listedHostingOffer(): Promise<{ site: Site; offerId: string }> {
  const data = await gqlAs<{ sites: { edges: { node: Site }[] } }>(DEMO.miner, '{ sites(first: 50) { edges { node { id name region energizedMw } } } }');
  const largestFirst = data.sites.edges.map((e) => e.node).sort((a, b) => b.energizedMw - a.energizedMw);
  const known = await tenantKnownSites();
  const site = largestFirst.find((candidate) => !known.has(candidate.id));
  if (!site) throw new Error('every demo site is already known to the tenant');
  const offer = await gqlAs<{ createHostingOffer: { id: string } }>(DEMO.miner, 'mutation($input: CreateHostingOfferInput!) { createHostingOffer(input: $input) { id } }', {
    input: {
      siteId: site.id, mw: 5, availableFrom: '2027-01-01', pricing: { kind: 'ALL_IN', rateUsdPerKwh: 0.06 }, interruptibility: { kind: 'FIRM' },
      uptimeCommitmentPct: 99, coolings: ['AIR'], service: 'FULL_HOSTING', depositMonths: 1, minTermMonths: 6,
    },
  });
  await gqlAs(DEMO.miner, 'mutation($id: ID!) { publishHostingOffer(id: $id) { id } }', { id: offer.createHostingOffer.id });
  return { site, offerId: offer.createHostingOffer.id };
}

describe('mining hosting, end to end', () => {
  it("a fleet's request → ranked matches compared by margin → the host proposes anonymously → the fleet accepts and learns the site", async () => {
    const { site } = await listedHostingOffer();
    const fleet = await browser.pageFor(DEMO.tenant);
    const title = unique('E2E S21 fleet');
    await open(fleet, '/hosting/requests');
    await fleet.getByLabel('Title', { exact: true }).fill(title);
    await fleet.getByLabel('ASIC model').selectOption('S21');
    await fleet.getByLabel('Machines').fill('0');
    await fleet.getByLabel('Max rate ($/kWh)').fill('0.07');
    await fleet.getByLabel('Regions').fill(site.region);
    await fleet.getByLabel('Start date').fill('2027-02-01');
    // The browser refuses 0 machines at the field (min 1) before anything is sent.
    await fleet.getByRole('button', { name: 'Post request' }).click();
    expect(await fleet.getByLabel('Machines').evaluate((el) => (el as HTMLInputElement).validity.rangeUnderflow)).toBe(true);
    await fleet.getByLabel('Machines').fill('1000');
    await fleet.getByRole('button', { name: 'Post request' }).click();
    await fleet.getByRole('heading', { name: title }).waitFor();
    const matches = fleet.getByTestId('hosting-match');
    await matches.first().waitFor();
    expect(await matches.first().textContent()).toContain(site.region);
    expect(await matches.first().textContent()).toMatch(/Host #[0-9a-f]{6}/);
    // 3.5 MW of S21 at $0.06/kWh: the break-even hashprice is 60 x 24 x 17.5 / 1,000 / 0.98 = $25.71/PH/day.
    expect(await matches.filter({ hasText: '25.71' }).count()).toBe(1);
    expect(await fleet.content()).not.toContain(site.name);
    await screenshot(fleet, 'hosting-matches');
    const requestId = fleet.url().split('/').at(-1)!;

    const host = await browser.pageFor(DEMO.miner);
    await open(host, '/hosting/offers');
    const fit = host.locator(`[data-testid="fitting-request"][data-id="${requestId}"]`);
    expect(await fit.textContent()).toMatch(/Fleet #[0-9a-f]{6}/);
    expect(await host.content()).not.toContain(title);
    await fit.getByRole('button', { name: 'Propose' }).click();
    expect(await fit.getByTestId('fit-deal-status').textContent()).toBe('Proposed');

    await open(fleet, '/hosting/deals');
    const deal = fleet.getByTestId('hosting-deal').first();
    expect(await deal.getByTestId('hosting-deal-status').textContent()).toBe('Proposed');
    expect(await deal.textContent()).not.toContain(site.name);
    await deal.getByRole('button', { name: 'Accept' }).click();
    await deal.getByRole('button', { name: 'Sign' }).waitFor();
    expect(await deal.getByTestId('hosting-deal-status').textContent()).toBe('Accepted');
    expect(await deal.textContent()).toContain(site.name);
    await screenshot(fleet, 'hosting-deal');
  });
});
