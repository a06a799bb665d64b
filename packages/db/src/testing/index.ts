export { createTestDatabase, onPostgres, type TestDatabase } from './test-database';
export { adminQuery, withDatabaseName } from './template';
