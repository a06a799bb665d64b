import { sortHref, sortRows } from './table-sort';

const rows = [{ t: 'b', mw: 10 }, { t: 'a', mw: 30 }, { t: 'c', mw: 20 }];
const columns = { title: (r: (typeof rows)[number]) => r.t, mw: (r: (typeof rows)[number]) => r.mw };

describe('table sort', () => {
  it('sorts by the column named, either way, and leaves unknown columns alone', () => {
    expect(sortRows(rows, columns, 'mw', 'asc').map((r) => r.mw)).toEqual([10, 20, 30]);
    expect(sortRows(rows, columns, 'title', 'desc').map((r) => r.t)).toEqual(['c', 'b', 'a']);
    expect(sortRows(rows, columns, 'nope', 'asc')).toEqual(rows);
  });

  it('links ascending first, then descending', () => {
    expect(sortHref('/requests', 'mw', {})).toBe('/requests?sort=mw&dir=asc');
    expect(sortHref('/requests', 'mw', { sort: 'mw', dir: 'asc' })).toBe('/requests?sort=mw&dir=desc');
  });
});
