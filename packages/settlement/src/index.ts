// @gridshare/settlement: the pure monthly settlement of a deal (docs/settlement.md).
export type * from './types.js';
