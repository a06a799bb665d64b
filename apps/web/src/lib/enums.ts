// The portal's enums are the API's, as the SDK generates them from the published SDL: no list of our own
// to drift. A runtime list of a union's values (for a select) is checked complete at compile time.
import type { OrgKind } from '@gridshare/sdk';

export type { OrgKind };

/** `values` as a list, refused by the compiler when it misses a member of T (or holds a stranger). */
export const allOf =
  <T extends string>() =>
  <const L extends readonly T[]>(...values: L & ([T] extends [L[number]] ? unknown : 'misses a value')) =>
    values as L;

export const ORG_KINDS = allOf<OrgKind>()('MINER', 'TENANT', 'PARTNER', 'PLATFORM');
