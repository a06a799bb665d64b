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
    expect(sortHref({ path: '/requests', params: {} }, 'mw')).toBe('/requests?sort=mw&dir=asc');
    expect(sortHref({ path: '/requests', params: { sort: 'mw', dir: 'asc' } }, 'mw')).toBe('/requests?sort=mw&dir=desc');
    expect(sortHref({ path: '/requests', params: { sort: 'mw', dir: 'desc' } }, 'title')).toBe('/requests?sort=title&dir=asc');
  });

  it('keeps the page’s filters and opens at the table', () => {
    expect(sortHref({ path: '/capacity', params: { status: 'DRAFT', sort: 'mw', dir: 'asc', empty: '' }, anchor: 'blocks' }, 'mw')).toBe('/capacity?status=DRAFT&sort=mw&dir=desc#blocks');
    expect(sortHref({ path: '/admin', params: { kind: 'MINER' }, panel: 'organisations' }, 'name')).toBe('/admin?kind=MINER&sort=name&dir=asc#organisations');
  });
});
