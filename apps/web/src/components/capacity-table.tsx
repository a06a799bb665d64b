import Link from 'next/link';
import { deleteCapacityBlock, moveCapacityBlock } from '@/app/(portal)/capacity/actions';
import { fmtDate, fmtMw, label } from '@/lib/format';
import { ActionButton } from './action-button';
import { StatusBadge } from './badges';
import type { BlockRowFragment } from '@/generated/graphql';

/** What a query selects with `...BlockRow` (capacity-table.graphql). */
export type BlockRow = BlockRowFragment;

export function CapacityTable({ blocks, canWrite, showSite }: { blocks: BlockRow[]; canWrite: boolean; showSite: boolean }) {
  if (blocks.length === 0) return <div className="empty">No capacity blocks yet.</div>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            {showSite && <th>Site</th>}
            <th>Kind</th>
            <th className="num">MW (firm)</th>
            <th>Available from</th>
            <th className="num">$/kW-month</th>
            <th className="num">Min term</th>
            <th>State</th>
            <th>Revenue</th>
            {canWrite && <th />}
          </tr>
        </thead>
        <tbody>
          {blocks.map((b) => (
            <tr key={b.id} data-testid={`block-${b.id}`}>
              {showSite && (
                <td>
                  <Link href={`/sites/${b.site.id}`}>{b.site.name}</Link>
                </td>
              )}
              <td>{label(b.kind)}</td>
              <td className="num">
                {fmtMw(b.mw)} ({fmtMw(b.firmMw)})
              </td>
              <td>{fmtDate(b.availableFrom)}</td>
              <td className="num">{b.priceUsdPerKwMonth}</td>
              <td className="num">{b.minTermMonths} mo</td>
              <td>
                <StatusBadge status={b.status} />
              </td>
              <td>
                <Link href={`/revenue?blockId=${b.id}`} aria-label={`Model revenue of the ${b.mw} MW block`}>Model revenue</Link>
              </td>
              {canWrite && (
                <td>
                  {b.status === 'DRAFT' && (
                    <span className="actions">
                      <ActionButton action={moveCapacityBlock} fields={{ id: b.id, move: 'publish' }} label="Publish" />
                      <Link className="button secondary" href={`/capacity/${b.id}/edit`}>Edit</Link>
                      <ActionButton action={deleteCapacityBlock} fields={{ id: b.id }} label="Delete" variant="danger" confirm="Delete this draft block?" />
                    </span>
                  )}
                  {b.status === 'PUBLISHED' && <ActionButton action={moveCapacityBlock} fields={{ id: b.id, move: 'unpublish' }} label="Unpublish" variant="secondary" />}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
