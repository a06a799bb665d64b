// The query of docs/performance.md over 20 in-memory sites, so our server stack (Fastify, Apollo, Armor,
// the executor) can be measured against raw node:http without a database in the way.
import { createHash } from 'node:crypto';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from '../src/graphql/schema';

export const BENCH_QUERY = '{ sites(first: 20) { id name mw score } }';
/** Its trusted-document id (hex SHA-256 of the text), as a client sends it instead of the text. */
export const BENCH_QUERY_ID = createHash('sha256').update(BENCH_QUERY).digest('hex');

export const SITES = Array.from({ length: 20 }, (_, i) => ({
  id: `site-${i + 1}`,
  name: `Site ${i + 1}`,
  mw: 20 + i * 29,
  score: Math.round((40 + ((i * 37) % 60)) * 10) / 10,
}));

/** The JSON every server must answer with (the raw server sends exactly this). */
export const EXPECTED_BODY = JSON.stringify({ data: { sites: SITES } });

export const memorySchema = makeExecutableSchema({
  typeDefs: /* GraphQL */ `
    type Site { id: ID!, name: String!, mw: Float!, score: Float! }
    type Query { sites(first: Int = 20): [Site!]! }
  `,
  resolvers: { Query: { sites: (_: unknown, args: { first: number }) => SITES.slice(0, args.first) } },
});

/**
 * The API's own schema with searchCapacity answering 20 fixed listings: what Apollo's pipeline (parse
 * cache, validation, Armor, execution, serialisation) costs for a search-sized answer with no database.
 */
export function searchStubSchema(): GraphQLSchema {
  const schema = buildSchema();
  const edges = Array.from({ length: 20 }, (_, i) => ({
    cursor: `cursor-${i}`,
    node: {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      kind: 'COLOCATION',
      mw: 50 + i,
      firmMw: 50 + i,
      interruptibleMw: 0,
      availableFrom: new Date(Date.UTC(2025, 0, 1 + i)),
      priceUsdPerKwMonth: 120 + i,
      minTermMonths: 36,
      site: { id: `site-${i}`, region: 'Texas', gridOperator: 'ERCOT', readinessScore: 70 + i / 2 },
    },
  }));
  // Counts are functions, as the real resolver returns them (counted only when asked).
  const answer = { edges, pageInfo: { hasNextPage: true, endCursor: 'cursor-19' }, totalCount: async () => 1000, totalCountIsExact: async () => false };
  schema.getQueryType()!.getFields().searchCapacity!.resolve = () => answer;
  return schema;
}
