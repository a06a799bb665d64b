import type { Metadata } from 'next';
import { DealTable } from '@/components/deal-table';
import { gql, requireKind } from '@/lib/session';
import { DealsDocument } from '@/generated/graphql';

export const metadata: Metadata = { title: 'Deals' };

export default async function DealsPage({ searchParams }: { searchParams: Promise<{ sort?: string; dir?: string }> }) {
  await requireKind('MINER', 'TENANT');
  const data = await gql(DealsDocument);
  return (
    <>
      <h1>Deals</h1>
      <DealTable deals={data.deals.edges.map((e) => e.node)} empty="No deals yet. Proposals appear here as soon as they are made." sort={{ path: '/deals', params: await searchParams }} />
    </>
  );
}
