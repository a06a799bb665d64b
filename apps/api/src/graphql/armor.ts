// The operation limits (GraphQL Armor), apart from the server so that tests can hold documents against
// them without starting one: limits.int.test.ts over HTTP, operation-limits.test.ts for every operation the
// portal and the SDK send.
import { ApolloArmor } from '@escape.tech/graphql-armor';

/** GraphQL Armor's defaults, written out so the limits are visible and tested (limits.int.test.ts). */
export const LIMITS = { maxDepth: 6, maxAliases: 15, costLimit: 5000, maxDirectives: 50, maxTokens: 1000 } as const;

/** The Apollo plugins and validation rules that enforce LIMITS (the token limit is the parser's, in server.ts). */
export function armorProtection() {
  return new ApolloArmor({
    // Depth is the answer's nesting: a fragment spread is not a level of its own (else the portal's shared row
    // fragments would cost one), and the fragment's fields still count where they land.
    maxDepth: { n: LIMITS.maxDepth, flattenFragments: true },
    maxAliases: { n: LIMITS.maxAliases },
    // Likewise for cost: a spread does not multiply its fragment by another level's factor.
    costLimit: { maxCost: LIMITS.costLimit, flattenFragments: true },
    maxDirectives: { n: LIMITS.maxDirectives },
    // Armor's token plugin parses in an Apollo hook, where any syntax error (or the limit itself) becomes an
    // HTTP 500; graphql-js's own parser limit (parseOptions in server.ts) answers 400 GRAPHQL_PARSE_FAILED instead.
    maxTokens: { enabled: false },
    // Apollo's hideSchemaDetailsFromClientErrors does this in production without a per-response plugin.
    blockFieldSuggestion: { enabled: false },
  }).protect();
}
