export { createDatabase, type AppPrisma, type AppTx, type Database, type DatabaseOptions } from './client';
export { applyMigrations, createMigration, diffSchemaAgainstMigrations } from './migrate/migrate';
export { APP_ROLE, scopedWhere, withOrg, type OrgScope, type ScopeOptions } from './tenancy/with-org';
export { UnscopedQueryError } from './tenancy/refuse-unscoped';
export * from './credentials';
export { Prisma } from './generated/prisma/client';
export type * from './generated/prisma/client';
export * from './generated/prisma/enums';
export { DEFAULT_DATA_DIR, REPO_ROOT } from './paths';
