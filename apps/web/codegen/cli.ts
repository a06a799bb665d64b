// `npm run codegen -w @gridshare/web` (also run by the root `npm run docs:sdl`).
import { writeFileSync } from 'node:fs';
import { OUTPUT_FILE, generatePortalOperations } from './generate';

generatePortalOperations().then((content) => {
  writeFileSync(OUTPUT_FILE, content);
  process.stdout.write(`wrote apps/web/src/generated/graphql.ts\n`);
});
