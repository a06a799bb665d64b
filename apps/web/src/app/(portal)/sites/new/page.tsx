import type { Metadata } from 'next';
import { SpecForm } from '@/components/spec-form';
import { requireKind } from '@/lib/session';
import { SITE_FIELDS } from '@/lib/site-fields';
import { saveSite } from '../actions';

export const metadata: Metadata = { title: 'New site' };

export default async function NewSitePage() {
  await requireKind('MINER');
  return (
    <div className="card">
      <h1>New site</h1>
      <SpecForm fields={SITE_FIELDS} action={saveSite} submitLabel="Create site" cancelHref="/sites" initial={{ interconnectionStatus: 'ENERGIZED', coolingType: 'AIR', redundancy: 'N', pue: '1.3' }} />
    </div>
  );
}
