// The resolver types are committed (CI never runs codegen); this fails when they no longer match the
// modules' SDL or the mappers. Fix: `npm run codegen -w @gridshare/api` (the root `npm run docs:sdl` runs it too).
import { readFileSync } from 'node:fs';
import { OUTPUT_FILE, generateResolverTypes } from '../../scripts/resolver-types';

it('keeps generated/resolvers-types.ts in step with the modules\' SDL', async () => {
  expect(readFileSync(OUTPUT_FILE, 'utf8')).toBe(await generateResolverTypes());
});
