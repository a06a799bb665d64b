import type { Metadata } from 'next';
import { SpecForm } from '@/components/spec-form';
import { initialValues } from '@/lib/fields';
import { gql, requireKind } from '@/lib/session';
import { SITE_FIELDS } from '@/lib/site-fields';
import { saveSite } from '../../actions';
import { EditSiteDocument } from '@/generated/graphql';

export const metadata: Metadata = { title: 'Edit site' };

export default async function EditSitePage({ params }: { params: Promise<{ id: string }> }) {
  await requireKind('MINER');
  const { id } = await params;
  const data = await gql(EditSiteDocument, { id });
  const initial = initialValues(SITE_FIELDS, data.site);
  return (
    <div className="card">
      <h1>Edit {data.site.name}</h1>
      <SpecForm fields={SITE_FIELDS} action={saveSite} submitLabel="Save changes" initial={initial} hidden={{ id }} cancelHref={`/sites/${id}`} />
    </div>
  );
}
