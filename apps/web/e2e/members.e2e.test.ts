import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { alertText, apiToken, callApi, open, screenshot, unique, uniqueEmail, useBrowser } from './helpers';

const browser = useBrowser();
const PASSWORD = 'correct horse battery';

/** A new person owning a new organisation, made through the API (sign-up answers without a session). */
async function newPerson(kind: 'MINER' | 'TENANT', label: string) {
  const email = uniqueEmail(label);
  const orgName = unique(`${label} Org`);
  await callApi('mutation($input: SignUpInput!) { signUp(input: $input) { message } }', {
    input: { email, password: PASSWORD, name: `${label} Person`, organizationName: orgName, organizationKind: kind },
  });
  return { email, orgName, token: await apiToken(email, PASSWORD) };
}

async function invite(page: Page, email: string, role: string): Promise<string> {
  await open(page, '/members');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Role').selectOption(role);
  await page.getByRole('button', { name: 'Invite' }).click();
  const link = (await page.getByTestId('invitation-link').textContent()) ?? '';
  expect(link).toMatch(/\/join\?token=gsi_/);
  return link;
}

describe('members and invitations', () => {
  it('an owner invites a person by link; they sign in, see who invites them, accept and act in the organisation', async () => {
    const owner = await newPerson('MINER', 'Inviter');
    const guest = await newPerson('TENANT', 'Guest');
    const ownerPage = await browser.pageFor(owner.email, PASSWORD);
    const link = await invite(ownerPage, guest.email, 'VIEWER');
    await screenshot(ownerPage, 'members-invite');
    const row = ownerPage.getByTestId('invitation-row').filter({ hasText: guest.email });
    expect(await row.textContent()).toContain('pending');
    // The guest is not a member until they accept.
    expect(await ownerPage.getByTestId('member-row').filter({ hasText: guest.email }).count()).toBe(0);

    // The guest opens the link signed out: sign in first, then back to the invitation.
    const guestPage = await browser.pageFor();
    await guestPage.goto(link);
    await guestPage.getByRole('link', { name: 'Sign in' }).click();
    await guestPage.getByLabel('Email').fill(guest.email);
    await guestPage.getByLabel('Password').fill(PASSWORD);
    await guestPage.getByRole('button', { name: 'Sign in' }).click();
    await guestPage.getByRole('button', { name: 'Accept invitation' }).waitFor();
    expect(await guestPage.getByTestId('join').textContent()).toContain(`${owner.orgName} (miner) invites you to join as viewer`);
    await guestPage.getByRole('button', { name: 'Accept invitation' }).click();
    await guestPage.getByTestId('signed-in-as').waitFor();
    expect(await guestPage.getByTestId('current-org').locator('option:checked').textContent()).toContain(owner.orgName);
    expect(await guestPage.getByTestId('signed-in-as').textContent()).toContain('viewer');
    await open(guestPage, '/members');
    await guestPage.getByRole('heading', { name: `Members of ${owner.orgName}` }).waitFor();
    expect(await guestPage.getByTestId('member-row').filter({ hasText: guest.email }).textContent()).toContain('viewer');
    // A viewer sees the members but no invitations and no way to invite.
    expect(await guestPage.getByRole('button', { name: 'Invite' }).count()).toBe(0);

    await open(ownerPage, '/members');
    expect(await ownerPage.getByTestId('invitation-row').filter({ hasText: guest.email }).textContent()).toContain('accepted');
  });

  it('a link opened by someone signed in with another address does not let them in', async () => {
    const owner = await newPerson('MINER', 'Owner');
    const stranger = await newPerson('TENANT', 'Stranger');
    const ownerPage = await browser.pageFor(owner.email, PASSWORD);
    const link = await invite(ownerPage, uniqueEmail('someone-else'), 'MEMBER');
    const strangerPage = await browser.pageFor(stranger.email, PASSWORD);
    await strangerPage.goto(link);
    expect(await alertText(strangerPage)).toMatch(/another address/);
    expect(await strangerPage.getByRole('button', { name: 'Accept invitation' }).count()).toBe(0);
  });

  it('a revoked invitation stops working', async () => {
    const owner = await newPerson('MINER', 'Revoker');
    const guest = await newPerson('TENANT', 'Late');
    const ownerPage = await browser.pageFor(owner.email, PASSWORD);
    const link = await invite(ownerPage, guest.email, 'MEMBER');
    const row = ownerPage.getByTestId('invitation-row').filter({ hasText: guest.email });
    ownerPage.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByText('revoked').waitFor();
    const guestPage = await browser.pageFor(guest.email, PASSWORD);
    await guestPage.goto(link);
    expect(await alertText(guestPage)).toMatch(/revoked/);
  });

  it('a member leaves on their own; the last owner is told to hand over first', async () => {
    const owner = await newPerson('MINER', 'Keeper');
    const member = await newPerson('TENANT', 'Leaver');
    const { inviteMember } = await callApi<{ inviteMember: { token: string } }>(
      'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { token } }',
      { input: { email: member.email, role: 'MEMBER' } },
      owner.token,
    );
    await callApi('mutation($token: String!) { acceptInvitation(token: $token) { role } }', { token: inviteMember.token }, member.token);

    const page = await browser.pageFor(member.email, PASSWORD);
    await page.getByLabel('Organisation').selectOption({ label: `${owner.orgName} (miner, member)` });
    // Switched once the top bar shows the role there.
    await page.getByTestId('signed-in-as').filter({ hasText: '· member' }).waitFor();
    await open(page, '/members');
    await page.getByRole('heading', { name: `Members of ${owner.orgName}` }).waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Leave organisation' }).click();
    await page.waitForURL((url) => url.pathname !== '/members');
    await page.getByTestId('signed-in-as').waitFor();
    expect(await page.getByTestId('current-org').textContent()).toBe(member.orgName);

    const ownerPage = await browser.pageFor(owner.email, PASSWORD);
    await open(ownerPage, '/members');
    expect(await ownerPage.getByTestId('member-row').filter({ hasText: member.email }).count()).toBe(0);
    ownerPage.once('dialog', (dialog) => void dialog.accept());
    await ownerPage.getByRole('button', { name: 'Leave organisation' }).click();
    expect(await alertText(ownerPage)).toMatch(/last OWNER/);
  });
});
