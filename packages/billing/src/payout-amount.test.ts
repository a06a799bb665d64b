import { hostPayoutCents, miningShareForPeriod, platformFeeCents } from './payout-amount';

const march = { periodStart: new Date('2027-03-01T00:00:00Z'), periodEnd: new Date('2027-04-01T00:00:00Z') };

describe('host payout amount', () => {
  it('is the paid amount less the platform fee when there is no mining settlement', () => {
    // 40,000 kW x $155.50 = $6,220,000.00; 3% fee = $186,600.00.
    expect(hostPayoutCents({ amountPaidCents: 622_000_000, platformFeeBps: 300, settlementHostShareCents: 0, settlementHours: 8760, ...march })).toBe(603_340_000);
  });

  it('adds the host mining share pro rata to the invoice period (744 of 8,760 hours)', () => {
    expect(miningShareForPeriod({ settlementHostShareCents: 876_000, settlementHours: 8760, ...march })).toBe(74_400);
    expect(hostPayoutCents({ amountPaidCents: 10_000, platformFeeBps: 300, settlementHostShareCents: 876_000, settlementHours: 8760, ...march })).toBe(9_700 + 74_400);
  });

  it('rounds the fee half up to the cent and never pays a negative amount', () => {
    expect(platformFeeCents(50, 300)).toBe(2); // 1.5 → 2
    expect(platformFeeCents(49, 300)).toBe(1); // 1.47 → 1
    expect(hostPayoutCents({ amountPaidCents: 0, platformFeeBps: 300, settlementHostShareCents: -5000, settlementHours: 8760, ...march })).toBe(0);
  });
});
