// Apollo Server parses, validates (GraphQL Armor's limits included) and caches documents; execution is
// handed to graphql-jit through Apollo's gateway interface. graphql-jit compiles each operation once into
// a plain function, about 3x faster than graphql-js's interpreter here (docs/performance.md); the results
// are the same (the jit-executor tests run both side by side).
import type { GatewayExecutionResult, GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { GraphQLError, type GraphQLSchema, Source, type SourceLocation, execute } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

export type ExecutionEngine = 'jit' | 'graphql-js';

/** Offset in `body` of a 1-based line/column location. */
function positionOf(body: string, { line, column }: SourceLocation): number {
  let offset = 0;
  for (let current = 1; current < line; current++) offset = body.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

/**
 * graphql-jit reports some errors (a null in a non-null field) with its own error class and no
 * `extensions`, which Apollo's formatter cannot read; rebuild them as graphql-js errors with the same
 * message, locations, path and original error, so clients get what graphql-js would have sent.
 */
function normalizeErrors(result: GatewayExecutionResult, query: string): GatewayExecutionResult {
  if (!result.errors?.some((error) => !error.extensions)) return result;
  const source = new Source(query);
  const errors = result.errors.map((error) =>
    error.extensions
      ? error
      : new GraphQLError(error.message, {
          source,
          positions: error.locations?.map((location) => positionOf(query, location)),
          path: error.path,
          originalError: error.originalError ?? undefined,
        }),
  );
  return { ...result, errors };
}

/**
 * A result with errors and no `data` failed before execution: the variables did not fit their types
 * (a wrong type, an unknown enum value, an extra field such as `orgId`). Apollo marks these BAD_USER_INPUT
 * when it executes itself; with a gateway executor that is ours to do.
 */
function markRequestErrors(result: GatewayExecutionResult): GatewayExecutionResult {
  if (result.data !== undefined || !result.errors?.length) return result;
  return {
    errors: result.errors.map(
      (error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code: 'BAD_USER_INPUT' } }),
    ),
  };
}

function jitExecutor(schema: GraphQLSchema): GatewayExecutor {
  // Keyed by the operation's text hash and name; bounded so hostile unique queries cannot grow it.
  const compiled = new LRUCache<string, CompiledQuery>({ max: 1000 });
  return async (requestContext) => {
    const key = `${requestContext.queryHash}:${requestContext.operationName ?? ''}`;
    let query = compiled.get(key);
    if (!query) {
      const result = compileQuery(schema, requestContext.document, requestContext.operationName ?? undefined);
      if (!isCompiledQuery(result)) return result;
      query = result;
      compiled.set(key, query);
    }
    const result = await query.query(undefined, requestContext.context, requestContext.request.variables ?? {});
    return markRequestErrors(normalizeErrors(result, requestContext.source));
  };
}

function graphqlJsExecutor(schema: GraphQLSchema): GatewayExecutor {
  return async (requestContext) =>
    markRequestErrors(
      await execute({
        schema,
        document: requestContext.document,
        contextValue: requestContext.context,
        variableValues: requestContext.request.variables,
        operationName: requestContext.operationName,
      }),
    );
}

/** A fixed-schema "gateway": it serves one local schema and runs it with the chosen executor. */
export function localGateway(schema: GraphQLSchema, engine: ExecutionEngine = 'jit'): GatewayInterface {
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async load() {
      return { executor: engine === 'jit' ? jitExecutor(schema) : graphqlJsExecutor(schema) };
    },
    async stop() {},
  };
}
