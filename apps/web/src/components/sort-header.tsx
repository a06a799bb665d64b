import Link from 'next/link';
import { sortHref } from '@/lib/table-sort';

/** A column heading that sorts the table by it (and says how it is sorted, for screen readers too). */
export function SortHeader({ path, column, label, current, numeric }: { path: string; column: string; label: string; current: { sort?: string; dir?: string }; numeric?: boolean }) {
  const active = current.sort === column;
  return (
    <th className={numeric ? 'num' : undefined} aria-sort={active ? (current.dir === 'desc' ? 'descending' : 'ascending') : undefined}>
      <Link href={sortHref(path, column, current)}>
        {label}
        {active ? (current.dir === 'desc' ? ' ↓' : ' ↑') : ''}
      </Link>
    </th>
  );
}
