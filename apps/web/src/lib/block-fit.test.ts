import { assessBlock, proposalDefaults, rankBlocks, type FitRequest } from './block-fit';

const request: FitRequest = { totalMw: 100, minContiguousMw: 50, termMonths: 120, maxPriceUsdPerKwMonth: 160, neededBy: '2027-03-31' };
const block = (id: string, over: Partial<{ firmMw: number; priceUsdPerKwMonth: number; minTermMonths: number; availableFrom: string }> = {}) => ({
  id,
  firmMw: 100,
  priceUsdPerKwMonth: 150,
  minTermMonths: 60,
  availableFrom: '2027-01-01',
  ...over,
});

describe('block fit', () => {
  it('names hard-limit violations and softer misfits in words', () => {
    expect(assessBlock(block('a', { priceUsdPerKwMonth: 170, minTermMonths: 144 }), request).violations).toEqual([
      'its price of $170/kW-month is above the $160 ceiling',
      'its minimum term of 144 months is longer than the 120 asked',
    ]);
    expect(assessBlock(block('b', { firmMw: 60, availableFrom: '2027-06-01' }), request)).toMatchObject({
      violations: [],
      misfits: ['60 of the 100 MW asked: the rest must come from elsewhere', 'available 2027-06-01, after the 2027-03-31 the first phase needs'],
    });
  });

  it('offers the matched block first, hides what the request rules out, and fills the form from the block', () => {
    const blocks = [block('cheap-small', { firmMw: 60, priceUsdPerKwMonth: 120 }), block('matched', { priceUsdPerKwMonth: 155 }), block('too-small', { firmMw: 40 })];
    const { offered, hidden } = rankBlocks(blocks, request, new Set(['matched']));
    expect(offered.map((f) => f.block.id)).toEqual(['matched', 'cheap-small']);
    expect(hidden.map((f) => f.block.id)).toEqual(['too-small']);
    expect(rankBlocks(blocks, request, new Set()).offered[0]?.block.id).toBe('matched');
    expect(proposalDefaults(block('x', { firmMw: 150, minTermMonths: 144 }), request)).toEqual({ mw: '100', priceUsdPerKwMonth: '150', termMonths: '144' });
  });
});
