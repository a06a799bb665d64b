import type { Metadata } from 'next';
import { RequestForm } from '@/components/request-form';
import { requireKind } from '@/lib/session';
import { createRequest } from '../actions';

export const metadata: Metadata = { title: 'New request' };

export default async function NewRequestPage() {
  await requireKind('TENANT');
  return (
    <div className="card">
      <h1>New colocation request</h1>
      <RequestForm action={createRequest} />
    </div>
  );
}
