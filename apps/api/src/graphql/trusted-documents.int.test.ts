// Trusted documents over real HTTP (trusted-documents.ts): the portal's and the SDK's operations sent by id
// run exactly as their text does, an unknown id runs nothing, a mutation by id still clears the response
// cache, tenants stay scoped, and FREE_TEXT_OPERATIONS=api-keys refuses text from sessions and anonymous
// callers but not from API keys. The SDK falls back to text where an id is not registered.
import { createHash, randomBytes } from 'node:crypto';
import { GridshareClient, MeDocument, type TypedDocumentNode, documentSource } from '@gridshare/sdk';
import type { FastifyInstance } from 'fastify';
import { type DocumentNode, parse } from 'graphql';
import { SearchCapacityDocument, SitesDocument, UnpublishCapacityBlockDocument } from '../../../web/src/generated/graphql';
import { type OrgFixture, createApiKey, createListedBlock, createSite, signUpOrg } from '../testing/fixtures';
import { type Caller, TEST_ENV, type TestApi, startTestApi } from '../testing/test-api';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { buildServer } from '../server';
import { CACHE_STATUS_HEADER } from './response-cache';

const idOf = (document: DocumentNode) => createHash('sha256').update(documentSource(document)).digest('hex');

const headersOf = (caller: Caller = {}): Record<string, string> => ({
  ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}),
  ...(caller.orgId ? { 'x-org-id': caller.orgId } : {}),
});

interface Answer {
  status: number;
  cache: string | null;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function send(url: string, body: object, caller?: Caller): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headersOf(caller) }, body: JSON.stringify(body) });
  return { status: response.status, cache: response.headers.get(CACHE_STATUS_HEADER), body: (await response.json()) as Answer['body'] };
}

/** The same operation three ways: its text, GraphQL-over-HTTP's documentId, Apollo's persistedQuery. */
const byText = (document: DocumentNode, variables: object = {}) => ({ query: documentSource(document), variables });
const byDocumentId = (document: DocumentNode, variables: object = {}) => ({ documentId: `sha256:${idOf(document)}`, variables });
const byHash = (document: DocumentNode, variables: object = {}) => ({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: idOf(document) } } });

const searchIds = (answer: Answer) =>
  (answer.body.data?.searchCapacity as { edges: { node: { id: string } }[] } | undefined)?.edges.map((edge) => edge.node.id);
const siteIds = (answer: Answer) => (answer.body.data?.sites as { edges: { node: { id: string } }[] } | undefined)?.edges.map((edge) => edge.node.id).sort();

describe('trusted documents (FREE_TEXT_OPERATIONS=everyone, the default outside production)', () => {
  let api: TestApi;
  let host: OrgFixture;
  let tenant: OrgFixture;
  const statements: string[] = [];
  const region = `Region ${randomBytes(3).toString('hex')}`;
  let blockId: string;

  beforeAll(async () => {
    api = await startTestApi({ onQuery: (sql) => statements.push(sql) });
    host = await signUpOrg(api, 'MINER', 'trusted-host');
    tenant = await signUpOrg(api, 'TENANT', 'trusted-tenant');
    ({ blockId } = await createListedBlock(api, host, {}, { region }));
  });
  afterAll(() => api.close());

  it('runs a document by id (either convention) with the same answer as its text', async () => {
    const variables = { filter: { regions: [region] }, first: 10 };
    const text = await send(api.url, byText(SearchCapacityDocument, variables), tenant);
    const documentId = await send(api.url, byDocumentId(SearchCapacityDocument, variables), tenant);
    const hash = await send(api.url, byHash(SearchCapacityDocument, variables), tenant);
    expect(text.status).toBe(200);
    expect(searchIds(text)).toEqual([blockId]);
    expect(documentId.body).toEqual(text.body);
    expect(hash.body).toEqual(text.body);
  });

  it('refuses an unknown id with PERSISTED_QUERY_NOT_FOUND and runs nothing', async () => {
    const before = statements.length;
    for (const body of [{ documentId: `sha256:${'0'.repeat(64)}` }, { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }, { documentId: 'md5:abc' }]) {
      const answer = await send(api.url, body);
      expect(answer.status).toBe(400);
      expect(answer.body.data).toBeUndefined();
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    }
    expect(statements.length).toBe(before);
  });

  it('runs a registered id sent by GET and refuses an unknown one with a 400, as by POST', async () => {
    const get = async (params: Record<string, string>) => {
      const response = await fetch(`${api.url}/graphql?${new URLSearchParams(params)}`, { headers: { 'apollo-require-preflight': 'true', ...headersOf(tenant) } });
      return { status: response.status, body: (await response.json()) as Answer['body'] };
    };
    const variables = JSON.stringify({ filter: { regions: [region] }, first: 10 });
    const known = await get({ variables, extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: idOf(SearchCapacityDocument) } }) });
    expect(known.status).toBe(200);
    expect(searchIds({ ...known, cache: null })).toEqual([blockId]);
    const before = statements.length;
    const unknown: Record<string, string>[] = [{ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: 'e'.repeat(64) } }) }, { documentId: `sha256:${'1'.repeat(64)}` }, { documentId: 'md5:abc' }];
    for (const params of unknown) {
      const answer = await get({ variables, ...params });
      expect(answer.status).toBe(400);
      expect(answer.body.data).toBeUndefined();
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    }
    expect(statements.length).toBe(before);
  });

  it('runs the text, not the id, when a body carries a text the id does not name (and registers nothing)', async () => {
    const query = '{ __typename }';
    const answer = await send(api.url, { query, extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } } });
    expect(answer.body).toEqual({ data: { __typename: 'Query' } });
    const again = await send(api.url, { extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } } });
    expect(again.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('replays a public query by id from the response cache, and a mutation by id clears it', async () => {
    const variables = { filter: { regions: [region] }, first: 20 };
    await send(api.url, byDocumentId(SearchCapacityDocument, variables), tenant);
    const replayed = await send(api.url, byDocumentId(SearchCapacityDocument, variables), tenant);
    expect(replayed.cache).toBe('hit');
    expect(searchIds(replayed)).toEqual([blockId]);

    const unpublished = await send(api.url, byDocumentId(UnpublishCapacityBlockDocument, { id: blockId }), host);
    expect(unpublished.body.errors).toBeUndefined();
    const after = await send(api.url, byDocumentId(SearchCapacityDocument, variables), tenant);
    expect(after.cache).toBe('miss');
    expect(searchIds(after)).toEqual([]);
  });

  it('keeps tenants scoped: the same document by id answers each organisation with its own sites', async () => {
    const hostSite = await createSite(api, host);
    const tenantSite = await createSite(api, tenant);
    const hostSites = siteIds(await send(api.url, byDocumentId(SitesDocument), host));
    const tenantSites = siteIds(await send(api.url, byDocumentId(SitesDocument), tenant));
    expect(hostSites).toContain(hostSite.id);
    expect(hostSites).not.toContain(tenantSite.id);
    expect(tenantSites).toEqual([tenantSite.id]);
    expect(siteIds(await send(api.url, byText(SitesDocument), tenant))).toEqual(tenantSites);
  });

  it('the SDK sends its operations by id, and the text of a document the API does not know (once asked)', async () => {
    const key = await createApiKey(api, host, ['ORG_READ']);
    const sent: string[] = [];
    const client = new GridshareClient({
      url: `${api.url}/graphql`,
      apiKey: key.secret,
      fetch: async (input, init) => {
        sent.push(JSON.parse(String(init?.body)).query === undefined ? 'id' : 'text');
        return fetch(input, init);
      },
    });
    const me = await client.request(MeDocument);
    expect(me.me?.organization?.id).toBe(host.orgId);
    expect(sent).toEqual(['id']);

    const unregistered: TypedDocumentNode<{ me: { scopes: string[] } }, Record<string, never>> = parse('query Partner { me { scopes } }');
    sent.length = 0;
    expect((await client.request(unregistered)).me.scopes).toEqual(['ORG_READ']);
    expect((await client.request(unregistered)).me.scopes).toEqual(['ORG_READ']);
    expect(sent).toEqual(['id', 'text', 'text']);
  });
});

describe('FREE_TEXT_OPERATIONS=api-keys (the production default)', () => {
  // The fixtures sign up and create keys with text, through an API that allows it; the strict one is a
  // second API process on the same database.
  let open: TestApi;
  let strict: FastifyInstance;
  let url: string;
  let person: OrgFixture;
  let apiKey: string;
  const statements: string[] = [];

  beforeAll(async () => {
    open = await startTestApi({ onQuery: (sql) => statements.push(sql) });
    person = await signUpOrg(open, 'MINER', 'strict');
    await createSite(open, person);
    apiKey = (await createApiKey(open, person, ['SITES_READ'])).secret;
    ({ app: strict } = await buildServer({ config: loadConfig({ ...TEST_ENV, FREE_TEXT_OPERATIONS: 'api-keys' }), db: open.db, logger: createLogger('silent') }));
    url = await strict.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await strict?.close();
    await open?.close();
  });

  it('refuses text from a session and from an anonymous caller, running nothing', async () => {
    for (const caller of [person, undefined]) {
      const before = statements.length;
      const answer = await send(url, byText(SitesDocument), caller);
      expect(answer.status).toBe(403);
      expect(answer.body.data).toBeUndefined();
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
      // At most the session lookup that told who was asking; no operation ran.
      expect(statements.slice(before).every((sql) => /"Session"/.test(sql))).toBe(true);
    }
  });

  it('runs the registered document by id from the same session', async () => {
    const answer = await send(url, byDocumentId(SitesDocument), person);
    expect(answer.status).toBe(200);
    expect(siteIds(answer)).toHaveLength(1);
  });

  it('accepts an API key\'s text, including a document nobody registered', async () => {
    const answer = await send(url, { query: '{ sites(first: 5) { edges { node { id } } } }' }, { token: apiKey });
    expect(answer.status).toBe(200);
    expect(siteIds(answer)).toHaveLength(1);
  });
});
