// Test helpers other workspaces (the worker's tests) use against a real API.
export * from './expect-code';
export * from './fixtures';
export * from './hosting-fixtures';
export * from './settlement-fixtures';
export * from './test-api';
// A second API process on a test's database (e.g. one whose Redis is down).
export { buildServer } from '../server';
