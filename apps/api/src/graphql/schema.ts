// The executable schema: every registered module's SDL and resolver map (modules/index.ts), merged.
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { resolvers, typeDefs } from '../modules';

export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: typeDefs(), resolvers });
}
