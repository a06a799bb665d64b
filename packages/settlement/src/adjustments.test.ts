// Corrections after agreement: the agreed month never changes; a recomputation becomes adjustment lines of
// a later statement, one per line kind that moved, net of adjustments already made.
import { adjustmentsFor } from './adjustments.js';
import { SettlementInputError } from './errors.js';
import { settleMonth } from './settle.js';
import { amountOf, hourly, monthInput } from './testing/fixtures.js';
import type { SettlementStatementOut } from './types.js';

// May 2026 (31 days), agreed: AI 45 MW and mining 6 MW every hour, the note's terms.
const MAY = '2026-05';
const agreed = settleMonth(monthInput(MAY, { aiItMwh: hourly(MAY, () => 45), miningMwh: hourly(MAY, () => 6) }));
const agreedBefore = structuredClone(agreed);
const byKind = (s: SettlementStatementOut) => Object.fromEntries(s.lines.map((l) => [l.kind, l.amountCents]));

describe('adjustmentsFor', () => {
  // A correction: the AI meter read 45 MW where it was 40 on 3 May (24 h): 5 x 24 = 120 MWh less.
  const corrected = settleMonth(
    monthInput(MAY, { aiItMwh: hourly(MAY, ({ day }) => (day === 2 ? 40 : 45)), miningMwh: hourly(MAY, () => 6) }),
  );

  it('gives one adjustment per line kind whose amount moved', () => {
    const adjustments = adjustmentsFor(MAY, corrected, byKind(agreed), 'AI readings of 3 May corrected');
    // Pass-through: -120 MWh x 1.2 x $40 = -$5,760.00. The mining (6 MW) fitted the headroom either way, so
    // the backfill credit is unchanged, as are colocation and the SLA credit.
    expect(adjustments).toEqual([{ month: MAY, corrects: 'ENERGY_PASS_THROUGH', amountCents: -576_000, reason: 'AI readings of 3 May corrected' }]);
  });

  it('nets out adjustments already made, and flows into the next statement’s lines and fee', () => {
    const first = adjustmentsFor(MAY, corrected, byKind(agreed), 'first correction');
    // A second correction: on 3 May (AI 40 MW after the first, so a headroom of 60 - 48 = 12 MW) the fleet
    // ran 9 MW, not 6: +3 x 24 = 72 MWh settled.
    const again = settleMonth(
      monthInput(MAY, {
        aiItMwh: hourly(MAY, ({ day }) => (day === 2 ? 40 : 45)),
        miningMwh: hourly(MAY, ({ day }) => (day === 2 ? 9 : 6)),
      }),
    );
    const already = { ...byKind(agreed), ENERGY_PASS_THROUGH: amountOf(agreed, 'ENERGY_PASS_THROUGH') + first[0]!.amountCents };
    const second = adjustmentsFor(MAY, again, already, 'mining readings of 3 May corrected');
    // Only the backfill moved since: 72 MWh x (116.666... - 40) = $5,520.00; 50% = -$2,760.00 more credit.
    expect(second).toEqual([{ month: MAY, corrects: 'BACKFILL_CREDIT', amountCents: -276_000, reason: 'mining readings of 3 May corrected' }]);

    // In June's statement: two adjustment lines, none in the fee base (neither corrects colocation or SLA).
    const june = settleMonth(monthInput('2026-06', { adjustments: [...first, ...second] }));
    expect(june.lines.filter((l) => l.kind === 'ADJUSTMENT').map((l) => [l.adjustsMonth, l.feeBase, l.amountCents])).toEqual([
      [MAY, false, -576_000],
      [MAY, false, -276_000],
    ]);
    // T = 750,000,000 colocation - 576,000 - 276,000; the fee stays 3% of colocation.
    expect(june.tenantTotalCents).toBe(749_148_000);
    expect(june.platformFeeCents).toBe(22_500_000);
    // The agreed statement itself is left as it was.
    expect(agreed).toEqual(agreedBefore);
  });

  it('corrects colocation too, and that adjustment carries the fee', () => {
    // An MW change recorded late: 40,000 kW from 17 May. Colocation: (16 x 50,000 + 15 x 40,000) x $150 / 31
    // = 1,400,000 x 15,000 / 31 = 677,419,354.84 -> 677,419,355; agreed 750,000,000: -72,580,645.
    const recomputed = settleMonth(
      monthInput(MAY, { kwChanges: [{ effectiveOn: '2026-05-17', kw: 40_000 }], aiItMwh: hourly(MAY, () => 45), miningMwh: hourly(MAY, () => 6) }),
    );
    const adjustments = adjustmentsFor(MAY, recomputed, byKind(agreed), 'MW change of 17 May');
    expect(adjustments.find((a) => a.corrects === 'COLOCATION')?.amountCents).toBe(-72_580_645);
    const june = settleMonth(monthInput('2026-06', { adjustments }));
    const feeBase = 750_000_000 + adjustments.filter((a) => a.corrects === 'COLOCATION' || a.corrects === 'SLA_CREDIT').reduce((s, a) => s + a.amountCents, 0);
    expect(june.platformFeeCents).toBe(Math.round(feeBase * 0.03));
  });

  it('gives nothing when nothing moved, and refuses a statement of another month', () => {
    expect(adjustmentsFor(MAY, agreed, byKind(agreed), 'no change')).toEqual([]);
    expect(() => adjustmentsFor('2026-04', agreed, byKind(agreed), 'x')).toThrow(SettlementInputError);
    expect(() => adjustmentsFor(MAY, agreed, byKind(agreed), '')).toThrow(/reason/);
  });
});
