import { type OfferedBlock, allocateMw, findTermsIssue } from './deal-terms';

const block = (id: string, mw: number, extra: Partial<OfferedBlock> = {}): OfferedBlock => ({
  id,
  siteId: 'site-1',
  mw,
  minTermMonths: 12,
  availableFrom: new Date('2026-06-01T00:00:00Z'),
  ...extra,
});
const terms = { mw: 50, termMonths: 60, startDate: new Date('2027-01-01T00:00:00Z') };
const request = { totalMw: 200, minContiguousMw: 20 };

describe('allocateMw', () => {
  it('fills blocks greedily in the order given', () => {
    expect(allocateMw([block('a', 30), block('b', 40)], 50)).toEqual([
      { blockId: 'a', mw: 30 },
      { blockId: 'b', mw: 20 },
    ]);
  });

  it('keeps 3-decimal MW exact', () => {
    expect(allocateMw([block('a', 0.1), block('b', 0.2)], 0.3)).toEqual([
      { blockId: 'a', mw: 0.1 },
      { blockId: 'b', mw: 0.2 },
    ]);
  });
});

describe('findTermsIssue', () => {
  it('accepts a proposal that fits', () => {
    expect(findTermsIssue(terms, request, [block('a', 30), block('b', 40)])).toBeNull();
  });

  it.each([
    ['blocks on two sites', terms, [block('a', 30), block('b', 40, { siteId: 'site-2' })], 'blockIds'],
    ['more MW than the blocks', { ...terms, mw: 71 }, [block('a', 30), block('b', 40)], 'mw'],
    ['less than the contiguous minimum', { ...terms, mw: 10 }, [block('a', 30)], 'mw'],
    ['more than the request', { ...terms, mw: 201 }, [block('a', 300)], 'mw'],
    ['a term shorter than a block allows', { ...terms, termMonths: 6 }, [block('a', 30), block('b', 40)], 'termMonths'],
    ['a start before a block is available', terms, [block('a', 60, { availableFrom: new Date('2027-02-01T00:00:00Z') })], 'startDate'],
    ['a block the MW do not need', { ...terms, mw: 30 }, [block('a', 30), block('b', 40)], 'blockIds.1'],
  ])('refuses %s', (_label, proposal, blocks, field) => {
    expect(findTermsIssue(proposal, request, blocks)?.field).toBe(field);
  });
});
