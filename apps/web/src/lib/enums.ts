// The portal's enums are the API's, as codegen writes them from the published SDL (src/generated/graphql.ts):
// no list of our own to drift. A runtime list of a union's values (for a select) is checked complete at compile time.
import type { OrgKind } from '@/generated/graphql';

export type { OrgKind };

/** `values` as a list, refused by the compiler when it misses a member of T (or holds a stranger). */
export const allOf =
  <T extends string>() =>
  <const L extends readonly T[]>(...values: L & ([T] extends [L[number]] ? unknown : 'misses a value')) =>
    values as L;

export const ORG_KINDS = allOf<OrgKind>()('MINER', 'TENANT', 'PARTNER', 'PLATFORM');
