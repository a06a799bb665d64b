// `npm run codegen -w @gridshare/api` (also run by the root `npm run docs:sdl`).
import { writeFileSync } from 'node:fs';
import { OUTPUT_FILE, generateResolverTypes } from './resolver-types';

generateResolverTypes().then((content) => {
  writeFileSync(OUTPUT_FILE, content);
  process.stdout.write(`wrote ${OUTPUT_FILE}\n`);
});
