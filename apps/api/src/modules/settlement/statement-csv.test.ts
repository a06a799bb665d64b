import { centsToUsd, statementCsv } from './statement-csv';

describe('statement CSV', () => {
  it('writes exact cents and USD for every line and total, quoting what needs it', () => {
    const csv = statementCsv({
      id: 's-1',
      dealId: 'd-1',
      month: '2027-03',
      status: 'AGREED',
      version: 2,
      tenantTotalCents: 767_998_000n,
      platformFeeCents: 20_250_000n,
      hostPayoutCents: 747_748_000n,
      tenantCarryOutCents: 0n,
      feeCarryOutCents: 0n,
      lines: [
        { position: 0, kind: 'COLOCATION', description: 'Colocation: 50,000 kW x $150.00', adjustsMonth: null, amountCents: 750_000_000n },
        { position: 1, kind: 'ADJUSTMENT', description: 'Adjustment to 2027-02 "energy"', adjustsMonth: '2027-02', amountCents: -5n },
      ],
    });
    const rows = csv.split('\r\n');
    expect(rows[0]).toBe('statement_id,deal_id,month,status,version,position,kind,description,adjusts_month,amount_cents,amount_usd');
    expect(rows[1]).toBe('s-1,d-1,2027-03,AGREED,2,0,COLOCATION,"Colocation: 50,000 kW x $150.00",,750000000,7500000.00');
    expect(rows[2]).toBe('s-1,d-1,2027-03,AGREED,2,1,ADJUSTMENT,"Adjustment to 2027-02 ""energy""",2027-02,-5,-0.05');
    expect(rows[3]).toBe('s-1,d-1,2027-03,AGREED,2,,TENANT_TOTAL,Tenant total,,767998000,7679980.00');
    expect(rows.at(-1)).toBe('');
  });

  it('converts cents to USD exactly, beyond what a float holds to the cent', () => {
    expect(centsToUsd(-38_318_000n)).toBe('-383180.00');
    expect(centsToUsd(9_007_199_254_740_993n)).toBe('90071992547409.93');
    expect(centsToUsd(7n)).toBe('0.07');
  });
});
