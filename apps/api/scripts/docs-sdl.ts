// `npm run docs:sdl`: writes the published SDL (docs/api/schema.graphql), which the SDK's codegen and the
// portal's docs page read, and publishes the error codes (errors/publish-error-codes.ts). A unit test fails while the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_README_FILE, SDK_ERROR_CODES_FILE, sdkErrorCodesSource, withErrorTable } from '../src/errors/publish-error-codes';
import { buildSchema } from '../src/graphql/schema';
import { PUBLISHED_SDL_PATH, publishedSdl } from '../src/graphql/schema-docs';

const target = join(__dirname, '..', '..', '..', PUBLISHED_SDL_PATH);
writeFileSync(target, publishedSdl(buildSchema()));
process.stdout.write(`wrote ${PUBLISHED_SDL_PATH}\n`);

writeFileSync(SDK_ERROR_CODES_FILE, sdkErrorCodesSource());
writeFileSync(API_README_FILE, withErrorTable(readFileSync(API_README_FILE, 'utf8')));
process.stdout.write('wrote packages/sdk/src/generated/error-codes.ts and the error table of docs/api/README.md\n');
