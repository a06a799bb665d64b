// An edit form starts from what its query selected: a form field the query leaves out would start empty and
// be saved empty. The queries are in the edit pages' page.graphql.
import { type DocumentNode, Kind } from 'graphql';
import { EditCapacityBlockDocument, EditSiteDocument } from '../generated/graphql';
import { CAPACITY_FIELDS } from './capacity-fields';
import type { FieldSpec } from './fields';
import { SITE_FIELDS } from './site-fields';

/** The fields selected on the operation's first root field. */
function selected(document: DocumentNode): string[] {
  const [operation] = document.definitions;
  if (operation?.kind !== Kind.OPERATION_DEFINITION) throw new Error('not an operation');
  const [root] = operation.selectionSet.selections;
  if (root?.kind !== Kind.FIELD || !root.selectionSet) throw new Error('no root field with a selection');
  return root.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
}

it.each<[string, DocumentNode, readonly FieldSpec[]]>([
  ['site', EditSiteDocument, SITE_FIELDS],
  ['capacity block', EditCapacityBlockDocument, CAPACITY_FIELDS],
])('the %s edit query selects every field of its form', (_name, document, fields) => {
  expect(fields.map((f) => f.name).filter((name) => !selected(document).includes(name))).toEqual([]);
});
