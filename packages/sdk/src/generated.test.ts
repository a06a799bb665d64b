// The generated client is committed (CI never runs codegen); this fails when it no longer matches the
// published SDL or the operation files. Fix: `npm run docs:sdl` (regenerates both).
import { readFileSync } from 'node:fs';
import { OUTPUT_FILE, generateClient } from '../codegen/generate';

it('keeps src/generated/graphql.ts in step with the schema and operations', async () => {
  expect(readFileSync(OUTPUT_FILE, 'utf8')).toBe(await generateClient());
});
