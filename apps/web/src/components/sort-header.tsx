import Link from 'next/link';
import { type SortState, sortHref } from '@/lib/table-sort';

/** A column heading that sorts the table by it (and says how it is sorted, for screen readers too). */
export function SortHeader({ state, column, label, numeric }: { state: SortState; column: string; label: string; numeric?: boolean }) {
  const active = state.params.sort === column;
  const descending = state.params.dir === 'desc';
  return (
    <th className={numeric ? 'num' : undefined} aria-sort={active ? (descending ? 'descending' : 'ascending') : undefined}>
      <Link href={sortHref(state, column)}>
        {label}
        {active ? (descending ? ' ↓' : ' ↑') : ''}
      </Link>
    </th>
  );
}
