import { contractValueCents, differencesFromRequest, monthlyColocationCents, type ReviewedDeal } from './deal-review';

const deal: ReviewedDeal = {
  mw: 40,
  priceUsdPerKwMonth: 155.5,
  termMonths: 144,
  startDate: '2027-01-01',
  platformFeePct: 3,
  request: { totalMw: 40, termMonths: 120, maxPriceUsdPerKwMonth: 150 },
};

describe('deal review', () => {
  it('works out the monthly colocation and the whole term to the cent', () => {
    // 40 MW = 40,000 kW x $155.50 = $6,220,000 a month; x 144 months = $895,680,000.
    expect(monthlyColocationCents(deal)).toBe(622_000_000);
    expect(contractValueCents(deal)).toBe(89_568_000_000);
  });

  it('names each difference from the request in words', () => {
    expect(differencesFromRequest(deal)).toEqual(['Term 144 months vs 120 asked', '$155.5/kW-month, above the $150 ceiling asked']);
    expect(differencesFromRequest({ ...deal, termMonths: 120, priceUsdPerKwMonth: 150 })).toEqual([]);
    expect(differencesFromRequest({ ...deal, mw: 30 })).toContain('30 MW vs 40 MW asked');
  });
});
