// Sorting a table's rows from the address (`?sort=mw&dir=desc`), so a sorted view can be linked and shared.

export type SortValue = string | number;

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

/** The address that sorts by `key`: ascending first, descending when it is already ascending. */
export function sortHref(path: string, key: string, current: { sort?: string; dir?: string }): string {
  const dir = current.sort === key && current.dir !== 'desc' ? 'desc' : 'asc';
  return `${path}?sort=${key}&dir=${dir}`;
}
