import { expect } from '@jest/globals';
import { acceptedDeal, activeDeal, alertText, DEMO, gqlAs, open, screenshot, signScenario, useBrowser } from './helpers';

const browser = useBrowser();

describe('changing an active deal’s MW', () => {
  it('the tenant proposes, the host declines; the host proposes, the tenant accepts and both see the new MW', async () => {
    const deal = await activeDeal();
    const smaller = deal.mw - 1;
    const mwKpi = (page: Awaited<ReturnType<typeof browser.pageFor>>) => page.locator('.kpi', { hasText: 'MW' }).first().locator('.value').textContent();
    const tenant = await browser.pageFor(DEMO.tenant);
    await open(tenant, `/deals/${deal.id}`);
    const change = tenant.getByTestId('mw-change');

    // More than the deal's blocks hold: refused at the field, the entry kept.
    await change.getByLabel('New MW').fill(String(deal.mw + 1));
    await change.getByRole('button', { name: 'Propose change' }).click();
    expect(await alertText(tenant)).toBe('Please correct the fields marked below.');
    expect(await change.locator('small[role="alert"]').textContent()).toMatch(/MW/);
    expect(await change.getByLabel('New MW').inputValue()).toBe(String(deal.mw + 1));

    await change.getByLabel('New MW').fill(String(smaller));
    await change.getByRole('button', { name: 'Propose change' }).click();
    await change.getByText(`You propose ${smaller} MW instead of ${deal.mw} MW; waiting for the other party.`).waitFor();

    const host = await browser.pageFor(DEMO.miner);
    await open(host, `/deals/${deal.id}`);
    const hostChange = host.getByTestId('mw-change');
    await hostChange.getByText(`The tenant proposes ${smaller} MW`).waitFor();
    await hostChange.getByRole('button', { name: 'Decline' }).click();
    await hostChange.getByLabel('New MW').waitFor();

    await hostChange.getByLabel('New MW').fill(String(smaller));
    await hostChange.getByRole('button', { name: 'Propose change' }).click();
    await hostChange.getByText('You propose').waitFor();

    await tenant.reload();
    await change.getByText(`The host proposes ${smaller} MW`).waitFor();
    await screenshot(tenant, 'deal-mw-change');
    await change.getByRole('button', { name: 'Accept change' }).click();
    await change.getByLabel('New MW').waitFor();
    expect(await mwKpi(tenant)).toBe(`${smaller} MW`);
    await host.reload();
    expect(await mwKpi(host)).toBe(`${smaller} MW`);
  });
});

describe('signing a deal', () => {
  it('both parties pick the same saved scenario; the agreement freezes that one', async () => {
    const deal = await acceptedDeal();
    const name = `Agreed case ${Date.now().toString(36)}`;
    const { saveRevenueScenario } = await gqlAs<{ saveRevenueScenario: { id: string } }>(
      DEMO.miner,
      'mutation($input: SaveRevenueScenarioInput!) { saveRevenueScenario(input: $input) { id } }',
      { input: { name, dealId: deal.id, inputs: { site: { interconnectionMw: 1000 }, market: { hashpriceUsdPerPhDay: 45 } } } },
    );
    const scenarioId = saveRevenueScenario.id;

    const tenant = await browser.pageFor(DEMO.tenant);
    await open(tenant, `/deals/${deal.id}`);
    const choice = (page: typeof tenant) => page.getByTestId(`sign-choice-${scenarioId}`);
    expect(await choice(tenant).textContent()).toContain('the host');
    await signScenario(tenant, scenarioId);
    await tenant.getByText('Signed; waiting for the other party.').waitFor();

    const host = await browser.pageFor(DEMO.miner);
    await open(host, `/deals/${deal.id}`);
    expect(await host.getByTestId('sign-deal').textContent()).toContain(`The tenant signed ${name}`);
    expect(await choice(host).textContent()).toContain('signed by the tenant');
    await screenshot(host, 'deal-sign-scenario', host.getByTestId('sign-deal'));
    await signScenario(host, scenarioId);
    await host.getByTestId('operations-link').waitFor();
    const { deal: signed } = await gqlAs<{ deal: { status: string; agreement: { scenarioId: string | null } | null } }>(
      DEMO.miner,
      'query($id: ID!) { deal(id: $id) { status agreement { scenarioId } } }',
      { id: deal.id },
    );
    expect(signed).toEqual({ status: 'SIGNED', agreement: { scenarioId } });
  });
});
