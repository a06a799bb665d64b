// Apollo Server parses, validates (GraphQL Armor's limits included) and caches documents; execution is
// handed to graphql-jit through Apollo's gateway interface. graphql-jit compiles each operation once into
// a plain function, about 3x faster than graphql-js's interpreter here (docs/performance.md); the results
// are the same (the jit-executor tests run both side by side).
import type { GatewayExecutionResult, GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { GraphQLError, type GraphQLSchema, execute } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

export type ExecutionEngine = 'jit' | 'graphql-js';

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
    return markRequestErrors(await query.query(undefined, requestContext.context, requestContext.request.variables ?? {}));
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
