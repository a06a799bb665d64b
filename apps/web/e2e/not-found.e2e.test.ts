import { expect } from '@jest/globals';
import { callApi, DEMO, gqlAs, open, screenshot, uniqueEmail, useBrowser } from './helpers';

const browser = useBrowser();

/** Ids that belong to the demo organisations, read through the public API as their owners. */
async function foreignIds() {
  const site = await gqlAs<{ sites: { edges: { node: { id: string } }[] } }>(DEMO.miner, '{ sites(first: 1) { edges { node { id } } } }');
  const request = await gqlAs<{ colocationRequests: { edges: { node: { id: string } }[] } }>(DEMO.tenant, '{ colocationRequests(first: 1) { edges { node { id } } } }');
  const siteId = site.sites.edges[0]?.node.id;
  const requestId = request.colocationRequests.edges[0]?.node.id;
  if (!siteId || !requestId) throw new Error('the demo seed has no site or request');
  return { siteId, requestId };
}

async function signUp(kind: 'MINER' | 'TENANT' | 'PARTNER') {
  const email = uniqueEmail(kind.toLowerCase());
  const password = 'correct horse battery';
  await callApi('mutation($input: SignUpInput!) { signUp(input: $input) { message } }', {
    input: { email, password, name: 'Outsider', organizationName: `Outsider ${kind} ${Date.now()}`, organizationKind: kind },
  });
  return { email, password };
}

describe('another organisation’s URL is a not-found page, for every role', () => {
  let ids: Awaited<ReturnType<typeof foreignIds>>;
  beforeAll(async () => {
    ids = await foreignIds();
  });

  it('a miner opening another miner’s site', async () => {
    const { email, password } = await signUp('MINER');
    const page = await browser.pageFor(email, password);
    await open(page, `/sites/${ids.siteId}`);
    expect(await page.getByRole('heading', { name: 'Not found' }).isVisible()).toBe(true);
    await open(page, `/sites/${ids.siteId}/edit`);
    expect(await page.getByRole('heading', { name: 'Not found' }).isVisible()).toBe(true);
    await screenshot(page, 'not-found');
  });

  it('a tenant opening another tenant’s request', async () => {
    const { email, password } = await signUp('TENANT');
    const page = await browser.pageFor(email, password);
    await open(page, `/requests/${ids.requestId}`);
    expect(await page.getByRole('heading', { name: 'Not found' }).isVisible()).toBe(true);
  });

  it('a partner opening a miner’s site', async () => {
    const { email, password } = await signUp('PARTNER');
    const page = await browser.pageFor(email, password);
    await open(page, `/sites/${ids.siteId}`);
    expect(await page.getByRole('heading', { name: 'Not found' }).isVisible()).toBe(true);
  });

  it('a platform admin opening a tenant’s request (admins use the admin screens, not tenants’ pages)', async () => {
    const page = await browser.pageFor(DEMO.admin);
    await open(page, `/requests/${ids.requestId}`);
    expect(await page.getByRole('heading', { name: 'Not found' }).isVisible()).toBe(true);
  });

  it('the owner still sees its own site (the page exists)', async () => {
    const page = await browser.pageFor(DEMO.miner);
    await open(page, `/sites/${ids.siteId}`);
    await page.getByTestId('readiness-score').waitFor();
    expect(await page.getByRole('heading', { name: 'Not found' }).count()).toBe(0);
  });
});
