// The SDL of the modules, read from the module folders (each keeps its `.graphql` files beside its resolvers).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const MODULES_DIR = join(__dirname, '..', 'modules');

/** The SDL files of one module folder, in name order. */
export function moduleTypeDefs(module: string): string[] {
  return readdirSync(join(MODULES_DIR, module))
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(join(MODULES_DIR, module, file), 'utf8'));
}

/** The module folders that declare SDL, `common` first (it declares Query and Mutation that others extend). */
export function sdlModules(): string[] {
  return readdirSync(MODULES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && moduleTypeDefs(entry.name).length > 0)
    .map((entry) => entry.name)
    .sort((a, b) => (a === 'common' ? -1 : b === 'common' ? 1 : a.localeCompare(b)));
}

/** Every module's SDL, without loading any resolver (the resolver-types codegen reads only this). */
export function loadTypeDefs(): string[] {
  return sdlModules().flatMap(moduleTypeDefs);
}
