// The query of docs/performance.md over 20 in-memory sites, so our server stack (Fastify, Apollo, Armor,
// the executor) can be measured against raw node:http without a database in the way.
import { makeExecutableSchema } from '@graphql-tools/schema';

export const BENCH_QUERY = '{ sites(first: 20) { id name mw score } }';

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
