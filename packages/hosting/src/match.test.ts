import { offerEconomics } from './economics';
import { resolveFleet } from './fleet';
import { matchHostingRequest } from './match';
import { offer, request } from './test-support';

const noPoolFee = { hashpriceUsdPerPhDay: 50, poolFeePercent: 0 };

describe('hosting economics, worked by hand', () => {
  it('an S21 fleet (17.5 J/TH) at $0.065/kWh and $50/PH/day', () => {
    // Revenue per MWh = (1,000 / 17.5) PH/s per MW x $50 / 24 h = 57.142857 x 50 / 24 = $119.047619/MWh.
    // Margin = 119.047619 - 65 = $54.047619/MWh.
    // Break-even hashprice = 65 x 24 x 17.5 / 1,000 = $27.30/PH/day.
    // 100 S21 = 0.35 MW, firm at 100 % uptime: 0.35 x 730 h = 255.5 MWh a month x 54.047619 = $13,809.17.
    const e = offerEconomics(offer(), resolveFleet(request().fleet), noPoolFee);
    expect(e.revenueUsdPerMwh).toBeCloseTo(119.047619, 6);
    expect(e.marginUsdPerMwh).toBeCloseTo(54.047619, 6);
    expect(e.breakEvenHashpriceUsdPerPhDay).toBeCloseTo(27.3, 9);
    expect(e.expectedMwhPerMonth).toBeCloseTo(255.5, 9);
    expect(e.expectedMonthlyProfitUsd).toBe(13_809.17);
  });

  it('spreads a pass-through fee over the hours the fleet is expected to run', () => {
    // $10/kW-month over 730 h x 95 % = 693.5 h: $14.4196/MWh on top of $40/MWh energy.
    const e = offerEconomics(
      offer({ pricing: { kind: 'PASS_THROUGH', feeCentsPerKwMonth: 1_000, energyCentsPerMwh: 4_000 }, uptimeCommitmentPct: 95 }),
      resolveFleet(request().fleet),
      noPoolFee,
    );
    expect(e.rateUsdPerMwh).toBeCloseTo(40 + 10_000 / 693.5, 9);
  });
});

describe('matchHostingRequest', () => {
  it('excludes an interruptible offer that curtails 100 h a month when the fleet tolerates 50, saying so', () => {
    const interruptible = offer({ id: 'curtails-100', interruptibility: 'INTERRUPTIBLE', noticeSeconds: 30, maxCurtailedHoursPerMonth: 100, preemptors: ['GRID'] });
    const result = matchHostingRequest(request({ curtailmentToleratedHoursPerMonth: 50 }), [interruptible], noPoolFee);
    expect(result.matches).toEqual([]);
    expect(result.excluded).toEqual([
      { offerId: 'curtails-100', reasons: [{ constraint: 'curtailment', message: 'the offer may curtail 100 h a month; the fleet tolerates 50 h' }] },
    ]);
  });

  it.each([
    ['rate', offer({ pricing: { kind: 'ALL_IN', rateCentsPerMwh: 7_500 } }), 'the effective rate is $0.07500/kWh; the fleet pays at most $0.07000/kWh'],
    ['mw', offer({ mw: 0.3 }), 'the offer has 0.3 MW; the fleet needs 0.35 MW'],
    ['dates', offer({ availableFrom: '2026-04-01' }), "the power is available from 2026-04-01, after the fleet's start 2026-03-01"],
    ['term', offer({ minTermMonths: 24 }), "the offer's minimum term is 24 months; the fleet asks for 12"],
    ['cooling', offer({ coolings: ['HYDRO'] }), 'AIR machines need cooling the offer lacks (it has HYDRO)'],
    ['efficiency', offer({ maxJPerTh: 16 }), "the fleet's least efficient machines run at 17.5 J/TH; the offer accepts at most 16 J/TH"],
    ['uptime', offer({ uptimeCommitmentPct: 90 }), 'the offer commits 90% uptime; the fleet needs 95%'],
  ])('excludes an offer failing %s with its reason', (constraint, o, message) => {
    const result = matchHostingRequest(request(), [o], noPoolFee);
    expect(result.excluded[0]?.reasons).toEqual([{ constraint, message }]);
  });

  it('lets air-cooled machines into immersion tanks but not hydro machines into air', () => {
    const immersion = offer({ id: 'tanks', coolings: ['IMMERSION'] });
    expect(matchHostingRequest(request(), [immersion], noPoolFee).matches).toHaveLength(1);
    const hydroFleet = request({ fleet: { kind: 'MACHINES', machines: [{ model: 'S21_XP_HYDRO', count: 10 }] } });
    expect(matchHostingRequest(hydroFleet, [offer()], noPoolFee).excluded[0]?.reasons[0]?.constraint).toBe('cooling');
  });

  it('ranks by expected margin first, and explains each result with break-even and monthly profit', () => {
    const cheap = offer({ id: 'cheap', pricing: { kind: 'ALL_IN', rateCentsPerMwh: 5_000 } });
    const dear = offer({ id: 'dear', pricing: { kind: 'ALL_IN', rateCentsPerMwh: 6_500 } });
    const result = matchHostingRequest(request(), [dear, cheap], noPoolFee);
    expect(result.matches.map((m) => m.offerId)).toEqual(['cheap', 'dear']);
    const [first, second] = result.matches;
    // Margins 69.047619 and 54.047619: the best gets the full 55 margin points, the other
    // 54.047619 / 69.047619 = 0.783 (to 3 decimals) x 55 = 43.065.
    expect(first!.criteria.find((c) => c.key === 'margin')!.contribution).toBe(55);
    expect(second!.criteria.find((c) => c.key === 'margin')!.contribution).toBe(43.065);
    expect(first!.score).toBe(100); // 55 margin + 15 uptime + 15 firm + 15 verified
    expect(second!.summary).toBe('$54.05/MWh expected margin at $50.00/PH/day ($13809.17 a month over 255.5 MWh); break-even $27.30/PH/day');
    for (const m of result.matches) expect(m.criteria.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(m.score, 6);
  });

  it('scores curtailment risk by the hours the offer may curtail against those the fleet tolerates', () => {
    const some = offer({ id: 'some', interruptibility: 'INTERRUPTIBLE', noticeSeconds: 10, maxCurtailedHoursPerMonth: 20, preemptors: ['AI_LOAD'] });
    const [m] = matchHostingRequest(request(), [some], noPoolFee).matches;
    const risk = m!.criteria.find((c) => c.key === 'curtailmentRisk')!;
    expect(risk.value).toBe(0.6);
    expect(risk.reason).toBe('may curtail 20 h a month (of 50 tolerated) on 10 s notice, for AI_LOAD');
    // 710 h x 100 % x 0.35 MW = 248.5 MWh.
    expect(m!.economics.expectedMwhPerMonth).toBeCloseTo(248.5, 9);
  });
});
