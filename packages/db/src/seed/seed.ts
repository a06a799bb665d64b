// Seeds the demo marketplace in one transaction, so a failure leaves nothing half-written. Idempotent: rows
// have deterministic ids, a re-run writes only what is missing or drifted, and existing users keep their
// password hashes (and the hashprice index its uploaded days).
import type { AppPrisma, AppTx } from '../client';
import { hashPassword } from '../credentials';
import {
  DEMO_API_KEY_SECRET,
  DEMO_DATA,
  DEMO_LOGINS,
  DEMO_PASSWORD,
  PLATFORM_ORG_ID,
  type DemoLogin,
  type HashpriceIndexDayRow,
  type SeedTable,
} from './demo-data';
import { asCreated, seeded, syncRows, type SyncCounts } from './sync-rows';

export {
  DEMO_API_KEY_SCOPES,
  DEMO_API_KEY_SECRET,
  DEMO_DATA,
  DEMO_LOGINS,
  DEMO_PASSWORD,
  PLATFORM_ORG_ID,
  SEED_TABLES,
  stableUuid,
  type DemoData,
  type DemoLogin,
  type SeedTable,
} from './demo-data';
export type { SyncCounts } from './sync-rows';

export interface SeedSummary {
  /** Demo rows per table; all of them are in the database after the seed. */
  counts: Record<SeedTable, number>;
  /** What this run wrote: all zeros when the demo was already in place and unchanged. */
  changes: Record<SeedTable, SyncCounts>;
  logins: readonly DemoLogin[];
  password: string;
  apiKeySecret: string;
}

// Hashing the demo password (scrypt, once per run) happens inside the transaction.
const TRANSACTION = { timeout: 120_000, maxWait: 10_000 };

export async function seedDemo(prisma: AppPrisma): Promise<SeedSummary> {
  const changes = await prisma.$transaction((tx) => writeDemo(tx), TRANSACTION);
  const { organizations, users, memberships, apiKeys, sites, capacityBlocks, colocationRequests, hashpriceIndexDays, hostingOffers, hostingRequests } = DEMO_DATA;
  return {
    counts: {
      organizations: organizations.length,
      users: users.length,
      memberships: memberships.length,
      apiKeys: apiKeys.length,
      sites: sites.length,
      capacityBlocks: capacityBlocks.length,
      colocationRequests: colocationRequests.length,
      hashpriceIndexDays: hashpriceIndexDays.length,
      hostingOffers: hostingOffers.length,
      hostingRequests: hostingRequests.length,
    },
    changes,
    logins: DEMO_LOGINS,
    password: DEMO_PASSWORD,
    apiKeySecret: DEMO_API_KEY_SECRET,
  };
}

/** True once the demo has been seeded (the platform organisation's deterministic id exists). */
export async function hasDemoData(prisma: AppPrisma): Promise<boolean> {
  const platform = await prisma.organization.findUnique({ where: { id: PLATFORM_ORG_ID }, select: { id: true } });
  return platform !== null;
}

const byIds = (rows: readonly { id: string }[]) => ({ id: { in: rows.map((row) => row.id) } });

/**
 * Index days the database lacks, in one statement. A day it has keeps its value, unlike other demo rows: a
 * real upload (platform admin, data partner) wins over the synthetic demo year.
 */
async function insertMissingIndexDays(tx: AppTx, rows: readonly HashpriceIndexDayRow[]): Promise<SyncCounts> {
  const stored = await tx.hashpriceIndexDay.findMany({ where: { day: { in: rows.map((row) => row.day) } }, select: { day: true } });
  const present = new Set(stored.map((row) => row.day.getTime()));
  const missing = rows.filter((row) => !present.has(row.day.getTime()));
  if (missing.length > 0) await tx.hashpriceIndexDay.createMany({ data: missing.map(asCreated) });
  return { created: missing.length, updated: 0 };
}

async function writeDemo(tx: AppTx): Promise<Record<SeedTable, SyncCounts>> {
  const { organizations, users, memberships, apiKeys, sites, capacityBlocks, colocationRequests, hashpriceIndexDays, hostingOffers, hostingRequests } = DEMO_DATA;
  // The demo password is public (the sign-in page shows it): one hash at full cost serves every new demo
  // person of this run, rather than one 0.3 s scrypt each.
  let demoHash: Promise<string> | undefined;
  const demoPasswordHash = () => (demoHash ??= hashPassword(DEMO_PASSWORD));
  // Properties are evaluated in order: parents are written before the rows that reference them.
  return {
    organizations: await syncRows({
      rows: organizations,
      stored: await tx.organization.findMany({ where: byIds(organizations) }),
      write: (row) => tx.organization.upsert({ where: { id: row.id }, create: asCreated(row), update: seeded(row) }),
    }),
    users: await syncRows({
      rows: users,
      stored: await tx.user.findMany({ where: byIds(users) }),
      // Only a new user gets a hash: an existing one keeps whatever password it has now.
      write: async (row, exists) =>
        exists
          ? tx.user.update({ where: { id: row.id }, data: seeded(row) })
          : tx.user.create({ data: { ...asCreated(row), passwordHash: await demoPasswordHash() } }),
    }),
    memberships: await syncRows({
      rows: memberships,
      stored: await tx.membership.findMany({ where: { userId: { in: users.map((user) => user.id) } } }),
      // A membership is one per (org, user), whatever id it was created with.
      keyOf: (row) => `${String(row['orgId'])}/${String(row['userId'])}`,
      write: (row) =>
        tx.membership.upsert({
          where: { orgId_userId: { orgId: row.orgId, userId: row.userId } },
          create: row,
          update: { role: row.role },
        }),
    }),
    apiKeys: await syncRows({
      rows: apiKeys,
      stored: await tx.apiKey.findMany({ where: byIds(apiKeys) }),
      write: (row) => tx.apiKey.upsert({ where: { id: row.id }, create: row, update: seeded(row) }),
    }),
    sites: await syncRows({
      rows: sites,
      stored: await tx.site.findMany({ where: byIds(sites) }),
      write: (row) => tx.site.upsert({ where: { id: row.id }, create: asCreated(row), update: seeded(row) }),
    }),
    capacityBlocks: await syncRows({
      rows: capacityBlocks,
      stored: await tx.capacityBlock.findMany({ where: byIds(capacityBlocks) }),
      write: (row) => tx.capacityBlock.upsert({ where: { id: row.id }, create: asCreated(row), update: seeded(row) }),
    }),
    colocationRequests: await syncRows({
      rows: colocationRequests,
      stored: await tx.colocationRequest.findMany({ where: byIds(colocationRequests) }),
      write: (row) =>
        tx.colocationRequest.upsert({ where: { id: row.id }, create: asCreated(row), update: seeded(row) }),
    }),
    hashpriceIndexDays: await insertMissingIndexDays(tx, hashpriceIndexDays),
    hostingOffers: await syncRows({
      rows: hostingOffers,
      stored: await tx.hostingOffer.findMany({ where: byIds(hostingOffers) }),
      write: (row) => tx.hostingOffer.upsert({ where: { id: row.id }, create: asCreated(row), update: seeded(row) }),
    }),
    hostingRequests: await syncRows({
      rows: hostingRequests,
      stored: await tx.hostingRequest.findMany({ where: byIds(hostingRequests) }),
      write: (row) => tx.hostingRequest.upsert({ where: { id: row.id }, create: asCreated(row), update: seeded(row) }),
    }),
  };
}
