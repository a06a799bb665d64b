import { simulateTerm, type TTermInput } from '@gridshare/revenue';
import { TERM_MODEL, normaliseInput } from './revenue-input';
import { fitFigures } from './revenue-defaults';

/** The partial input, merged over the defaults and validated as the API does. */
function run(partial: Record<string, unknown>): TTermInput {
  const result = normaliseInput(partial, TERM_MODEL);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  simulateTerm(result.input);
  return result.input;
}

describe('fitFigures', () => {
  it('a site alone: its interconnection, PUE, energy price and fleet, with the IT MW that fits', () => {
    const { input, adjustments } = fitFigures({ interconnectionMw: 50, pue: 1.4, energyUsdPerMwh: 38.5, fleetMw: 30 });
    expect(adjustments).toEqual([]);
    const full = run(input);
    expect(full.site).toMatchObject({ interconnectionMw: 50, pue: 1.4 });
    expect(full.aiLoad.contractedItMw).toBe(33.928); // 50 x 0.95 / 1.4, to the kW
    expect(full.mining.fleetMw).toBe(30);
    expect(full.energy.price).toEqual({ kind: 'flat', usdPerMwh: 38.5 });
  });

  it('the issue case: 70 MW x 1.3 on a 93 MW site gives way in the reserve, named with given and proposed values', () => {
    const { input, adjustments } = fitFigures({ interconnectionMw: 93, pue: 1.3, contractedItMw: 70 });
    expect(adjustments).toEqual([
      { field: 'site.reserve.mw', constraint: expect.stringMatching(/contractedItMw x PUE \(91\.000 MW\) exceeds the interconnection less reserve \(88\.350 MW\)/), given: 4.65, proposed: 2 },
    ]);
    expect(run(input).aiLoad.contractedItMw).toBe(70);
  });

  it('a deal larger than the whole interconnection: the IT MW comes down to what fits', () => {
    const { input, adjustments } = fitFigures({ interconnectionMw: 100, pue: 1.3, contractedItMw: 90, colocationUsdPerKwMonth: 150, hostSharePercent: 40, termYears: 12 });
    expect(adjustments.map((a) => [a.field, a.given, a.proposed])).toEqual([
      ['site.reserve.mw', 5, 0],
      ['aiLoad.contractedItMw', 90, 76.923],
    ]);
    const full = run(input);
    expect(full.deal.revenueShare).toEqual({ hostPercent: 40, tenantPercent: 60 });
    expect(full.term.years).toBe(12);
  });
});
