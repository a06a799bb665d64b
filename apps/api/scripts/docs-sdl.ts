// `npm run docs:sdl`: writes the published SDL (docs/api/schema.graphql), which the SDK's codegen and the
// portal's docs page read. A unit test fails while the committed file is stale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from '../src/graphql/schema';
import { PUBLISHED_SDL_PATH, publishedSdl } from '../src/graphql/schema-docs';

const target = join(__dirname, '..', '..', '..', PUBLISHED_SDL_PATH);
writeFileSync(target, publishedSdl(buildSchema()));
process.stdout.write(`wrote ${PUBLISHED_SDL_PATH}\n`);
