// In production, anonymous callers may not read the schema (`__schema`, `__type`); signed-in people and
// API keys may (partners generate clients from it). Apollo's own switch is all-or-nothing.
import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, visit } from 'graphql';
import type { ApiContext } from '../context';
import { transportError } from './errors';

// Apollo hands us the same DocumentNode object for a cached operation, so each is walked once.
const seen = new WeakMap<DocumentNode, boolean>();

function readsSchema(document: DocumentNode): boolean {
  const known = seen.get(document);
  if (known !== undefined) return known;
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  seen.set(document, found);
  return found;
}

export function introspectionGuard(): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document }) {
          if (!contextValue.principal && readsSchema(document)) {
            throw transportError('FORBIDDEN', 'Introspection is available to authenticated callers only.', { http: { status: 403 } });
          }
        },
      };
    },
  };
}
