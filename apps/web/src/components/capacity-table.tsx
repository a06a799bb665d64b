import Link from 'next/link';
import { deleteCapacityBlock, moveCapacityBlock } from '@/app/(portal)/capacity/actions';
import { fmtDate, fmtMw, label } from '@/lib/format';
import { ActionButton } from './action-button';
import { StatusBadge } from './badges';
import { type Column, SortableTable, totalMw } from './sortable-table';
import type { SortState } from '@/lib/table-sort';
import type { BlockRowFragment } from '@/generated/graphql';

/** What a query selects with `...BlockRow` (capacity-table.graphql). */
export type BlockRow = BlockRowFragment;

export function CapacityTable({ blocks, canWrite, showSite, sort }: { blocks: BlockRow[]; canWrite: boolean; showSite: boolean; sort: SortState }) {
  if (blocks.length === 0) return <div className="empty">No capacity blocks yet.</div>;
  const columns: Column<BlockRow>[] = [
    ...(showSite ? [{ key: 'site', label: 'Site', cell: (b: BlockRow) => <Link href={`/sites/${b.site.id}`}>{b.site.name}</Link>, sortBy: (b: BlockRow) => b.site.name.toLowerCase() }] : []),
    { key: 'kind', label: 'Kind', cell: (b) => label(b.kind), sortBy: (b) => label(b.kind) },
    { key: 'mw', label: 'MW (firm)', numeric: true, cell: (b) => <>{fmtMw(b.mw)} ({fmtMw(b.firmMw)})</>, sortBy: (b) => b.mw, total: (rows) => `${totalMw((b: BlockRow) => b.mw, fmtMw)(rows)} (${totalMw((b: BlockRow) => b.firmMw, fmtMw)(rows)})` },
    { key: 'availableFrom', label: 'Available from', cell: (b) => fmtDate(b.availableFrom), sortBy: (b) => b.availableFrom },
    { key: 'price', label: '$/kW-month', numeric: true, cell: (b) => b.priceUsdPerKwMonth, sortBy: (b) => b.priceUsdPerKwMonth },
    { key: 'term', label: 'Min term', numeric: true, cell: (b) => `${b.minTermMonths} mo`, sortBy: (b) => b.minTermMonths },
    { key: 'status', label: 'State', cell: (b) => <StatusBadge status={b.status} />, sortBy: (b) => b.status },
    { key: 'revenue', label: 'Revenue', cell: (b) => <Link href={`/revenue?blockId=${b.id}`} aria-label={`Model revenue of the ${b.mw} MW block`}>Model revenue</Link> },
    ...(canWrite ? [{ key: 'actions', label: '', cell: (b: BlockRow) => <BlockActions block={b} /> }] : []),
  ];
  return <SortableTable rows={blocks} columns={columns} rowKey={(b) => b.id} rowTestId={(b) => `block-${b.id}`} sort={sort} totalLabel={(n) => `${n} blocks`} />;
}

function BlockActions({ block: b }: { block: BlockRow }) {
  if (b.status === 'DRAFT') {
    return (
      <span className="actions">
        <ActionButton action={moveCapacityBlock} fields={{ id: b.id, move: 'publish' }} label="Publish" />
        <Link className="button secondary" href={`/capacity/${b.id}/edit`}>Edit</Link>
        <ActionButton action={deleteCapacityBlock} fields={{ id: b.id }} label="Delete" variant="danger" confirm="Delete this draft block?" />
      </span>
    );
  }
  return b.status === 'PUBLISHED' ? <ActionButton action={moveCapacityBlock} fields={{ id: b.id, move: 'unpublish' }} label="Unpublish" variant="secondary" /> : null;
}
