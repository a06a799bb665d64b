// `npm run trusted-documents -w @gridshare/api` (run by the portal's and the SDK's codegen after theirs).
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { OUTPUT_FILE, generateTrustedDocuments } from './trusted-documents-manifest';

writeFileSync(OUTPUT_FILE, generateTrustedDocuments());
process.stdout.write(`wrote ${relative(process.cwd(), OUTPUT_FILE)}\n`);
