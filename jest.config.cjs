// Two projects, told apart by file name (see docs/testing.md):
//   *.test.ts      pure unit tests, no I/O, run in parallel
//   *.int.test.ts  against a real database (PostgreSQL when DATABASE_URL is set, PGlite otherwise)
//   *.e2e.test.ts  the built portal and the API in Debian's chromium (apps/web/e2e; run in band)
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
  ],
};
// Prisma's generated client imports siblings with `.js` extensions.
const moduleNameMapper = { '^(\\.{1,2}/.*)\\.js$': '$1' };
const testPathIgnorePatterns = ['/node_modules/', '/.next/', '/dist/'];
// Jest runs CommonJS, so ESM-only dependencies are transformed too: Prisma's WASM schema engine glue, and
// auto-bind (graphql-codegen's visitors, used by the SDK's codegen drift test).
const transformIgnorePatterns = ['/node_modules/(?!(@prisma/schema-engine-wasm|auto-bind)/)'];

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,packages}/*/src/**/*.test.ts'],
      testPathIgnorePatterns: [...testPathIgnorePatterns, '\\.int\\.test\\.ts$'],
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
      testEnvironment: 'node',
    },
    {
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,packages}/*/src/**/*.int.test.ts'],
      testPathIgnorePatterns,
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
      testEnvironment: 'node',
      setupFilesAfterEnv: ['<rootDir>/packages/db/src/testing/jest-integration-setup.ts'],
      globalSetup: '<rootDir>/packages/db/src/testing/global-setup.ts',
      globalTeardown: '<rootDir>/packages/db/src/testing/global-teardown.ts',
    },
    {
      displayName: 'e2e',
      testMatch: ['<rootDir>/apps/web/e2e/**/*.e2e.test.ts'],
      testPathIgnorePatterns,
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
      testEnvironment: 'node',
      setupFilesAfterEnv: ['<rootDir>/apps/web/e2e/setup.ts'],
      globalSetup: '<rootDir>/apps/web/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/apps/web/e2e/global-teardown.ts',
    },
  ],
};
