// `npm run codegen -w @gridshare/sdk` (also run by the root `npm run docs:sdl`).
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { OUTPUT_FILE, REPO_DIR, generateClient } from './generate';

generateClient().then((content) => {
  writeFileSync(OUTPUT_FILE, content);
  process.stdout.write(`wrote ${relative(REPO_DIR, OUTPUT_FILE)}\n`);
});
