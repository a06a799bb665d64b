// graphql-jit must give exactly the answers graphql-js gives: data, errors, codes, enums, scalars.
import { ApolloServer } from '@apollo/server';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { DateTimeResolver } from 'graphql-scalars';
import { appError } from '../errors/domain-errors';
import { formatError } from './error-format';
import { localGateway } from './jit-executor';
import { buildSchema } from './schema';

const testSchema = makeExecutableSchema({
  typeDefs: /* GraphQL */ `
    scalar DateTime
    enum Tier { AI_READY MINING_ONLY }
    interface Named { name: String! }
    type Site implements Named { id: ID!, name: String!, mw: Float!, tier: Tier!, liveAt: DateTime, tags: [String!]! }
    input SiteFilter { minMw: Float, tier: Tier }
    type Query {
      sites(filter: SiteFilter, first: Int = 2): [Site!]!
      named: [Named!]!
      broken: Site
      nonNull: Site!
      slow: Int!
    }
  `,
  resolvers: {
    DateTime: DateTimeResolver,
    Tier: { AI_READY: 'ai', MINING_ONLY: 'mining' },
    Named: { __resolveType: () => 'Site' },
    Query: {
      sites: (_: unknown, args: { filter?: { minMw?: number; tier?: string }; first: number }) =>
        [
          { id: 'a', name: 'Alpha', mw: 200, tier: 'ai', liveAt: new Date('2026-01-01T00:00:00Z'), tags: ['x'] },
          { id: 'b', name: 'Beta', mw: 30, tier: 'mining', liveAt: null, tags: [] },
          { id: 'c', name: 'Gamma', mw: 90.5, tier: 'ai', liveAt: null, tags: ['y', 'z'] },
        ]
          .filter((s) => (args.filter?.minMw ?? 0) <= s.mw && (!args.filter?.tier || args.filter.tier === s.tier))
          .slice(0, args.first),
      named: () => [{ id: 'a', name: 'Alpha', mw: 1, tier: 'ai', tags: [] }],
      broken: () => {
        throw appError('NOT_FOUND', 'Site x not found.');
      },
      nonNull: () => null,
      slow: async () => 42,
    },
  },
});

const operations: [string, Record<string, unknown>?][] = [
  ['{ sites { id name mw tier liveAt tags } }'],
  ['query ($f: SiteFilter, $n: Int) { sites(filter: $f, first: $n) { id mw tier } }', { f: { minMw: 50, tier: 'AI_READY' }, n: 5 }],
  ['{ a: sites(first: 1) { ...F } b: sites(first: 3) { ...F } } fragment F on Site { name __typename }'],
  ['{ named { name ... on Site { mw } } }'],
  ['{ broken { id } slow }'],
  ['{ nonNull { id } }'],
  ['query ($n: Int) { sites(first: $n) { id } }', { n: 'three' }],
];

async function runAll(schema = testSchema, ops = operations, format?: ReturnType<typeof formatError>) {
  const results: Record<'jit' | 'graphql-js', unknown[]> = { jit: [], 'graphql-js': [] };
  for (const engine of ['jit', 'graphql-js'] as const) {
    const server = new ApolloServer({ gateway: localGateway(schema, engine), includeStacktraceInErrorResponses: false, formatError: format });
    await server.start();
    for (const [query, variables] of ops) {
      const response = await server.executeOperation({ query, variables });
      results[engine].push(response.body.kind === 'single' ? response.body.singleResult : null);
    }
    await server.stop();
  }
  return results;
}

describe('jit executor', () => {
  it('answers every test operation exactly as graphql-js does', async () => {
    const results = await runAll();
    // The last operation's variable error is worded slightly differently (checked below).
    expect(results.jit.slice(0, -1)).toEqual(results['graphql-js'].slice(0, -1));
    expect(results.jit[5]).toMatchObject({ errors: [{ message: 'Cannot return null for non-nullable field Query.nonNull.', path: ['nonNull'] }] });
    // And the answers are real answers, not two identical failures.
    expect(results.jit[1]).toEqual({ data: { sites: [{ id: 'a', mw: 200, tier: 'AI_READY' }, { id: 'c', mw: 90.5, tier: 'AI_READY' }] } });
    expect(results.jit[4]).toMatchObject({ data: { broken: null, slow: 42 }, errors: [{ message: 'Site x not found.' }] });
  });

  it('maps a domain error thrown by a resolver to its code, message and location under both engines', async () => {
    const results = await runAll(testSchema, [operations[4]!], formatError({ internal: () => {}, busy: () => {} }));
    expect(results.jit).toEqual(results['graphql-js']);
    expect(results.jit[0]).toEqual({ data: { broken: null, slow: 42 }, errors: [{ message: 'Site x not found.', locations: [{ line: 1, column: 3 }], path: ['broken'], extensions: { code: 'NOT_FOUND' } }] });
  });

  it('marks variables that do not fit their types as BAD_USER_INPUT', async () => {
    const results = await runAll();
    for (const engine of ['jit', 'graphql-js'] as const) {
      expect(results[engine][6]).toMatchObject({ errors: [{ message: expect.stringMatching(/\$n.*three/), extensions: { code: 'BAD_USER_INPUT' } }] });
      expect(results[engine][6]).not.toHaveProperty('data');
    }
  });

  it('agrees on the API schema for calls that need no database', async () => {
    const apiOps: [string][] = [['{ apiVersion }'], ['{ me { role } }'], ['{ __type(name: "ApiScope") { enumValues { name } } }']];
    const results = await runAll(buildSchema(), apiOps);
    expect(results.jit).toEqual(results['graphql-js']);
    expect(results.jit[1]).toEqual({ data: { me: null } });
  });
});
