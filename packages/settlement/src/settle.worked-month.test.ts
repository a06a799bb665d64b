// The settlement note's worked month (docs/settlement.md, ../shared/notes/settlement.md), to the cent.
import { settleMonth } from './settle.js';
import { NOTE_TERMS, amountOf, hourly, monthInput } from './testing/fixtures.js';

// June 2026: 30 days, H = 720. Day hours are 06:00-22:00 UTC (16), night hours 22:00-06:00 (8).
const MONTH = '2026-06';
const isDay = (hour: number) => hour >= 6 && hour < 22;
// One FACILITY outage of all 50 MW: 10 June 10:00-14:00 (4 day hours; day 9, hours 226..229).
const outage = (h: number) => h >= 9 * 24 + 10 && h < 9 * 24 + 14;
// One DEMAND_RESPONSE event on mining: 20 June 01:00-03:00 (2 night hours), 30 MW at $100/MWh.
const demandResponse = (h: number) => h >= 19 * 24 + 1 && h < 19 * 24 + 3;

const input = monthInput(MONTH, {
  terms: NOTE_TERMS,
  // AI_IT: 45 MW by day, 25 MW at night; 0 during the outage.
  aiItMwh: hourly(MONTH, ({ h, hour }) => (outage(h) ? 0 : isDay(hour) ? 45 : 25)),
  // The fleet fills the headroom exactly: reserved 50 x 1.2 = 60 MW; day 60 - 45 x 1.2 = 6, night 60 - 30 = 30.
  miningMwh: hourly(MONTH, ({ h, hour }) => (outage(h) || demandResponse(h) ? 0 : isDay(hour) ? 6 : 30)),
  events: [
    {
      id: 'outage',
      cause: 'FACILITY',
      channel: 'AI_IT',
      startsAt: '2026-06-10T10:00:00Z',
      endsAt: '2026-06-10T14:00:00Z',
      mwAffected: 50,
      paymentCentsPerMwh: null,
      disputed: false,
    },
    {
      id: 'dr',
      cause: 'DEMAND_RESPONSE',
      channel: 'MINING',
      startsAt: '2026-06-20T01:00:00Z',
      endsAt: '2026-06-20T03:00:00Z',
      mwAffected: 30,
      paymentCentsPerMwh: 10_000,
      disputed: false,
    },
  ],
});

describe('the worked month of the settlement note', () => {
  const s = settleMonth(input);

  it('bills colocation and the 10% SLA tier', () => {
    // colocation = 50,000 kW x $150 x 30/30 days = $7,500,000.00
    expect(amountOf(s, 'COLOCATION')).toBe(750_000_000);
    // availability = 1 - 4 / 720 = 99.444% -> the 99.0-99.5% tier, 10%: -$750,000.00
    expect(s.summary.availability.pct).toBeCloseTo(99.4444, 4);
    expect(s.summary.availability.unavailableHours).toBe(4);
    expect(amountOf(s, 'SLA_CREDIT')).toBe(-75_000_000);
  });

  it('passes the AI energy through at the agreed PUE and price', () => {
    // AI_IT MWh = 30 x (16 x 45 + 8 x 25) - 4 x 45 = 27,600 - 180 = 27,420
    expect(s.summary.energyMwh.aiIt).toBeCloseTo(27_420, 9);
    // 27,420 x 1.2 x $40 = $1,316,160.00
    expect(amountOf(s, 'ENERGY_PASS_THROUGH')).toBe(131_616_000);
  });

  it('credits half the backfill net and half the demand-response income', () => {
    // settled mining = 30 x (16 x 6 + 8 x 30) - 4 x 6 - 2 x 30 = 10,080 - 24 - 60 = 9,996 MWh
    expect(s.summary.energyMwh.settledMining).toBeCloseTo(9_996, 9);
    expect(s.summary.energyMwh.unsettledMining).toBe(0);
    // revenue per MWh = (1,000 / 17.5) x 50 / 24 x 0.98 = $116.666...; gross = 9,996 x 116.666... = $1,166,200.00
    expect(s.summary.backfill.grossRevenueCents).toBe(116_620_000);
    // energy = 9,996 x $40 = $399,840.00; net = $766,360.00; credit = -50% = -$383,180.00
    expect(s.summary.backfill.energyCostCents).toBe(39_984_000);
    expect(s.summary.backfill.positiveNetCents).toBe(76_636_000);
    expect(amountOf(s, 'BACKFILL_CREDIT')).toBe(-38_318_000);
    // DR: headroom 30 MW x 2 h = 60 MWh x $100 = $6,000.00; credit = -50% = -$3,000.00
    expect(s.summary.energyMwh.curtailedForDemandResponse).toBe(60);
    expect(s.summary.backfill.demandResponseIncomeCents).toBe(600_000);
    expect(amountOf(s, 'DEMAND_RESPONSE_CREDIT')).toBe(-300_000);
  });

  it('balances: T = payout + fee', () => {
    // T = 7,500,000 - 750,000 + 1,316,160 - 383,180 - 3,000 = $7,679,980.00
    expect(s.tenantTotalCents).toBe(767_998_000);
    // fee = 3% x (7,500,000 - 750,000) = $202,500.00; payout = $7,477,480.00
    expect(s.platformFeeCents).toBe(20_250_000);
    expect(s.hostPayoutCents).toBe(747_748_000);
    expect(s.tenantCarryOutCents).toBe(0);
    expect(s.feeCarryOutCents).toBe(0);
    expect(s.lines.map((l) => l.kind)).toEqual(['COLOCATION', 'SLA_CREDIT', 'ENERGY_PASS_THROUGH', 'BACKFILL_CREDIT', 'DEMAND_RESPONSE_CREDIT']);
  });
});
