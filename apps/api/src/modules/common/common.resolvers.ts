import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import type { Resolvers } from '../../graphql/resolvers';

export const API_VERSION = '0.1.0';

export const commonResolvers: Resolvers = {
  DateTime: DateTimeResolver,
  Date: DateResolver,
  Query: {
    apiVersion: () => API_VERSION,
  },
  Mutation: {
    _noop: () => null,
  },
};
