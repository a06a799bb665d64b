// Resolver maps are typed from the SDL (generated/resolvers-types.ts, `npm run codegen -w @gridshare/api`):
// parents are the mapped `*Node` shapes, arguments the SDL's argument types, results checked against the
// SDL. Arguments are still parsed with zod before use (graphql/validate.ts): the SDL cannot express every rule.
export type { Resolvers } from './generated/resolvers-types';
