import type { Metadata } from 'next';
import { CapacityTable } from '@/components/capacity-table';
import { canWrite, gql, requireKind } from '@/lib/session';
import { CapacityBlocksDocument } from '@/generated/graphql';
import { allOf } from '@/lib/enums';
import type { CapacityStatus } from '@/generated/graphql';

export const metadata: Metadata = { title: 'Capacity blocks' };

const STATES = allOf<CapacityStatus>()('DRAFT', 'PUBLISHED', 'RESERVED', 'LEASED');

export default async function CapacityPage({ searchParams }: { searchParams: Promise<{ status?: string; sort?: string; dir?: string }> }) {
  const viewer = await requireKind('MINER');
  const params = await searchParams;
  const status = params.status;
  const statuses = STATES.find((s) => s === status);
  const data = await gql(
    CapacityBlocksDocument,
    { filter: statuses ? { statuses: [statuses] } : null },
  );
  return (
    <>
      <h1>Capacity blocks</h1>
      <p className="muted">Create blocks on a site’s page; publish a draft to list it in the marketplace search.</p>
      <form className="filters">
        <div className="field">
          <label htmlFor="status">State</label>
          <select id="status" name="status" defaultValue={statuses ?? ''}>
            <option value="">All</option>
            {STATES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          Filter
        </button>
      </form>
      <CapacityTable blocks={data.capacityBlocks.edges.map((e) => e.node)} canWrite={canWrite(viewer)} showSite sort={{ path: '/capacity', params }} />
    </>
  );
}
