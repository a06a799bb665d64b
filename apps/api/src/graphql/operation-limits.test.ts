// Every operation our own clients send (the portal's pages and the SDK's documented flows) passes the API's
// depth, alias, cost and directive limits as they are written: a page that would be refused
// (GRAPHQL_VALIDATION_FAILED) fails here, not first in a browser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as sdk from '@gridshare/sdk';
import { type DocumentNode, buildASTSchema, parse, validate } from 'graphql';
import * as portal from '../../../web/src/generated/graphql';
import { armorProtection } from './armor';

const schema = buildASTSchema(parse(readFileSync(join(__dirname, '../../../../docs/api/schema.graphql'), 'utf8')));
const documents = (generated: Record<string, unknown>) =>
  Object.entries(generated).filter((entry): entry is [string, DocumentNode] => entry[0].endsWith('Document') && typeof entry[1] === 'object');

it.each([...documents(portal), ...documents(sdk)])('%s passes the limits', (_name, document) => {
  expect(validate(schema, document, armorProtection().validationRules).map((e) => e.message)).toEqual([]);
});
