import type { Metadata } from 'next';
import { DEAL_ROW_FIELDS, DealTable, type DealRow } from '@/components/deal-table';
import { gql, requireKind } from '@/lib/session';

export const metadata: Metadata = { title: 'Deals' };

export default async function DealsPage({ searchParams }: { searchParams: Promise<{ sort?: string; dir?: string }> }) {
  await requireKind('MINER', 'TENANT');
  const data = await gql<{ deals: { edges: { node: DealRow }[] } }>(`{ deals(first: 50) { edges { node { ${DEAL_ROW_FIELDS} } } } }`);
  return (
    <>
      <h1>Deals</h1>
      <DealTable deals={data.deals.edges.map((e) => e.node)} empty="No deals yet. Proposals appear here as soon as they are made." sort={{ path: '/deals', params: await searchParams }} />
    </>
  );
}
