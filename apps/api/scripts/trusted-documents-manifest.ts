// The trusted documents manifest (src/graphql/generated/trusted-documents.json): every operation the portal
// (apps/web/src/generated/graphql.ts) and the SDK (packages/sdk/src/generated/graphql.ts) can send, keyed by
// the hex SHA-256 of the exact text they send (the SDK's documentSource, which both print with). Written by
// `npm run trusted-documents -w @gridshare/api`, which the portal's and the SDK's codegen run after theirs;
// src/graphql/trusted-documents-manifest.test.ts fails while it is stale.
import { createHash } from 'node:crypto';
import { type DocumentNode, Kind } from 'graphql';
import * as sdk from '@gridshare/sdk';
import * as portal from '../../web/src/generated/graphql';
import { TRUSTED_DOCUMENTS_FILE } from '../src/graphql/trusted-documents';

export const OUTPUT_FILE = TRUSTED_DOCUMENTS_FILE;

const isOperationDocument = (value: unknown): value is DocumentNode =>
  typeof value === 'object' && value !== null && (value as DocumentNode).kind === Kind.DOCUMENT && (value as DocumentNode).definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION);

/** hex SHA-256 → text of every operation document the modules export, in hash order (a stable file). */
export function manifestOf(...modules: Record<string, unknown>[]): Record<string, string> {
  const entries = modules.flatMap((module) => Object.values(module).filter(isOperationDocument).map((document) => sdk.documentSource(document)));
  const byHash = new Map(entries.map((text) => [createHash('sha256').update(text).digest('hex'), text]));
  return Object.fromEntries([...byHash].sort(([a], [b]) => a.localeCompare(b)));
}

export function generateTrustedDocuments(): string {
  return `${JSON.stringify(manifestOf(portal, sdk), null, 2)}\n`;
}
