// The portal's operation types are committed (CI never runs codegen); this fails when they no longer match
// the published SDL or the .graphql files beside the pages. Fix: `npm run codegen -w @gridshare/web`.
import { readFileSync } from 'node:fs';
import { OUTPUT_FILE, generatePortalOperations } from '../../codegen/generate';

it('keeps src/generated/graphql.ts in step with the schema and the portal\'s operation files', async () => {
  expect(readFileSync(OUTPUT_FILE, 'utf8')).toBe(await generatePortalOperations());
});
