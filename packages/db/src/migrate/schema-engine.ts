// Prisma's schema engine compiled to WASM (@prisma/schema-engine-wasm): migrations without the native
// engine download the Prisma CLI needs (see docs/prisma-offline.md).
// The package's entry does `import * as wasm from "./x.wasm"`, which Node 20 only loads with
// --experimental-wasm-modules and Jest not at all; so we instantiate the .wasm ourselves and hand it to the
// wasm-bindgen glue exactly as that entry does.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

// @types/node does not declare the WebAssembly global; this is the part we use.
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, object>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

type Glue = typeof import('@prisma/schema-engine-wasm/schema_engine_bg') & {
  __wbg_set_wasm(exports: Record<string, unknown>): void;
};

let gluePromise: Promise<Glue> | undefined;

async function loadGlue(): Promise<Glue> {
  const glue = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as Glue;
  const wasmPath = join(dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

/**
 * Opens the engine on `target` (the database migrations are applied to; an in-memory PGlite when omitted).
 * The shadow database, where the engine replays the migrations folder to diff it, is always a fresh
 * in-memory PGlite: @prisma/adapter-pg's shadow database reuses or fails to drop the main one.
 */
export async function openSchemaEngine(schemaText: string, target?: SqlDriverAdapterFactory): Promise<SchemaEngine> {
  gluePromise ??= loadGlue();
  const glue = await gluePromise;
  const main = target ?? new PrismaPGlite(new PGlite());
  const factory = bindMigrationAwareSqlAdapterFactory({
    provider: main.provider,
    adapterName: main.adapterName,
    connect: () => main.connect(),
    connectToShadowDb: () => new PrismaPGlite(new PGlite()).connect(),
  });
  return glue.SchemaEngine.new({ datamodels: [['schema.prisma', schemaText]] }, () => {}, factory);
}
