export { createTestDatabase, type TestDatabase } from './test-database';
export { adminQuery, onPostgres, withDatabaseName } from './template';
