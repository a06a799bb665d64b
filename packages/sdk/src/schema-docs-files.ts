// Reads docs/api (the published SDL and the example operations) into the schema docs model, in Node.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type SchemaDocs, buildSchemaDocs } from './schema-docs';

/** docs/api of this repository; pass another directory when the files are copied elsewhere. */
export const API_DOCS_DIR = join(__dirname, '..', '..', '..', 'docs', 'api');

export function loadSchemaDocs(apiDocsDir: string = API_DOCS_DIR): SchemaDocs {
  const examplesDir = join(apiDocsDir, 'examples');
  const examples = readdirSync(examplesDir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({ file: `examples/${file}`, source: readFileSync(join(examplesDir, file), 'utf8') }));
  return buildSchemaDocs(readFileSync(join(apiDocsDir, 'schema.graphql'), 'utf8'), examples);
}
