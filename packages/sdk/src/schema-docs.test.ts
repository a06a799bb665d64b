import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { buildSchemaDocs } from './schema-docs';
import { API_DOCS_DIR, loadSchemaDocs } from './schema-docs-files';

describe('schema docs model', () => {
  const docs = loadSchemaDocs();

  it('reads every example: one named operation, valid against the published schema, with JSON variables', () => {
    const schema = buildSchema(readFileSync(join(API_DOCS_DIR, 'schema.graphql'), 'utf8'));
    expect(docs.examples.map((example) => example.name)).toEqual([
      'SignIn',
      'CreateApiKey',
      'SearchCapacity',
      'CreateColocationRequest',
      'RunMatching',
      'Matches',
      'ProposeDeal',
      'AcceptDeal',
      'SignDeal',
      'Statements',
      'AgreeStatement',
    ]);
    for (const example of docs.examples) {
      expect([example.file, validate(schema, parse(example.operation)).map((error) => error.message)]).toEqual([example.file, []]);
      expect(example.description).not.toBe('');
      expect(example.variables).not.toBeNull();
    }
  });

  it('describes root fields with their arguments, defaults and the examples that call them', () => {
    const search = docs.queries.find((field) => field.name === 'searchCapacity');
    expect(search).toMatchObject({ coordinate: 'Query.searchCapacity', type: { text: 'CapacityListingConnection!', named: 'CapacityListingConnection' }, examples: ['SearchCapacity'] });
    expect(search?.args.find((arg) => arg.name === 'sort')).toMatchObject({ defaultValue: 'PRICE_ASC', type: { named: 'CapacitySort' } });
    expect(docs.mutations.find((field) => field.name === 'acceptDeal')?.examples).toEqual(['AcceptDeal']);
    expect(docs.queries.find((field) => field.name === 'statements')?.examples).toEqual(['Statements']);
    // Every element the portal shows carries a description (the API's unit test guarantees it at the source).
    for (const field of [...docs.queries, ...docs.mutations, ...docs.types.flatMap((type) => type.fields)]) {
      expect([field.coordinate, field.description === '']).toEqual([field.coordinate, false]);
    }
  });

  it('models each kind of type, leaving Query and Mutation to their own lists', () => {
    const sdl = `
      "R." type Query { "A." a(x: Int = 3): [T!] }
      "T." type T { "B." b: E @deprecated(reason: "gone") }
      "E." enum E { "One." ONE }
      "U." union U = T
      "I." input I { "C." c: String = "x" }`;
    const model = buildSchemaDocs(sdl, [{ file: 'q.graphql', source: '# Reads a.\n# Variables: { "x": 1 }\nquery Q($x: Int) { a(x: $x) { b } }' }]);
    expect(model.types.map((type) => [type.name, type.kind])).toEqual([
      ['E', 'ENUM'],
      ['I', 'INPUT_OBJECT'],
      ['T', 'OBJECT'],
      ['U', 'UNION'],
    ]);
    expect(model.queries[0]).toMatchObject({ args: [{ name: 'x', defaultValue: '3', type: { text: 'Int', named: 'Int' } }], type: { text: '[T!]', named: 'T' }, examples: ['Q'] });
    expect(model.types.find((type) => type.name === 'T')?.fields[0]).toMatchObject({ deprecationReason: 'gone', type: { named: 'E' } });
    expect(model.types.find((type) => type.name === 'U')?.possibleTypes).toEqual(['T']);
    expect(model.types.find((type) => type.name === 'I')?.fields[0]?.args).toEqual([]);
    expect(model.examples[0]).toMatchObject({ description: 'Reads a.', variables: { x: 1 }, rootFields: ['Query.a'], kind: 'query' });
  });

  it('names the file whose Variables comment is not JSON', () => {
    expect(() => buildSchemaDocs('type Query { a: Int }', [{ file: 'bad.graphql', source: '# Variables: { x }\nquery B { a }' }])).toThrow(/bad\.graphql: the Variables comment is not JSON/);
  });
});
