import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema as buildSdl } from 'graphql';
import { buildSchema } from './schema';
import { PUBLISHED_SDL_PATH, publishedSdl, undocumentedElements } from './schema-docs';

const schema = buildSchema();

describe('schema documentation', () => {
  it('describes every type, field, argument, enum value and input field', () => {
    // The message lists each coordinate, so a miss after a merge says exactly what to describe.
    expect(undocumentedElements(schema)).toEqual([]);
  });

  it('finds the elements a description is missing from', () => {
    const sdl = `
      "Root." type Query { "Described." a(x: Int): T b: Int }
      type T { "Described." c: Colour d: Int }
      "An enum." enum Colour { "Red." RED GREEN }
      input I { e: Int }
      extend type Query { f(i: I): Int }`;
    expect(undocumentedElements(buildSdl(sdl))).toEqual(['Colour.GREEN', 'I', 'I.e', 'Query.a(x:)', 'Query.b', 'Query.f', 'Query.f(i:)', 'T', 'T.d']);
  });

  it('keeps docs/api/schema.graphql in step with the modules (run `npm run docs:sdl`)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', '..', '..', PUBLISHED_SDL_PATH), 'utf8');
    expect(committed).toBe(publishedSdl(schema));
  });
});
