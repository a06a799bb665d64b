import type { Metadata } from 'next';
import { SpecForm } from '@/components/spec-form';
import { toFieldValue } from '@/lib/fields';
import { gql, requireKind } from '@/lib/session';
import { SITE_FIELDS } from '@/lib/site-fields';
import { saveSite } from '../../actions';

export const metadata: Metadata = { title: 'Edit site' };

export default async function EditSitePage({ params }: { params: Promise<{ id: string }> }) {
  await requireKind('MINER');
  const { id } = await params;
  const data = await gql<{ site: Record<string, unknown> }>(`query($id: ID!) { site(id: $id) { id ${SITE_FIELDS.map((f) => f.name).join(' ')} } }`, { id });
  const initial = Object.fromEntries(SITE_FIELDS.map((f) => [f.name, toFieldValue(data.site[f.name])]));
  return (
    <div className="card">
      <h1>Edit {String(data.site.name)}</h1>
      <SpecForm fields={SITE_FIELDS} action={saveSite} submitLabel="Save changes" initial={initial} hidden={{ id }} cancelHref={`/sites/${id}`} />
    </div>
  );
}
