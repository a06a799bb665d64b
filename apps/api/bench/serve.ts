// One server under test, in its own process so the load generator does not share its event loop.
//   raw          node:http answering the fixed JSON (the ceiling of this machine)
//   jit | graphql-js   our server stack over in-memory data, with that executor
//   search-stub  our server stack with searchCapacity answering fixed listings (no database, no response cache)
//   db           the real API on DATABASE_URL (demo data seeded)
// Prints `listening <url>` when ready.
import { createServer } from 'node:http';
import { applyMigrations, createDatabase, hasDemoData, seedDemo } from '@gridshare/db';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { readTrustedDocuments } from '../src/graphql/trusted-documents';
import { buildServer } from '../src/server';
import { BENCH_QUERY, BENCH_QUERY_ID, EXPECTED_BODY, memorySchema, searchStubSchema } from './memory-schema';

// With an IPC channel (the soak), report this process's memory on request, after a full GC when exposed.
// The soak's process is gone (even if it crashed): nobody will stop this server, so it stops itself.
process.on('disconnect', () => process.exit(0));
process.on('message', (message) => {
  if (message !== 'memory') return;
  globalThis.gc?.();
  process.send?.({ memory: process.memoryUsage() });
});

async function main(kind: string) {
  if (kind === 'raw') {
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        response.end(EXPECTED_BODY);
      });
    });
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address && typeof address === 'object') console.log(`listening http://127.0.0.1:${address.port}`);
    });
    return;
  }
  // Limits far above what the load generator sends: the benchmarks measure throughput, limiter included.
  const unlimited = '1000000000';
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    // The benchmark sends no webhooks; production mode merely requires a key.
    WEBHOOK_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
    RATE_LIMIT_FREE_PER_MINUTE: unlimited,
    RATE_LIMIT_PRO_PER_MINUTE: unlimited,
    RATE_LIMIT_API_PER_MINUTE: unlimited,
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: unlimited,
    // The benchmarks send document text, anonymously and signed in, as they did before trusted documents.
    FREE_TEXT_OPERATIONS: 'everyone',
  });
  const logger = createLogger('silent');
  if (kind === 'db') {
    const db = createDatabase({ url: process.env.DATABASE_URL, poolMax: 10 });
    await applyMigrations(db.migrationTarget());
    if (!(await hasDemoData(db.prisma))) await seedDemo(db.prisma);
    const { app } = await buildServer({ config, db, logger });
    console.log(`listening ${await app.listen({ host: '127.0.0.1', port: 0 })}`);
    return;
  }
  if (kind !== 'jit' && kind !== 'graphql-js' && kind !== 'search-stub') throw new Error(`unknown server kind ${kind}`);
  // No database is touched: the schema is in memory and every caller is anonymous. The embedded database
  // still starts in the background (PGlite's initdb: seconds of CPU on the event loop), so it is awaited
  // before listening, or it would run during the warm-up and the measured seconds.
  const db = createDatabase({ dataDir: 'memory://' });
  await db.ping();
  const stub = kind === 'search-stub';
  const { app } = await buildServer({
    // The stub measures Apollo itself, so nothing may be answered from the response cache.
    config: stub ? { ...config, RESPONSE_CACHE_TTL_MS: 0 } : config,
    db,
    logger,
    engine: stub ? 'jit' : kind,
    schema: stub ? searchStubSchema() : memorySchema,
    principalFor: async () => null,
    // The bench query is registered like the portal's operations, so it can also be sent by id.
    trustedDocuments: new Map([...readTrustedDocuments(), [BENCH_QUERY_ID, BENCH_QUERY]]),
  });
  console.log(`listening ${await app.listen({ host: '127.0.0.1', port: 0 })}`);
}

main(process.argv[2] ?? '').catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
