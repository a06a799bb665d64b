// Curtailment and downtime events over real HTTP: recorded by the host or its metering partner within the
// rules (each refusal names the field and writes nothing), withdrawn by that side, disputed by the tenant,
// listed by time; each change makes the deal's unagreed statements stale; nobody else sees a thing.
import { type OrgFixture, createApiKey, signUpOrg } from '../../testing/fixtures';
import { type MeteredDeal, clearStale, createMeteredDeal, createStatement, grantMeterAccess, staleByStatus } from '../../testing/meter-fixtures';
import { type GqlResult, type TestApi, startTestApi } from '../../testing/test-api';
import { errorCode } from '../../testing/expect-code';

let api: TestApi;
let deal: MeteredDeal;
let other: OrgFixture;

beforeAll(async () => {
  api = await startTestApi();
  deal = await createMeteredDeal(api);
  other = await signUpOrg(api, 'MINER', 'event-other');
  await createStatement(api, deal, '2026-07-01', 'DRAFT');
  await createStatement(api, deal, '2026-06-01', 'AGREED');
});
afterAll(() => api.close());

const FIELDS = 'id dealId cause channel startsAt endsAt mwAffected paymentUsdPerMwh note status recordedByOrganizationId recordedBy withdrawnAt disputedAt disputeReason';
const RECORD = `mutation ($input: RecordCurtailmentEventInput!) { recordCurtailmentEvent(input: $input) { ${FIELDS} } }`;
const WITHDRAW = `mutation ($id: ID!) { withdrawCurtailmentEvent(id: $id) { id status withdrawnAt } }`;
const DISPUTE = `mutation ($input: DisputeCurtailmentEventInput!) { disputeCurtailmentEvent(input: $input) { id status disputedAt disputeReason } }`;
const LIST = `query ($d: ID!, $first: Int, $after: String, $filter: CurtailmentEventFilter) {
  curtailmentEvents(dealId: $d, first: $first, after: $after, filter: $filter) { totalCount edges { node { id cause status startsAt } } pageInfo { hasNextPage endCursor } } }`;
type EventNode = Record<string, unknown> & { id: string; status: string };
type EventList = { curtailmentEvents: { totalCount: number; edges: { node: EventNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

const outage = (overrides: Record<string, unknown> = {}) => ({
  dealId: deal.dealId,
  cause: 'FACILITY',
  channel: 'AI_IT',
  startsAt: '2026-07-10T10:00:00Z',
  endsAt: '2026-07-10T14:00:00Z',
  mwAffected: 40,
  note: 'Transformer T2 tripped',
  ...overrides,
});

async function recorded(caller: { token: string }, input: Record<string, unknown>): Promise<EventNode> {
  const result = await api.gql<{ recordCurtailmentEvent: EventNode }>(RECORD, { input }, caller);
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.recordCurtailmentEvent;
}

const eventRows = () => api.db.prisma.curtailmentEvent.findMany({ where: { dealId: deal.dealId }, orderBy: { id: 'asc' } });
const auditRows = () => api.db.prisma.auditLog.count({ where: { action: { startsWith: 'curtailment.' } } });

describe('recording', () => {
  it('records an outage for both parties to see, and makes the unagreed statements stale', async () => {
    await clearStale(api, deal.dealId);
    const event = await recorded(deal.host, outage());
    expect(event).toEqual({
      id: expect.any(String),
      dealId: deal.dealId,
      cause: 'FACILITY',
      channel: 'AI_IT',
      startsAt: '2026-07-10T10:00:00.000Z',
      endsAt: '2026-07-10T14:00:00.000Z',
      mwAffected: 40,
      paymentUsdPerMwh: null,
      note: 'Transformer T2 tripped',
      status: 'RECORDED',
      recordedByOrganizationId: deal.host.orgId,
      recordedBy: `user:${deal.host.userId}`,
      withdrawnAt: null,
      disputedAt: null,
      disputeReason: null,
    });
    expect(await staleByStatus(api, deal.dealId)).toEqual({ DRAFT: true, AGREED: false });
    const list = await api.gql<EventList>(LIST, { d: deal.dealId }, deal.tenant);
    expect(list.data?.curtailmentEvents.edges.map((edge) => edge.node.id)).toContain(event.id);
  });

  it('records a demand-response event with its payment per MWh', async () => {
    const event = await recorded(deal.host, outage({ cause: 'DEMAND_RESPONSE', channel: 'MINING', mwAffected: 30, paymentUsdPerMwh: 100.255, note: null }));
    expect(event).toEqual(expect.objectContaining({ cause: 'DEMAND_RESPONSE', channel: 'MINING', mwAffected: 30, paymentUsdPerMwh: 100.26, note: null }));
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['an end before the start', { endsAt: '2026-07-10T09:00:00Z' }, 'input.endsAt', /after startsAt/],
    ['no MW', { mwAffected: 0 }, 'input.mwAffected', /at least 0.001 MW/],
    ['more AI than contracted', { mwAffected: 40.5 }, 'input.mwAffected', /contracted 40 MW/],
    ['more mining than the interconnection', { channel: 'MINING', mwAffected: 121 }, 'input.mwAffected', /interconnection of 120 MW/],
    ['a demand-response event without its payment', { cause: 'DEMAND_RESPONSE' }, 'input.paymentUsdPerMwh', /required for DEMAND_RESPONSE/],
    ['a payment on another cause', { paymentUsdPerMwh: 50 }, 'input.paymentUsdPerMwh', /only for DEMAND_RESPONSE/],
    ['a start before the deal', { startsAt: '2026-05-31T20:00:00Z' }, 'input.startsAt', /before the deal's active period/],
    ['an event not over yet', { startsAt: '2026-07-10T10:00:00Z', endsAt: new Date(Date.now() + 3_600_000).toISOString() }, 'input.endsAt', /in the future/],
    ['the site import channel', { channel: 'SITE_IMPORT' }, 'input.channel', /AI_IT .* or MINING/],
    ['a note of 1,001 characters', { note: 'x'.repeat(1001) }, 'input.note', /at most 1,000/],
  ])('refuses %s, naming the field, writing nothing', async (_label, overrides, field, message) => {
    await clearStale(api, deal.dealId);
    const [events, audits] = [await eventRows(), await auditRows()];
    const result = await api.gql(RECORD, { input: outage(overrides) }, deal.host);
    expect(result.errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field }));
    expect(result.errors?.[0]?.message).toMatch(message);
    expect([await eventRows(), await auditRows()]).toEqual([events, audits]);
    expect(await staleByStatus(api, deal.dealId)).toEqual({ DRAFT: false, AGREED: false });
  });

  it('the tenant cannot record (FORBIDDEN), another organisation gets NOT_FOUND; a granted partner’s key can', async () => {
    const before = await eventRows();
    expect(errorCode(await api.gql(RECORD, { input: outage() }, deal.tenant))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(RECORD, { input: outage() }, other))).toBe('NOT_FOUND');
    expect(await eventRows()).toEqual(before);
    const partner = await signUpOrg(api, 'PARTNER', 'event-partner');
    await grantMeterAccess(api, deal.host, deal.dealId, partner.orgId);
    const key = await createApiKey(api, partner, ['METER_WRITE']);
    const event = await recorded({ token: key.secret }, outage({ cause: 'PRICE', channel: 'MINING', mwAffected: 60 }));
    expect(event.recordedByOrganizationId).toBe(partner.orgId);
    expect(event.recordedBy).toBe(`apikey:${key.id}`);
  });
});

describe('withdrawing and disputing', () => {
  it('the tenant disputes with a reason; the host withdraws; each makes unagreed statements stale', async () => {
    const event = await recorded(deal.host, outage({ startsAt: '2026-07-12T00:00:00Z', endsAt: '2026-07-12T01:00:00Z' }));
    await clearStale(api, deal.dealId);
    expect(errorCode(await api.gql(DISPUTE, { input: { id: event.id, reason: 'We saw no outage' } }, deal.host))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(DISPUTE, { input: { id: event.id, reason: ' ' } }, deal.tenant))).toBe('BAD_USER_INPUT');
    expect(await staleByStatus(api, deal.dealId)).toEqual({ DRAFT: false, AGREED: false });
    const disputed = await api.gql<{ disputeCurtailmentEvent: EventNode }>(DISPUTE, { input: { id: event.id, reason: 'Our load was running' } }, deal.tenant);
    expect(disputed.data?.disputeCurtailmentEvent).toEqual({ id: event.id, status: 'DISPUTED', disputedAt: expect.any(String), disputeReason: 'Our load was running' });
    expect(await staleByStatus(api, deal.dealId)).toEqual({ DRAFT: true, AGREED: false });
    expect(errorCode(await api.gql(DISPUTE, { input: { id: event.id, reason: 'Again' } }, deal.tenant))).toBe('CONFLICT');

    await clearStale(api, deal.dealId);
    expect(errorCode(await api.gql(WITHDRAW, { id: event.id }, deal.tenant))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(WITHDRAW, { id: event.id }, other))).toBe('NOT_FOUND');
    const withdrawn = await api.gql<{ withdrawCurtailmentEvent: EventNode }>(WITHDRAW, { id: event.id }, deal.host);
    expect(withdrawn.data?.withdrawCurtailmentEvent).toEqual({ id: event.id, status: 'WITHDRAWN', withdrawnAt: expect.any(String) });
    expect(await staleByStatus(api, deal.dealId)).toEqual({ DRAFT: true, AGREED: false });
    expect(errorCode(await api.gql(WITHDRAW, { id: event.id }, deal.host))).toBe('CONFLICT');
    expect(errorCode(await api.gql(DISPUTE, { input: { id: event.id, reason: 'Late' } }, deal.tenant))).toBe('CONFLICT');
    expect(errorCode(await api.gql(DISPUTE, { input: { id: event.id, reason: 'Not mine' } }, other))).toBe('NOT_FOUND');
  });
});

describe('listing', () => {
  it('pages by start time, newest first, narrowed by time, cause and withdrawal; another organisation gets NOT_FOUND', async () => {
    const own = await createMeteredDeal(api);
    const ids: string[] = [];
    for (const day of ['2026-08-01', '2026-08-02', '2026-08-03', '2026-08-04']) {
      const cause = day === '2026-08-03' ? 'GRID_EMERGENCY' : 'FACILITY';
      const event = await recorded(own.host, outage({ dealId: own.dealId, startsAt: `${day}T00:00:00Z`, endsAt: `${day}T02:00:00Z`, cause }));
      ids.push(event.id);
    }
    await api.gql(WITHDRAW, { id: ids[0] }, own.host);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: GqlResult<EventList> = await api.gql<EventList>(LIST, { d: own.dealId, first: 2, after }, own.tenant);
      expect(page.data?.curtailmentEvents.totalCount).toBe(3);
      seen.push(...page.data!.curtailmentEvents.edges.map((edge) => edge.node.id));
      after = page.data!.curtailmentEvents.pageInfo.hasNextPage ? page.data!.curtailmentEvents.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual([ids[3], ids[2], ids[1]]);
    const filtered = async (filter: Record<string, unknown>) =>
      (await api.gql<EventList>(LIST, { d: own.dealId, filter }, own.host)).data!.curtailmentEvents.edges.map((edge) => edge.node.id);
    expect(await filtered({ includeWithdrawn: true })).toEqual([ids[3], ids[2], ids[1], ids[0]]);
    expect(await filtered({ causes: ['GRID_EMERGENCY'] })).toEqual([ids[2]]);
    expect(await filtered({ from: '2026-08-02T01:00:00Z', to: '2026-08-03T00:00:01Z' })).toEqual([ids[2], ids[1]]);
    expect(errorCode(await api.gql(LIST, { d: own.dealId }, other))).toBe('NOT_FOUND');
  });
});
