import fc from 'fast-check';
import { statementPayoutCents } from './payout-amount';

describe('host payout of a statement invoice', () => {
  it('is what was collected less the statement’s platform fee (the worked month of docs/settlement.md)', () => {
    // T = $7,679,980.00, fee $202,500.00, paid in full: payout = the statement's $7,477,480.00.
    expect(statementPayoutCents({ amountPaidCents: 767_998_000, tenantTotalCents: 767_998_000, platformFeeCents: 20_250_000 })).toBe(747_748_000);
  });

  it('pays out less on a partial payment, never more than T − fee on an overpayment, and never a negative amount', () => {
    expect(statementPayoutCents({ amountPaidCents: 500_000, tenantTotalCents: 1_000_000, platformFeeCents: 30_000 })).toBe(470_000);
    expect(statementPayoutCents({ amountPaidCents: 5_000_000, tenantTotalCents: 1_000_000, platformFeeCents: 30_000 })).toBe(970_000);
    expect(statementPayoutCents({ amountPaidCents: 10_000, tenantTotalCents: 1_000_000, platformFeeCents: 30_000 })).toBe(0);
  });

  it('never exceeds what was collected less the fee, for any amounts', () => {
    const cents = fc.integer({ min: 0, max: 10_000_000_000 });
    fc.assert(
      fc.property(cents, cents, cents, (paid, total, feeRaw) => {
        const fee = Math.min(feeRaw, total);
        const payout = statementPayoutCents({ amountPaidCents: paid, tenantTotalCents: total, platformFeeCents: fee });
        return payout >= 0 && payout <= Math.max(0, paid - fee) && payout <= total - fee;
      }),
    );
  });
});
