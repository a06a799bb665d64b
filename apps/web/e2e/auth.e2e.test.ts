import { expect } from '@jest/globals';
import { alertText, callApi, apiToken, open, screenshot, uniqueEmail, unique, useBrowser } from './helpers';

const browser = useBrowser();
const PASSWORD = 'correct horse battery';

describe('signing up, in and out', () => {
  it('shows no demo accounts outside the embedded demo', async () => {
    const page = await browser.pageFor();
    await open(page, '/signin');
    expect(await page.getByRole('heading', { name: 'Sign in to Gridshare' }).isVisible()).toBe(true);
    expect(await page.getByTestId('demo-accounts').count()).toBe(0);
    expect(await page.content()).not.toContain('miner@demo.gridshare.dev');
  });

  it('refuses a wrong password with a message and keeps the email typed', async () => {
    const page = await browser.pageFor();
    await open(page, '/signin');
    await page.getByLabel('Email').fill('miner@demo.gridshare.dev');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await alertText(page)).toMatch(/email or password/i);
    expect(await page.getByLabel('Email').inputValue()).toBe('miner@demo.gridshare.dev');
  });

  it('sends an anonymous visitor to the sign-in page', async () => {
    const page = await browser.pageFor();
    await open(page, '/sites');
    expect(new URL(page.url()).pathname).toBe('/signin');
  });

  it('signs up a tenant organisation, lands on its home, signs out and back in', async () => {
    const page = await browser.pageFor();
    const email = uniqueEmail('tenant');
    const orgName = unique('Tensor Works');
    await open(page, '/signup');
    await page.getByLabel('Your name').fill('Ada Tester');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Organisation name').fill(orgName);
    await page.getByLabel('Organisation kind').selectOption('TENANT');
    await screenshot(page, 'sign-up');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Find capacity' }).waitFor();
    expect(await page.getByTestId('current-org').textContent()).toBe(orgName);
    expect(await page.getByRole('navigation', { name: 'Main' }).textContent()).toContain('My requests');
    expect(await page.getByRole('navigation', { name: 'Main' }).textContent()).not.toContain('Sites');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Gridshare' }).waitFor();
    await open(page, '/requests');
    expect(new URL(page.url()).pathname).toBe('/signin');

    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Back to the page that was asked for, not the home page.
    await page.getByRole('heading', { name: 'My colocation requests' }).waitFor();
  });

  it('answers a taken address as sign-up answers any other, says what to do next, and keeps the form filled', async () => {
    const page = await browser.pageFor();
    await open(page, '/signup');
    await page.getByLabel('Your name').fill('Second Dana');
    await page.getByLabel('Email').fill('miner@demo.gridshare.dev');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Organisation name').fill('Copycat Mining');
    await page.getByRole('button', { name: 'Create account' }).click();
    const answer = await alertText(page);
    // The same words a new address's sign-up gives: nothing here says the address has an account.
    expect(answer).toMatch(/If this address can be used.*nothing was changed/);
    expect(answer).not.toMatch(/already exists|taken|in use/i);
    expect(await page.getByLabel('Organisation name').inputValue()).toBe('Copycat Mining');
    expect(new URL(page.url()).pathname).toBe('/signup');
  });

  it('lets a member of two organisations switch between them, and the navigation follows the kind', async () => {
    const email = uniqueEmail('both');
    const minerName = unique('Dual Hash');
    await callApi('mutation($input: SignUpInput!) { signUp(input: $input) { message } }', {
      input: { email, password: PASSWORD, name: 'Dual Person', organizationName: minerName, organizationKind: 'MINER' },
    });
    const tenantName = unique('Dual Compute');
    await callApi('mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }', { input: { name: tenantName, kind: 'TENANT' } }, await apiToken(email, PASSWORD));

    const page = await browser.pageFor(email, PASSWORD);
    await page.getByRole('heading', { name: 'Sites' }).waitFor();
    const switcher = page.getByLabel('Organisation');
    expect(await switcher.locator('option').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining(minerName), expect.stringContaining(tenantName)]));
    await switcher.selectOption({ label: `${tenantName} (tenant, owner)` });
    await page.getByRole('heading', { name: 'Find capacity' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).textContent()).toContain('My requests');
    await switcher.selectOption({ label: `${minerName} (miner, owner)` });
    await page.getByRole('heading', { name: 'Sites' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).textContent()).toContain('Capacity blocks');
  });
});
