import type { Metadata } from 'next';
import Link from 'next/link';
import { SpecForm } from '@/components/spec-form';
import { CAPACITY_FIELDS } from '@/lib/capacity-fields';
import { initialValues } from '@/lib/fields';
import { gql, requireKind } from '@/lib/session';
import { updateCapacityBlock } from '../../actions';
import { EditCapacityBlockDocument } from '@/generated/graphql';

export const metadata: Metadata = { title: 'Edit capacity block' };

export default async function EditCapacityBlockPage({ params }: { params: Promise<{ id: string }> }) {
  await requireKind('MINER');
  const { id } = await params;
  const data = await gql(
    EditCapacityBlockDocument,
    { id },
  );
  const block = data.capacityBlock;
  if (block.status !== 'DRAFT') {
    return (
      <div className="card">
        <h1>Edit capacity block</h1>
        <div className="empty">Only a draft block is edited here; this one is {block.status.toLowerCase()}. <Link href="/capacity">Back to capacity</Link></div>
      </div>
    );
  }
  const initial = initialValues(CAPACITY_FIELDS, block);
  return (
    <div className="card">
      <h1>Edit draft block on {block.site.name}</h1>
      <SpecForm fields={CAPACITY_FIELDS} action={updateCapacityBlock} submitLabel="Save changes" initial={initial} hidden={{ id }} />
    </div>
  );
}
