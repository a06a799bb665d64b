// matchHostingRequest keeps only the best `limit` offers and skips scoring those whose margin alone keeps
// them out: the ranked list must be the head of the full ranking, whatever the limit.
import { matchHostingRequest } from './match';
import { offer, request } from './test-support';

/** 600 offers spread over rates, uptime, curtailment and verification, with ties on every criterion. */
const offers = Array.from({ length: 600 }, (_, i) =>
  offer({
    id: `offer-${String(i).padStart(3, '0')}`,
    pricing: i % 5 === 0 ? { kind: 'PASS_THROUGH', feeCentsPerKwMonth: 400 + (i % 9) * 50, energyCentsPerMwh: 3_000 + (i % 7) * 250 } : { kind: 'ALL_IN', rateCentsPerMwh: 4_000 + (i % 13) * 200 },
    uptimeCommitmentPct: 95 + (i % 6),
    interruptibility: i % 3 === 0 ? 'INTERRUPTIBLE' : 'FIRM',
    maxCurtailedHoursPerMonth: i % 3 === 0 ? (i % 4) * 10 : 0,
    hostVerified: i % 4 !== 0,
    mw: 1 + (i % 20),
  }),
);

it.each([1, 3, 20, 57])('ranks the same first %i offers as a ranking of every fitting offer', (limit) => {
  const fleets = [request(), request({ curtailmentToleratedHoursPerMonth: 40, maxRateCentsPerMwh: 9_000 }), request({ fleet: { kind: 'POWER', mw: 5, jPerTh: 25, cooling: 'AIR' } })];
  for (const fleet of fleets) {
    const market = { hashpriceUsdPerPhDay: 45, poolFeePercent: 2 };
    const all = matchHostingRequest(fleet, offers, market, offers.length);
    const top = matchHostingRequest(fleet, offers, market, limit);
    expect(all.matches.length).toBeGreaterThan(limit);
    expect(top.matches).toEqual(all.matches.slice(0, limit));
    expect(top.exclusionCounts).toEqual(all.exclusionCounts);
  }
});
