// A plain, typed model of the published schema for documentation pages (the portal renders it): types,
// fields, arguments, enum values and their descriptions, with the example operations attached to the root
// fields they call. Pure: give it the SDL and the example files' text (schema-docs-files.ts reads them).
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLType,
  Kind,
  type OperationDefinitionNode,
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
  parse,
  print,
} from 'graphql';

export type DocTypeKind = 'OBJECT' | 'INPUT_OBJECT' | 'ENUM' | 'SCALAR' | 'INTERFACE' | 'UNION';

/** A field's or argument's type: as written (`[Site!]!`) and the named type to link to (`Site`). */
export interface DocTypeRef {
  text: string;
  named: string;
}

export interface DocArgument {
  name: string;
  description: string;
  type: DocTypeRef;
  /** The default as GraphQL source (`20`, `PRICE_ASC`), or null. */
  defaultValue: string | null;
}

export interface DocField {
  name: string;
  /** `Type.field`, unique in the schema (use it as an anchor). */
  coordinate: string;
  description: string;
  type: DocTypeRef;
  args: DocArgument[];
  deprecationReason: string | null;
  /** Names of the examples that call this field at their root (Query and Mutation fields only). */
  examples: string[];
}

export interface DocEnumValue {
  name: string;
  description: string;
  deprecationReason: string | null;
}

export interface DocType {
  name: string;
  kind: DocTypeKind;
  description: string;
  /** Fields of an object or interface, input fields of an input object; empty otherwise. */
  fields: DocField[];
  enumValues: DocEnumValue[];
  /** Members of a union. */
  possibleTypes: string[];
}

export interface DocExample {
  /** The operation's name, e.g. `SearchCapacity`. */
  name: string;
  file: string;
  kind: 'query' | 'mutation' | 'subscription';
  /** The file's leading comment, without the `Variables:` part. */
  description: string;
  /** The JSON after `# Variables:` in the leading comment, or null when there is none. */
  variables: Record<string, unknown> | null;
  /** The operation as GraphQL source, comments removed. */
  operation: string;
  /** Coordinates of the root fields it calls, e.g. `Query.searchCapacity`. */
  rootFields: string[];
}

export interface SchemaDocs {
  /** Every named type except Query, Mutation and GraphQL's own, by name. */
  types: DocType[];
  queries: DocField[];
  mutations: DocField[];
  /** In file order. */
  examples: DocExample[];
}

export interface ExampleFile {
  file: string;
  source: string;
}

const text = (description: string | null | undefined) => description?.trim() ?? '';
const typeRef = (type: GraphQLType): DocTypeRef => ({ text: String(type), named: getNamedType(type).name });

function docArgument(arg: GraphQLArgument | GraphQLInputField): DocArgument {
  const ast = arg.astNode?.defaultValue;
  return { name: arg.name, description: text(arg.description), type: typeRef(arg.type), defaultValue: ast ? print(ast) : null };
}

function docField(owner: string, field: GraphQLField<unknown, unknown> | GraphQLInputField, examples: Map<string, string[]>): DocField {
  const coordinate = `${owner}.${field.name}`;
  return {
    name: field.name,
    coordinate,
    description: text(field.description),
    type: typeRef(field.type),
    args: 'args' in field ? field.args.map(docArgument) : [],
    deprecationReason: field.deprecationReason ?? null,
    examples: examples.get(coordinate) ?? [],
  };
}

function kindOf(type: GraphQLNamedType): DocTypeKind {
  if (isObjectType(type)) return 'OBJECT';
  if (isInputObjectType(type)) return 'INPUT_OBJECT';
  if (isEnumType(type)) return 'ENUM';
  if (isInterfaceType(type)) return 'INTERFACE';
  if (isUnionType(type)) return 'UNION';
  if (isScalarType(type)) return 'SCALAR';
  throw new Error(`unknown kind of type ${String(type)}`);
}

/** The leading `#` comment of an example: its prose, and the JSON following `Variables:` (which may span lines). */
function leadingComment(source: string, file: string): { description: string; variables: Record<string, unknown> | null } {
  const lines: string[] = [];
  for (const line of source.split('\n')) {
    if (!line.startsWith('#')) break;
    lines.push(line.replace(/^# ?/, ''));
  }
  const at = lines.findIndex((line) => line.startsWith('Variables:'));
  const prose = (at === -1 ? lines : lines.slice(0, at)).join(' ').replace(/\s+/g, ' ').trim();
  if (at === -1) return { description: prose, variables: null };
  const json = [lines[at]!.slice('Variables:'.length), ...lines.slice(at + 1)].join(' ');
  try {
    return { description: prose, variables: JSON.parse(json) as Record<string, unknown> };
  } catch (error) {
    throw new Error(`${file}: the Variables comment is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

function docExample(example: ExampleFile): DocExample {
  const document = parse(example.source, { noLocation: true });
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  const [operation] = operations;
  if (operations.length !== 1 || !operation?.name) throw new Error(`${example.file}: an example holds exactly one named operation`);
  const root = operation.operation === 'query' ? 'Query' : operation.operation === 'mutation' ? 'Mutation' : 'Subscription';
  return {
    name: operation.name.value,
    file: example.file,
    kind: operation.operation,
    ...leadingComment(example.source, example.file),
    operation: print(document),
    rootFields: operation.selectionSet.selections.flatMap((selection) => (selection.kind === Kind.FIELD ? [`${root}.${selection.name.value}`] : [])),
  };
}

export function buildSchemaDocs(sdl: string, exampleFiles: readonly ExampleFile[] = []): SchemaDocs {
  const schema = buildSchema(sdl);
  const examples = exampleFiles.map(docExample);
  const byField = new Map<string, string[]>();
  for (const example of examples) {
    for (const coordinate of example.rootFields) byField.set(coordinate, [...(byField.get(coordinate) ?? []), example.name]);
  }
  const rootFields = (name: string) => {
    const type = schema.getType(name);
    return isObjectType(type) ? Object.values(type.getFields()).map((field) => docField(name, field, byField)) : [];
  };
  const types = Object.values(schema.getTypeMap())
    .filter((type) => !isIntrospectionType(type) && !isSpecifiedScalarType(type) && !['Query', 'Mutation', 'Subscription'].includes(type.name))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(
      (type): DocType => ({
        name: type.name,
        kind: kindOf(type),
        description: text(type.description),
        fields:
          isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)
            ? Object.values<GraphQLField<unknown, unknown> | GraphQLInputField>(type.getFields()).map((field) => docField(type.name, field, byField))
            : [],
        enumValues: isEnumType(type)
          ? type.getValues().map((value) => ({ name: value.name, description: text(value.description), deprecationReason: value.deprecationReason ?? null }))
          : [],
        possibleTypes: isUnionType(type) ? type.getTypes().map((member) => member.name) : [],
      }),
    );
  return { types, queries: rootFields('Query'), mutations: rootFields('Mutation'), examples };
}
