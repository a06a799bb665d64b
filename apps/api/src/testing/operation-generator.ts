// Random GraphQL operations over the schema, valid and invalid, for the property test of the HTTP API:
// random root fields, arguments (right and wrong types, known ids), selections of random depth (past the
// depth limit too), variables with right and wrong JSON, unknown fields and truncated text.
import fc, { type GeneratorValue } from 'fast-check';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';

export interface GeneratedOperation {
  query: string;
  variables: Record<string, unknown>;
}

export interface GeneratorOptions {
  /** Real ids of the test's data: an ID argument is sometimes one of them, so resolvers get past NOT_FOUND. */
  knownIds: string[];
  /** Root fields never generated (e.g. signOut, which would end the caller's session mid-run). */
  excludedRootFields: string[];
}

const TEXT = fc.string({ unit: fc.constantFrom(...'abcdefxyz ABC0129-_.éü€'.split('')), maxLength: 24 });
const DATE = fc.date({ min: new Date('2020-01-01'), max: new Date('2040-12-31'), noInvalidDate: true });

/** A JSON value no input type accepts in that position. */
const WRONG_JSON = fc.constantFrom<unknown>('not-a-number', 12345, -1, true, [], {}, { nested: [1] }, 1.5, '');

export function generateOperation(schema: GraphQLSchema, g: GeneratorValue, options: GeneratorOptions): GeneratedOperation {
  const chance = (percent: number) => g(fc.integer, { min: 0, max: 99 }) < percent;
  // Most operations are well-formed, so they reach the resolvers; the rest carry deliberate mistakes.
  const noisy = chance(35);
  const mistake = (percent: number) => noisy && chance(percent);
  const pick = <T>(items: readonly T[]): T => items[g(fc.nat, { max: items.length - 1 })]!;
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];

  function scalarValue(name: string): unknown {
    switch (name) {
      case 'Int':
        return g(() => fc.oneof(fc.integer({ min: -5, max: 500 }), fc.integer()));
      case 'Float':
        return g(() => fc.oneof(fc.integer({ min: -1000, max: 100_000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })));
      case 'Boolean':
        return g(fc.boolean);
      case 'ID':
        return chance(40) ? pick(options.knownIds) : g(() => fc.oneof(fc.uuid(), TEXT));
      case 'Date':
        return mistake(20) ? g(() => TEXT) : g(() => DATE).toISOString().slice(0, 10);
      case 'DateTime':
        return mistake(20) ? g(() => TEXT) : g(() => DATE).toISOString();
      case 'JSON':
        return chance(50) ? {} : g(fc.dictionary, fc.constantFrom('site', 'aiLoad', 'mining', 'week', 'bogus'), fc.oneof(fc.integer(), TEXT, fc.constant({})), { maxKeys: 3 });
      default:
        return g(() => TEXT);
    }
  }

  /** A JS value for an input type (sometimes deliberately wrong), or undefined to leave an optional field out. */
  function inputValue(type: GraphQLInputType, depth: number): unknown {
    if (mistake(6)) return g(() => WRONG_JSON);
    if (isNonNullType(type)) return inputValue(type.ofType, depth) ?? scalarOrDefault(type.ofType, depth);
    if (chance(15)) return null;
    return scalarOrDefault(type, depth);
  }

  function scalarOrDefault(type: GraphQLInputType, depth: number): unknown {
    if (isNonNullType(type)) return scalarOrDefault(type.ofType, depth);
    if (isListType(type)) {
      const length = g(fc.integer, { min: 0, max: depth > 3 ? 1 : 3 });
      return Array.from({ length }, () => inputValue(type.ofType as GraphQLInputType, depth + 1));
    }
    if (isEnumType(type)) return mistake(10) ? 'NOT_A_VALUE' : pick(type.getValues()).name;
    if (isInputObjectType(type)) {
      const object: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) {
        if (!isNonNullType(field.type) && chance(50)) continue;
        object[field.name] = inputValue(field.type, depth + 1);
      }
      if (mistake(5)) object.unknownField = 1;
      return object;
    }
    return scalarValue(getNamedType(type).name);
  }

  /** GraphQL literal syntax for a JS value (enums are bare names; wrong values stay wrong). */
  function literal(value: unknown, type: GraphQLInputType): string {
    if (value === null || value === undefined) return 'null';
    const named = getNamedType(type);
    if (Array.isArray(value)) return `[${value.map((item) => literal(item, isListType(unwrap(type)) ? (unwrap(type) as { ofType: GraphQLInputType }).ofType : type)).join(', ')}]`;
    if (typeof value === 'object') {
      const fields = isInputObjectType(named) ? named.getFields() : {};
      return `{ ${Object.entries(value)
        .map(([key, item]) => `${key}: ${literal(item, fields[key]?.type ?? named)}`)
        .join(', ')} }`;
    }
    if (typeof value === 'string') return isEnumType(named) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value) ? value : JSON.stringify(value);
    return String(value);
  }

  const unwrap = (type: GraphQLInputType): GraphQLInputType => (isNonNullType(type) ? type.ofType : type);

  function argumentsOf(args: readonly GraphQLArgument[], depth: number): string {
    const parts: string[] = [];
    for (const arg of args) {
      if (!isNonNullType(arg.type) && chance(50)) continue;
      const value = inputValue(arg.type, depth);
      if (chance(25)) {
        const name = `v${declarations.length}`;
        // Sometimes declare the wrong type for the variable: a validation error, never a crash.
        declarations.push(`$${name}: ${mistake(10) ? 'Int' : String(arg.type)}`);
        variables[name] = value;
        parts.push(`${arg.name}: $${name}`);
      } else {
        parts.push(`${arg.name}: ${literal(value, arg.type)}`);
      }
    }
    if (mistake(3)) parts.push('notAnArgument: 1');
    return parts.length ? `(${parts.join(', ')})` : '';
  }

  function selection(type: GraphQLOutputType, depth: number): string {
    const named = getNamedType(type);
    if (isLeafType(named)) return mistake(3) ? ' { id }' : '';
    if (isAbstractType(named)) {
      const member = pick(schema.getPossibleTypes(named));
      return ` { __typename ... on ${member.name}${selection(member, depth + 1)} }`;
    }
    if (!isObjectType(named)) return '';
    const fields = Object.values(named.getFields());
    const leaves = fields.filter((field) => isLeafType(getNamedType(field.type)));
    // Well-formed operations stay within the depth limit (6); noisy ones may go past it, to depth 8.
    const pool = depth >= (noisy ? 7 : 5) && leaves.length ? leaves : fields;
    const count = g(fc.integer, { min: 1, max: 3 });
    const chosen = [...new Set(Array.from({ length: count }, () => pick(pool)))];
    const parts = chosen.map((field) => fieldText(field, depth + 1));
    if (mistake(3)) parts.push('fieldThatDoesNotExist');
    return ` { ${parts.join(' ')} }`;
  }

  function fieldText(field: GraphQLField<unknown, unknown>, depth: number): string {
    return `${field.name}${argumentsOf(field.args, depth)}${selection(field.type, depth)}`;
  }

  const mutation = chance(40);
  const root = mutation ? schema.getMutationType() : schema.getQueryType();
  if (!root) throw new Error('the schema has no root type');
  const roots = Object.values(root.getFields()).filter((field) => !options.excludedRootFields.includes(field.name));
  const top = Array.from({ length: g(fc.integer, { min: 1, max: 2 }) }, (_, i) => `${i ? `a${i}: ` : ''}${fieldText(pick(roots), 1)}`);
  let query = `${mutation ? 'mutation' : 'query'}${declarations.length ? ` Generated(${declarations.join(', ')})` : ''} { ${top.join(' ')} }`;
  if (mistake(8)) query = query.slice(0, g(fc.nat, { max: query.length - 1 }));
  return { query, variables };
}
