// The example operations in docs/api/examples run as documented, in order, against a real API: a tenant signs
// in and makes an API key, lists capacity, asks for colocation and matches it; the host proposes on the match,
// the tenant accepts, both sign; after a month of the deal the tenant reads its statement and agrees it. A
// schema change that breaks an example fails here.
import type { DocExample } from '@gridshare/sdk/schema-docs';
import { loadSchemaDocs } from '@gridshare/sdk/schema-docs-files';
import { type OrgFixture, PASSWORD, createListedBlock, mutate, signUpOrg } from './testing/fixtures';
import { ISSUE, recomputeStatement, recordWorkedMonth } from './testing/settlement-fixtures';
import { type Caller, type TestApi, startTestApi } from './testing/test-api';

let api: TestApi;
let tenant: OrgFixture;
let host: OrgFixture;
let blockId: string;
const examples = new Map(loadSchemaDocs().examples.map((example) => [example.name, example]));

beforeAll(async () => {
  api = await startTestApi();
  tenant = await signUpOrg(api, 'TENANT', 'docs-tenant');
  host = await signUpOrg(api, 'MINER', 'docs-host');
  ({ blockId } = await createListedBlock(api, host, { mw: 40, firmMw: 40, availableFrom: '2026-09-01', priceUsdPerKwMonth: 150, minTermMonths: 60 }, { coolingType: 'DIRECT_TO_CHIP', maxRackDensityKw: 132 }));
});
afterAll(() => api.close());

/** Runs an example with its documented variables, `overrides` replacing the placeholders; it must succeed. */
async function run<T>(name: string, caller: Caller, overrides: Record<string, unknown> = {}): Promise<T> {
  const example = examples.get(name) as DocExample;
  const result = await api.gql<T>(example.operation, { ...example.variables, ...overrides }, caller);
  expect([name, result.status, result.errors]).toEqual([name, 200, undefined]);
  return result.data as T;
}

it('documents the flows from sign-in to an agreed statement, and each example works as written', async () => {
  const { signIn } = await run<{ signIn: { token: string; organization: { id: string } } }>('SignIn', {}, { input: { email: tenant.email, password: PASSWORD } });
  expect(signIn.organization.id).toBe(tenant.orgId);

  const { createApiKey } = await run<{ createApiKey: { secret: string } }>('CreateApiKey', { token: signIn.token });
  const key = { token: createApiKey.secret };

  const { searchCapacity } = await run<{ searchCapacity: { edges: { node: { id: string } }[] } }>('SearchCapacity', key);
  expect(searchCapacity.edges.map((edge) => edge.node.id)).toContain(blockId);

  const { createColocationRequest: request } = await run<{ createColocationRequest: { id: string; status: string } }>('CreateColocationRequest', key);
  expect(request.status).toBe('OPEN');

  const { runMatching } = await run<{ runMatching: { matches: unknown[]; exclusionSummary: string } }>('RunMatching', key, { requestId: request.id });
  expect([runMatching.matches.length, runMatching.exclusionSummary]).toEqual([1, expect.any(String)]);

  const { matches } = await run<{ matches: { matches: { sites: { blockIds: string[] }[] }[] } }>('Matches', key, { requestId: request.id });
  const offered = matches.matches[0]!.sites[0]!.blockIds;
  expect(offered).toEqual([blockId]);

  const { proposeDeal } = await run<{ proposeDeal: { id: string; status: string } }>('ProposeDeal', host, {
    // A deal that started in September 2026, so that a month of it can be settled here.
    input: { ...(examples.get('ProposeDeal')!.variables!.input as object), requestId: request.id, blockIds: offered, startDate: '2026-09-01' },
  });
  expect(proposeDeal.status).toBe('PROPOSED');

  const { acceptDeal } = await run<{ acceptDeal: { status: string } }>('AcceptDeal', key, { id: proposeDeal.id });
  expect(acceptDeal.status).toBe('ACCEPTED');

  const { signDeal: tenantSigned } = await run<{ signDeal: { status: string; tenantSignedScenario: string } }>('SignDeal', key, { id: proposeDeal.id });
  expect(tenantSigned).toMatchObject({ status: 'ACCEPTED', tenantSignedScenario: 'DEFAULT' });
  const { signDeal: signed } = await run<{ signDeal: { status: string; agreement: { scenarioId: string | null; terms: { contractedMw: number } } } }>('SignDeal', host, { id: proposeDeal.id });
  expect(signed).toMatchObject({ status: 'SIGNED', agreement: { scenarioId: null, terms: { contractedMw: 40 } } });

  // The host runs the deal for September: readings, events and the index, then issues the statement.
  await mutate(api, host, 'activateDeal', `mutation ($id: ID!) { activateDeal(id: $id) { id } }`, { id: proposeDeal.id });
  await recordWorkedMonth(api, host, proposeDeal.id);
  const draft = await recomputeStatement(api, host, proposeDeal.id, '2026-09');
  await mutate(api, host, 'issueStatement', ISSUE, { id: draft.id });

  const { statements } = await run<{ statements: { totalCount: number; edges: { node: { id: string; status: string; lines: unknown[]; csv: string } }[] } }>('Statements', key, { dealId: proposeDeal.id });
  expect(statements.totalCount).toBe(1);
  expect(statements.edges[0]?.node).toMatchObject({ id: draft.id, status: 'ISSUED', lines: expect.arrayContaining([expect.objectContaining({ kind: 'COLOCATION' })]) });
  const { agreeStatement } = await run<{ agreeStatement: { status: string; agreedBy: string } }>('AgreeStatement', key, { id: draft.id });
  expect(agreeStatement.status).toMatch(/^(INVOICED|PAID)$/);
});
