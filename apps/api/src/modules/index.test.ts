// A module folder with SDL but no line in modules/index.ts would have its types in the schema and no resolvers.
import { sdlModules } from '../graphql/type-defs';
import { MODULES } from '.';

it('registers every module folder that declares SDL, in the published SDL\'s order', () => {
  expect(MODULES.map((module) => module.name)).toEqual(sdlModules());
});

it('names each public query once, on a Query field of its module', () => {
  const publicFields = MODULES.flatMap((module) => Object.keys(module.publicQueries ?? {}));
  expect(new Set(publicFields).size).toBe(publicFields.length);
  for (const module of MODULES) {
    for (const field of Object.keys(module.publicQueries ?? {})) {
      expect(Object.keys(module.resolvers.Query ?? {})).toContain(field);
    }
  }
});
