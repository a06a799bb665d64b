import { expect } from '@jest/globals';
import { apiToken, baseUrl, callApi, DEMO, gqlAs, open, screenshot, uniqueEmail, useBrowser } from './helpers';

const browser = useBrowser();

interface DemoDeal {
  id: string;
  statements: { id: string; month: string; status: string }[];
}

/** The demo's running deal (apps/api/src/demo/demo-operations.ts), found through the API as its host. */
async function demoDeal(): Promise<DemoDeal> {
  const { deals } = await gqlAs<{ deals: { edges: { node: { id: string; request: { title: string } } }[] } }>(
    DEMO.miner,
    '{ deals(first: 100, filter: { statuses: [ACTIVE] }) { edges { node { id request { title } } } } }',
  );
  const deal = deals.edges.map((e) => e.node).find((d) => d.request.title === 'Inference cluster in ERCOT, live this autumn');
  if (!deal) throw new Error('the demo seed has no running deal');
  const { statements } = await gqlAs<{ statements: { edges: { node: { id: string; month: string; status: string } }[] } }>(
    DEMO.miner,
    'query($id: ID!) { statements(dealId: $id, first: 12) { edges { node { id month status } } } }',
    { id: deal.id },
  );
  return { id: deal.id, statements: statements.edges.map((e) => e.node).reverse() };
}

/** The deal's stored readings in [from, to) as CSV lines (`channel,intervalStart,intervalMinutes,kwh`). */
async function storedCsvRows(dealId: string, from: string, to: string): Promise<string[]> {
  const rows: string[] = [];
  const token = await apiToken(DEMO.miner);
  let after: string | null = null;
  do {
    const page: { meterReadings: { edges: { node: { channel: string; intervalStart: string; intervalMinutes: number; kwh: number } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await callApi(
      'query($id: ID!, $after: String, $from: DateTime!, $to: DateTime!) { meterReadings(dealId: $id, first: 100, after: $after, filter: { from: $from, to: $to }) { edges { node { channel intervalStart intervalMinutes kwh } } pageInfo { hasNextPage endCursor } } }',
      { id: dealId, after, from, to },
      token,
    );
    rows.push(...page.meterReadings.edges.map(({ node }) => `${node.channel},${node.intervalStart},${node.intervalMinutes},${node.kwh}`));
    after = page.meterReadings.pageInfo.hasNextPage ? page.meterReadings.pageInfo.endCursor : null;
  } while (after);
  return rows;
}

describe('a deal’s operations page', () => {
  let deal: DemoDeal;
  beforeAll(async () => {
    deal = await demoDeal();
  });

  it('shows both parties the month’s chart, events, availability and the agreed statement with its figures and the model beside it', async () => {
    const agreed = deal.statements.find((s) => s.status === 'AGREED')!;
    const host = await browser.pageFor(DEMO.miner);
    await open(host, `/deals/${deal.id}`);
    await host.getByTestId('operations-link').click();
    await host.getByTestId('month-picker').waitFor();
    await host.getByLabel('Month').selectOption(agreed.month);
    await host.getByRole('button', { name: 'Show' }).click();
    await host.waitForURL(`**/operations?month=${agreed.month}`);
    expect(await host.getByTestId('operations-chart').locator('svg rect').count()).toBeGreaterThan(700);
    expect(await host.getByTestId('operations-chart').textContent()).toMatch(/Curtailed: facility/);
    const statement = host.getByTestId('statement');
    expect(await statement.getByRole('heading').first().textContent()).toContain(`Statement ${agreed.month}`);
    expect(await statement.textContent()).toContain('Agreed');
    expect(await host.getByTestId('statement-lines').textContent()).toMatch(/Colocation[\s\S]*Energy pass-through[\s\S]*Backfill mining credit/);
    expect(await host.getByTestId('forecast').textContent()).toMatch(/Agreed model[\s\S]*Variance[\s\S]*Host payout/);
    expect(await host.getByTestId('availability').textContent()).toMatch(/% against 99\.9% committed/);
    expect(await host.getByTestId('events').textContent()).toMatch(/Facility/);
    expect(await host.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe(`/deals/${deal.id}/operations/statements/${agreed.id}/csv`);
    await screenshot(host, 'deal-operations');

    const tenant = await browser.pageFor(DEMO.tenant);
    await open(tenant, `/deals/${deal.id}/operations?month=${agreed.month}`);
    expect(await tenant.getByTestId('statement').textContent()).toContain('Agreed');
    expect(await tenant.getByTestId('readings-upload').count()).toBe(0);
    const csv = await tenant.request.get(`${baseUrl()}/deals/${deal.id}/operations/statements/${agreed.id}/csv`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toMatch(/COLOCATION/);

    // A viewer of the host reads everything and gets no write control.
    const viewer = await browser.pageFor(DEMO.viewer);
    await open(viewer, `/deals/${deal.id}/operations?month=${agreed.month}`);
    await viewer.getByTestId('operations-chart').waitFor();
    expect(await viewer.getByTestId('readings-upload').count()).toBe(0);
    expect(await viewer.getByTestId('statement-actions').count()).toBe(0);
  });

  it('a host’s CSV with one bad row is refused, naming the line and field, and writes nothing', async () => {
    const month = deal.statements[0]!.month;
    const readingAt = async (start: string) => {
      const data = await gqlAs<{ meterReadings: { edges: { node: { kwh: number } }[] }; meterRevisions: { totalCount: number } }>(
        DEMO.miner,
        'query($id: ID!, $from: DateTime!, $to: DateTime!) { meterReadings(dealId: $id, first: 1, filter: { channel: AI_IT, from: $from, to: $to }) { edges { node { kwh } } } meterRevisions(dealId: $id) { totalCount } }',
        { id: deal.id, from: start, to: new Date(Date.parse(start) + 3_600_000).toISOString() },
      );
      return { kwh: data.meterReadings.edges[0]?.node.kwh, revisions: data.meterRevisions.totalCount };
    };
    const first = `${month}-03T00:00:00.000Z`;
    const before = await readingAt(first);

    const host = await browser.pageFor(DEMO.miner);
    await open(host, `/deals/${deal.id}/operations?month=${month}`);
    const upload = host.getByTestId('readings-upload');
    // Line 2 would correct a stored hour; line 3 is above the 50 MW contract (+2%): the batch is refused whole.
    const csv = ['channel,intervalStart,intervalMinutes,kwh', `AI_IT,${month}-03T00:00:00Z,60,1234`, `AI_IT,${month}-03T01:00:00Z,60,99000`].join('\n');
    await upload.getByLabel('Meter readings (CSV)').setInputFiles({ name: 'readings.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await upload.getByRole('button', { name: 'Upload readings' }).click();
    const errors = upload.getByTestId('upload-errors');
    await errors.waitFor();
    const row = errors.locator('tbody tr').first();
    expect(await row.locator('td').nth(0).textContent()).toBe('3');
    expect(await row.locator('td').nth(1).textContent()).toBe('kwh');
    expect(await upload.getByRole('alert').textContent()).toMatch(/Nothing was recorded/);
    expect(await readingAt(first)).toEqual(before);

    // A line the parser cannot read is named before anything is sent.
    await upload.getByLabel('Meter readings (CSV)').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('channel,intervalStart,intervalMinutes,kwh\nAI_IT,yesterday,60,10') });
    await upload.getByRole('button', { name: 'Upload readings' }).click();
    await upload.getByText('Nothing was sent').waitFor();
    expect(await errors.locator('tbody tr').first().textContent()).toMatch(/^2intervalStart/);
    await screenshot(host, 'deal-operations-upload', upload);

    // A week as stored, sent again: recorded (as unchanged), with the counts shown.
    const rows = await storedCsvRows(deal.id, `${month}-01T00:00:00Z`, `${month}-08T00:00:00Z`);
    await upload.getByLabel('Meter readings (CSV)').setInputFiles({ name: 'week.csv', mimeType: 'text/csv', buffer: Buffer.from(['channel,intervalStart,intervalMinutes,kwh', ...rows].join('\n')) });
    await upload.getByRole('button', { name: 'Upload readings' }).click();
    await upload.getByText(`${rows.length} readings in 1 batch(es): 0 new, 0 corrected, ${rows.length} unchanged.`).waitFor();
    expect(rows).toHaveLength(7 * 24 * 2);
    expect(await readingAt(first)).toEqual(before);
  });

  it('the tenant disputes an issued statement with a reason and sees it DISPUTED', async () => {
    const last = deal.statements[deal.statements.length - 1]!;
    // The demo's last month is in dispute already: the host re-issues it first.
    await gqlAs(DEMO.miner, 'mutation($id: ID!) { reissueStatement(id: $id) { id } }', { id: last.id });
    const tenant = await browser.pageFor(DEMO.tenant);
    await open(tenant, `/deals/${deal.id}/operations?month=${last.month}`);
    const statement = tenant.getByTestId('statement');
    expect(await statement.textContent()).toContain('Issued');
    await statement.getByText('Dispute this statement').click();
    await statement.getByLabel('Reason').fill('no');
    await statement.getByRole('button', { name: 'Dispute statement' }).click();
    expect(await statement.locator('small[role="alert"]').textContent()).toMatch(/3/);
    const reason = 'The outage on the 12th lasted seven hours by our monitoring; please correct the event.';
    await statement.getByLabel('Reason').fill(reason);
    await statement.getByRole('button', { name: 'Dispute statement' }).click();
    await tenant.getByTestId('dispute-reason').waitFor();
    expect(await tenant.getByTestId('dispute-reason').textContent()).toContain(reason);
    expect(await statement.locator('.badge').first().textContent()).toBe('Disputed');
    await screenshot(tenant, 'deal-operations-dispute');

    // The tenant disputes the month's outage itself; it keeps counting until the host withdraws it.
    const outage = tenant.getByTestId('events').locator('tr', { hasText: 'Switchgear fault' });
    await outage.getByText('Dispute', { exact: true }).click();
    await outage.getByLabel('Reason').fill('Our logs show it started at 08:15 and ended at 15:00.');
    await outage.getByRole('button', { name: 'Dispute event' }).click();
    await tenant.getByTestId('events').locator('tr', { hasText: 'Switchgear fault' }).getByText('Our logs show it started at 08:15').waitFor();
    expect(await tenant.getByTestId('events').locator('tr', { hasText: 'Switchgear fault' }).locator('.badge').nth(1).textContent()).toBe('Disputed');

    // The platform admin sees it among the statements in dispute.
    const admin = await browser.pageFor(DEMO.admin);
    await open(admin, '/admin#settlement');
    expect(await admin.getByTestId('disputed-statements').textContent()).toContain(reason);
    await screenshot(admin, 'admin-settlement', admin.getByTestId('admin-settlement'));
  });

  it('is not found for another organisation, page and CSV alike', async () => {
    const email = uniqueEmail('outsider');
    const password = 'correct horse battery';
    await callApi('mutation($input: SignUpInput!) { signUp(input: $input) { message } }', {
      input: { email, password, name: 'Outsider', organizationName: `Outsider tenant ${Date.now()}`, organizationKind: 'TENANT' },
    });
    const page = await browser.pageFor(email, password);
    await open(page, `/deals/${deal.id}/operations`);
    expect(await page.getByRole('heading', { name: 'Not found' }).isVisible()).toBe(true);
    const csv = await page.request.get(`${baseUrl()}/deals/${deal.id}/operations/statements/${deal.statements[0]!.id}/csv`);
    expect(csv.status()).toBe(404);
  });

  it('a host’s file of more than 10,000 readings goes in batches and is recorded whole', async () => {
    const [first, last] = [deal.statements[0]!.month, deal.statements[deal.statements.length - 1]!.month];
    const from = `${first}-01T00:00:00Z`;
    const until = new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)), 1));
    // The site's import every 15 minutes of the three months (a new channel: 8,736 readings of 60 MW), and
    // the stored AI and mining hours again: 13,104 readings, two batches.
    const siteImport: string[] = [];
    for (let at = Date.parse(from); at < until.getTime(); at += 15 * 60_000) siteImport.push(`SITE_IMPORT,${new Date(at).toISOString()},15,15000`);
    const stored = await storedCsvRows(deal.id, from, until.toISOString());
    const host = await browser.pageFor(DEMO.miner);
    await open(host, `/deals/${deal.id}/operations?month=${last}`);
    const upload = host.getByTestId('readings-upload');
    const csv = ['channel,intervalStart,intervalMinutes,kwh', ...siteImport, ...stored].join('\n');
    await upload.getByLabel('Meter readings (CSV)').setInputFiles({ name: 'quarter.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await upload.getByRole('button', { name: 'Upload readings' }).click();
    const total = siteImport.length + stored.length;
    await upload.getByText(`${total.toLocaleString('en-US')} readings in 2 batch(es): ${siteImport.length} new, 0 corrected, ${stored.length} unchanged.`).waitFor({ timeout: 60_000 });
    expect(total).toBeGreaterThan(10_000);
  });
});
