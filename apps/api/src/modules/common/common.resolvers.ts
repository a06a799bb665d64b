import { DateResolver } from 'graphql-scalars';
import type { Resolvers } from '../../graphql/resolvers';
import { DateTimeScalar } from './date-time';

export const API_VERSION = '0.1.0';

export const commonResolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Date: DateResolver,
  Query: {
    apiVersion: () => API_VERSION,
  },
  Mutation: {
    _noop: () => null,
  },
};
