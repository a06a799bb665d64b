import { safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it.each([
    ['/join?token=gsi_abc', '/join?token=gsi_abc'],
    ['/deals/1', '/deals/1'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['', '/'],
    [undefined, '/'],
  ])('%s → %s', (next, expected) => expect(safeNextPath(next)).toBe(expected));
});
