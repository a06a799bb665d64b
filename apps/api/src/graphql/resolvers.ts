// Resolver maps are plain objects keyed by type and field; arguments arrive unvalidated (`unknown`) and
// every resolver parses them with zod before use (graphql/validate.ts).
import type { GraphQLScalarType } from 'graphql';
import type { ApiContext } from '../context';

// The parent is whatever the parent resolver returned; each module knows its own shapes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parents differ per type; narrowed in each module
type Parent = any;
export type Resolver = (parent: Parent, args: Record<string, unknown>, ctx: ApiContext) => unknown;
/** Type name → field resolvers; a scalar's implementation; or an enum's name → internal value map. */
export type Resolvers = Record<string, GraphQLScalarType | Record<string, Resolver> | Record<string, string>>;
