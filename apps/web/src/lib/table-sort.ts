// Sorting a table's rows from the address (`?sort=mw&dir=desc`), so a sorted view can be linked and shared.

export type SortValue = string | number;

/** Where a sortable table lives: its page and the page's other parameters (filters), kept when sorting. */
export interface SortState {
  path: string;
  params: Readonly<Record<string, string | undefined>>;
  /** The table's element id: the sorted page opens at the table rather than at the top. */
  anchor?: string;
  /** Instead of `anchor`: the id of the tab panel holding the table (`/admin#organisations`), which the sorted page opens. */
  panel?: string;
}

/** Rows ordered by the column `key` names (unknown keys keep the order given); ties keep their order. */
export function sortRows<T>(rows: readonly T[], columns: Readonly<Record<string, (row: T) => SortValue>>, key: string | undefined, dir: string | undefined): T[] {
  const value = key ? columns[key] : undefined;
  if (!value) return [...rows];
  const sign = dir === 'desc' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)));
  });
}

/** The address that sorts by `key`: ascending first, descending when it is already ascending; other parameters stay. */
export function sortHref(state: SortState, key: string): string {
  const { sort, dir: currentDir } = state.params;
  const dir = sort === key && currentDir !== 'desc' ? 'desc' : 'asc';
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(state.params)) if (value && name !== 'sort' && name !== 'dir') query.set(name, value);
  query.set('sort', key);
  query.set('dir', dir);
  const target = state.anchor ?? state.panel;
  return `${state.path}?${query}${target ? `#${target}` : ''}`;
}
