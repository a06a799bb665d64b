import { matchRequest } from './match-request.js';
import { AS_OF, makeBlock, makeRequest, makeSite } from './test-support.js';
import { MATCHING_MODEL_VERSION, MATCHING_WEIGHTS } from './weights.js';

describe('matchRequest: ranking', () => {
  const request = makeRequest();

  it('ranks by score, best first, with rank numbers from 1', () => {
    const result = matchRequest(
      request,
      [makeSite('low', { readinessScore: 40 }), makeSite('high', { readinessScore: 95 }), makeSite('mid', { readinessScore: 70 })],
      { asOf: AS_OF },
    );
    expect(result.matches.map((m) => [m.rank, m.key])).toEqual([
      [1, 'high'],
      [2, 'mid'],
      [3, 'low'],
    ]);
    expect(result.matches[0]?.score).toBeGreaterThan(result.matches[1]?.score ?? 100);
  });

  it('breaks equal scores by site id, whatever the input order', () => {
    const sites = [makeSite('c'), makeSite('a'), makeSite('b')];
    const forward = matchRequest(request, sites, { asOf: AS_OF });
    const backward = matchRequest(request, [...sites].reverse(), { asOf: AS_OF });
    expect(forward.matches.map((m) => m.key)).toEqual(['a', 'b', 'c']);
    expect(backward).toEqual(forward);
  });

  it('returns at most `limit` matches and still counts every site', () => {
    const sites = ['a', 'b', 'c', 'd'].map((id) => makeSite(id));
    const two = matchRequest(request, [...sites, makeSite('far', { country: 'NO' })], { asOf: AS_OF, limit: 2 });
    expect(two.matches.map((m) => m.rank)).toEqual([1, 2]);
    expect(two.eligible).toEqual({ single: 4, partial: 0 });
    expect(two.excluded.total).toBe(1);
    const none = matchRequest(request, sites, { asOf: AS_OF, limit: 0 });
    expect(none.matches).toEqual([]);
    expect(none.eligible.single).toBe(4);
    const many = matchRequest(request, sites, { asOf: AS_OF, limit: 1000 });
    expect(many.matches.map((m) => m.key)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('defaults to 20 matches', () => {
    const sites = Array.from({ length: 25 }, (_, i) => makeSite(`s${String(i).padStart(2, '0')}`));
    expect(matchRequest(request, sites, { asOf: AS_OF }).matches).toHaveLength(20);
  });

  it('rejects a bad asOf or limit', () => {
    expect(() => matchRequest(request, [], { asOf: 'soon' })).toThrow(RangeError);
    expect(() => matchRequest(request, [], { limit: -1 })).toThrow(RangeError);
  });

  it('reports the model version', () => {
    expect(matchRequest(request, [], { asOf: AS_OF }).modelVersion).toBe(MATCHING_MODEL_VERSION);
  });
});

describe('matchRequest: block choice', () => {
  it('takes the cheapest blocks first, then the earliest, then by id, and only the MW needed', () => {
    const site = makeSite('s', {
      blocks: [
        makeBlock('z1', { mw: 100, priceCentsPerKwMonth: 12_000, availableFrom: '2026-03-01' }),
        makeBlock('x', { mw: 100, priceCentsPerKwMonth: 18_000, availableFrom: '2026-01-01' }),
        makeBlock('a1', { mw: 100, priceCentsPerKwMonth: 12_000, availableFrom: '2026-03-01' }),
        makeBlock('e', { mw: 100, priceCentsPerKwMonth: 12_000, availableFrom: '2026-02-01' }),
      ],
    });
    const [match] = matchRequest(makeRequest({ totalMw: 250 }), [site], { asOf: AS_OF }).matches;
    expect(match?.blockIds).toEqual(['e', 'a1', 'z1']);
    expect(match?.allocations.map((a) => [a.blockId, a.mw])).toEqual([
      ['e', 100],
      ['a1', 100],
      ['z1', 50],
    ]);
    expect(match?.mwAllocated).toBe(250);
    expect(match?.weightedPriceCentsPerKwMonth).toBe(12_000);
    expect(match?.monthlyCostCents).toBe(250_000 * 12_000);
    expect(match?.firstPowerDate).toBe('2026-03-01');
  });

  it('keeps each phase on time even when that means a dearer early block', () => {
    const site = makeSite('s', {
      blocks: [
        makeBlock('cheap-late', { mw: 200, priceCentsPerKwMonth: 10_000, availableFrom: '2026-08-01' }),
        makeBlock('dear-early', { mw: 60, priceCentsPerKwMonth: 18_000, availableFrom: '2026-01-01' }),
      ],
    });
    const request = makeRequest({
      phases: [
        { mw: 50, neededBy: '2026-03-01' },
        { mw: 150, neededBy: '2026-09-01' },
      ],
    });
    const [match] = matchRequest(request, [site], { asOf: AS_OF }).matches;
    expect(match?.allocations.map((a) => [a.blockId, a.mw])).toEqual([
      ['cheap-late', 150],
      ['dear-early', 50],
    ]);
    expect(match?.weightedPriceCentsPerKwMonth).toBe(12_000);
    expect(match?.firstPowerDate).toBe('2026-01-01');
  });
});

describe('matchRequest: score and explanation', () => {
  it('scores with the weights table; backfill drops out and the others scale up when mining is not allowed', () => {
    // readiness 0.8; price $150 -> (250-150)/150; live on asOf -> 1; energy $40 -> 0.8; renewable 0.5.
    const [match] = matchRequest(makeRequest(), [makeSite('s')], { asOf: AS_OF }).matches;
    const w = MATCHING_WEIGHTS;
    const used = 1 - w.backfillValue.weight;
    const expected =
      ((w.readiness.weight * 0.8 +
        w.price.weight * (100 / 150) +
        w.timeToPower.weight * 1 +
        w.energyPrice.weight * 0.8 +
        w.renewableShare.weight * 0.5) /
        used) *
      100;
    expect(match?.score).toBeCloseTo(expected, 3);
    const backfill = match?.criteria.find((c) => c.key === 'backfillValue');
    expect(backfill).toMatchObject({ weight: 0, contribution: 0 });
    expect(backfill?.reason).toMatch(/does not allow backfill/);
  });

  it('explains every criterion: weights sum to 1, contributions sum to the score', () => {
    const [match] = matchRequest(makeRequest({ backfillMiningAllowed: true }), [makeSite('s')], { asOf: AS_OF }).matches;
    const criteria = match?.criteria ?? [];
    expect(criteria.map((c) => c.key)).toEqual([
      'readiness',
      'price',
      'timeToPower',
      'energyPrice',
      'renewableShare',
      'backfillValue',
    ]);
    expect(criteria.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 3);
    expect(criteria.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(match?.score ?? -1, 2);
    for (const c of criteria) {
      expect(c.value).toBeGreaterThanOrEqual(0);
      expect(c.value).toBeLessThanOrEqual(1);
      expect(c.reason.length).toBeGreaterThan(5);
    }
    expect(criteria.find((c) => c.key === 'price')?.reason).toContain('$150.00/kW-month');
    // 20 MW interruptible for 200 MW allocated, energy $40 vs $90 break-even: 0.1 x (1 - 40/90).
    const backfill = criteria.find((c) => c.key === 'backfillValue');
    expect(backfill?.value).toBeCloseTo(0.1 * (1 - 40 / 90), 3);
    expect(backfill?.weight).toBe(MATCHING_WEIGHTS.backfillValue.weight);
    expect(backfill?.reason).toContain('20 MW interruptible');
  });

  it('backfill value rewards interruptible MW and cheap energy, only when the request allows mining', () => {
    const sites = [makeSite('miner', { interruptibleMw: 200 }), makeSite('plain', { interruptibleMw: 0 })];
    const allowed = matchRequest(makeRequest({ backfillMiningAllowed: true }), sites, { asOf: AS_OF });
    expect(allowed.matches.map((m) => m.key)).toEqual(['miner', 'plain']);
    const denied = matchRequest(makeRequest({ backfillMiningAllowed: false }), sites, { asOf: AS_OF });
    expect(denied.matches[0]?.score).toBe(denied.matches[1]?.score);
  });

  it('time to power counts from asOf: later power scores lower', () => {
    const sites = [
      makeSite('now', { blocks: [makeBlock('b', { availableFrom: '2026-01-01' })] }),
      makeSite('later', { blocks: [makeBlock('b', { availableFrom: '2026-05-01' })] }),
    ];
    const result = matchRequest(makeRequest(), sites, { asOf: AS_OF });
    const ttp = (key: string) =>
      result.matches.find((m) => m.key === key)?.criteria.find((c) => c.key === 'timeToPower')?.value;
    expect(ttp('now')).toBe(1);
    expect(ttp('later')).toBeCloseTo(1 - 120 / 30.436875 / 36, 3);
    expect(result.matches.map((m) => m.key)).toEqual(['now', 'later']);
    // Seen from a later asOf both are live already and tie (broken by id).
    const afterwards = matchRequest(makeRequest(), sites, { asOf: '2026-05-01' });
    expect(afterwards.matches[0]?.score).toBe(afterwards.matches[1]?.score);
  });

  it('cheaper rent and energy rank higher, all else equal', () => {
    const result = matchRequest(
      makeRequest(),
      [
        makeSite('dear', { blocks: [makeBlock('b', { priceCentsPerKwMonth: 19_000 })] }),
        makeSite('cheap', { blocks: [makeBlock('b', { priceCentsPerKwMonth: 11_000 })] }),
        makeSite('cheap-dirty', { blocks: [makeBlock('b', { priceCentsPerKwMonth: 11_000 })], energyPriceCentsPerMwh: 9_000 }),
      ],
      { asOf: AS_OF },
    );
    expect(result.matches.map((m) => m.key)).toEqual(['cheap', 'cheap-dirty', 'dear']);
  });

  it('says why in a one-line summary', () => {
    const [match] = matchRequest(makeRequest(), [makeSite('s')], { asOf: AS_OF }).matches;
    expect(match?.isSplit).toBe(false);
    expect(match?.split).toBeNull();
    expect(match?.summary).toBe(
      'Holds all 200 MW at one site in Texas, US (ERCOT) on schedule: phase 1 live 2026-01-01, $150.00/kW-month; strongest on readiness',
    );
    expect(match?.sites).toEqual([
      { siteId: 's', hostOrgId: 'org-s', mwAllocated: 200, blockIds: ['s-b1'], weightedPriceCentsPerKwMonth: 15_000 },
    ]);
  });
});
