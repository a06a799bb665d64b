// The manifest is committed (the API loads it at start); this fails when it no longer holds exactly what the
// portal and the SDK send. Fix: `npm run codegen -w @gridshare/web` (or `npm run trusted-documents -w @gridshare/api`).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { MeDocument, documentId, documentSource } from '@gridshare/sdk';
import { parse } from 'graphql';
import { OUTPUT_FILE, generateTrustedDocuments, manifestOf } from '../../scripts/trusted-documents-manifest';
import { SitesDocument } from '../../../web/src/generated/graphql';
import { readTrustedDocuments } from './trusted-documents';

it('keeps generated/trusted-documents.json in step with the portal\'s and the SDK\'s operations', () => {
  expect(readFileSync(OUTPUT_FILE, 'utf8')).toBe(generateTrustedDocuments());
});

it('registers every portal and SDK operation under the SHA-256 of the text the clients send', async () => {
  const documents = readTrustedDocuments();
  for (const document of [MeDocument, SitesDocument]) {
    const id = await documentId(document);
    expect(id).toBe(createHash('sha256').update(documentSource(document)).digest('hex'));
    expect(documents.get(id!)).toBe(documentSource(document));
  }
  for (const [hash, text] of documents) expect(createHash('sha256').update(text).digest('hex')).toBe(hash);
});

it('lists operations only, once each, in a stable order', () => {
  const query = parse('query Q { me { id } }');
  const fragment = parse('fragment F on Query { __typename }');
  const manifest = manifestOf({ QDocument: query, Again: query, FFragmentDoc: fragment, notADocument: 'query { x }' }, { QDocument: query });
  expect(Object.values(manifest)).toEqual([documentSource(query)]);
  const reversed = manifestOf({ B: parse('{ b }'), A: parse('{ a }') });
  expect(Object.keys(reversed)).toEqual([...Object.keys(reversed)].sort());
});
