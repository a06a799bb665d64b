import { expect } from '@jest/globals';
import { adminQuery, onPostgres } from '../../../packages/db/src/testing/template';
import { activeDeal, apiToken, baseUrl, callApi, DEMO, e2eDatabaseUrl, open, screenshot, unique, uniqueEmail, useBrowser } from './helpers';

const browser = useBrowser();
const PASSWORD = 'correct horse battery';

/** A new organisation whose owner signs in: billing state of its own, untouched by other tests. */
async function newOwner(kind: 'TENANT' | 'MINER') {
  const email = uniqueEmail(kind.toLowerCase());
  const name = unique(kind === 'TENANT' ? 'Billing Compute' : 'Billing Hash');
  await callApi('mutation($input: SignUpInput!) { signUp(input: $input) { message } }', { input: { email, password: PASSWORD, name: 'Bea Biller', organizationName: name, organizationKind: kind } });
  return { page: await browser.pageFor(email, PASSWORD), name };
}

describe('billing', () => {
  it('a tenant on FREE upgrades to PRO through Checkout and sees plan PRO on returning, then opens the customer portal', async () => {
    const { page } = await newOwner('TENANT');
    await open(page, '/billing');
    expect(await page.getByTestId('plan').textContent()).toBe('FREE');
    await page.getByText('No subscription: you are on the Free plan').waitFor();
    await page.getByText('No invoices yet.').waitFor();
    expect(await page.getByRole('button', { name: 'Manage payment methods and invoices' }).count()).toBe(0);

    // The offline Stripe's Checkout page pays when visited and sends the browser back, as Stripe does.
    await page.getByRole('button', { name: 'Upgrade to PRO' }).click();
    await page.waitForURL(`${baseUrl()}/billing?checkout=success`);
    await page.getByText('Payment received.').waitFor();
    expect(await page.getByTestId('plan').textContent()).toBe('PRO');
    const subscription = page.getByTestId('subscriptions').locator('tbody tr');
    expect(await subscription.count()).toBe(1);
    expect(await subscription.textContent()).toMatch(/PRO plan\s*Active/);
    expect(await page.getByRole('button', { name: 'Upgrade to PRO' }).count()).toBe(0);
    await screenshot(page, 'billing');

    await page.getByRole('button', { name: 'Manage payment methods and invoices' }).click();
    await page.waitForURL(`${baseUrl()}/billing`);
    expect(await page.getByTestId('plan').textContent()).toBe('PRO');
  });

  it('a new miner sets up payouts through Stripe Connect onboarding', async () => {
    const { page } = await newOwner('MINER');
    await open(page, '/billing');
    const setup = page.getByTestId('payouts-setup');
    expect(await setup.textContent()).toContain('Not set up');
    await page.getByText('No payouts yet').waitFor();
    await setup.getByRole('button', { name: 'Set up payouts with Stripe' }).click();
    await page.waitForURL(`${baseUrl()}/billing?onboarding=done`);
    expect(await page.getByTestId('payouts-setup').textContent()).toContain('Payouts enabled');
  });

  it('shows a viewer the plan but no button to change it', async () => {
    const page = await browser.pageFor(DEMO.viewer);
    await open(page, '/billing');
    expect(await page.getByTestId('plan').textContent()).toBe('PRO');
    await page.getByText('Only an organisation’s admins and owners change the plan').waitFor();
    expect(await page.getByRole('button', { name: /Upgrade|Set up payouts/ }).count()).toBe(0);
  });
});

describe('failed payments and payouts on the admin dashboard', () => {
  // Its scene is set in SQL: PostgreSQL only (CI); on PGlite the API's process holds the database.
  (onPostgres ? it : it.skip)('lists them, and a retried payout is paid once the host has a Connect account', async () => {
    const deal = await activeDeal();
    const org = async (email: string) => (await callApi<{ me: { organization: { id: string; name: string } } }>('{ me { organization { id name } } }', {}, await apiToken(email))).me.organization;
    const [host, tenant] = [await org(DEMO.miner), await org(DEMO.tenant)];
    // Stripe's invoice.payment_failed and a transfer that failed (the host had no Connect account): what the
    // webhook and the payout job would have written.
    const invoiceId = `in_e2e_${Date.now().toString(36)}`;
    await adminQuery(
      e2eDatabaseUrl(),
      `INSERT INTO "Invoice" ("id", "orgId", "dealId", "status", "amountDueCents", "amountPaidCents", "currency", "periodStart", "periodEnd", "eventCreatedUnix", "updatedAt")
         VALUES ('${invoiceId}', '${tenant.id}', '${deal.id}', 'payment_failed', 4200000, 0, 'usd', now() - interval '30 days', now(), 1, now());
       INSERT INTO "Payout" ("id", "orgId", "dealId", "stripeInvoiceId", "amountCents", "status", "attempts", "lastError", "updatedAt")
         VALUES (gen_random_uuid(), '${host.id}', '${deal.id}', '${invoiceId}_paid', 3900000, 'FAILED', 1, 'The host has no connected Stripe account yet; it is paid once onboarding is done.', now());`,
    );

    const page = await browser.pageFor(DEMO.admin);
    await open(page, '/admin#billing');
    const payment = page.getByTestId('failed-payments').locator('tbody tr', { hasText: invoiceId });
    expect(await payment.textContent()).toContain(tenant.name);
    expect(await payment.textContent()).toContain('$42,000.00');
    const payout = page.getByTestId('failed-payouts').locator('tbody tr', { hasText: `${invoiceId}_paid` });
    expect(await payout.textContent()).toContain(host.name);
    expect(await payout.textContent()).toContain('$39,000.00');
    await screenshot(page, 'admin-billing', page.getByTestId('admin-billing'));

    // Retried while the host still has no account: it fails again, one more attempt counted.
    await payout.getByRole('button', { name: 'Retry payout' }).click();
    await payout.locator('td', { hasText: /^2$/ }).waitFor();

    // The host finishes Connect onboarding (the offline Stripe's page completes it when visited)…
    const link = await callApi<{ createConnectOnboardingLink: { url: string } }>('mutation { createConnectOnboardingLink { url } }', {}, await apiToken(DEMO.miner));
    expect((await fetch(link.createConnectOnboardingLink.url)).status).toBe(200);
    // …and the retry transfers (its third attempt): the payout leaves the failed list and shows as PAID on the host's billing page.
    await open(page, '/admin#billing');
    await page.getByTestId('failed-payouts').locator('tbody tr', { hasText: `${invoiceId}_paid` }).getByRole('button', { name: 'Retry payout' }).click();
    await page.getByTestId('failed-payouts').locator('tbody tr', { hasText: `${invoiceId}_paid` }).waitFor({ state: 'detached' });
    const hostPage = await browser.pageFor(DEMO.miner);
    await open(hostPage, '/billing');
    expect(await hostPage.getByTestId('payouts').locator('tbody tr', { hasText: `${invoiceId}_paid` }).textContent()).toMatch(/Paid\s*3\s*tr_/);
  });
});
