// @gridshare/sdk: the typed partner client. Operations and their types are generated from the published SDL
// (docs/api/schema.graphql) and the operation files (docs/api/examples, src/operations).
export * from './client';
export * from './documents';
export * from './generated/error-codes';
export * from './generated/graphql';
export * from './metering';
export * from './meter-readings-csv';
export * from './hosting-readings-csv';
export * from './series-csv';
