import { RevenueInputError } from './errors.js';
import { revenueSensitivity, sensitivityCellIndex } from './sensitivity.js';
import { simulateRevenue } from './simulate.js';
import { defaultInput, seededSeries } from './testing/arbitrary-input.js';

describe('revenueSensitivity', () => {
  it('gives host EBITDA for every hashprice x energy price cell, as a simulation of that cell would', () => {
    const input = defaultInput();
    const hashprices = [30, 44, 60];
    const prices = [40, 80];
    const grid = revenueSensitivity(input, [
      { path: 'market.hashpriceUsdPerPhDay', values: hashprices },
      { path: 'energy.price.usdPerMwh', values: prices },
    ]);
    expect(grid.shape).toEqual([3, 2]);
    expect(grid.hostEbitdaCents).toHaveLength(6);
    hashprices.forEach((hp, i) =>
      prices.forEach((p, j) => {
        const cell = defaultInput();
        cell.market.hashpriceUsdPerPhDay = hp;
        cell.energy.price = { kind: 'flat', usdPerMwh: p };
        expect(grid.hostEbitdaCents[sensitivityCellIndex(grid.shape, [i, j])]).toBe(simulateRevenue(cell).totalsCents.hostEbitda);
      }),
    );
    // Dearer energy lowers EBITDA at every hashprice; a higher hashprice never lowers it.
    for (let i = 0; i < 3; i++) expect(grid.hostEbitdaCents[i * 2 + 1]!).toBeLessThan(grid.hostEbitdaCents[i * 2]!);
    for (let i = 1; i < 3; i++) expect(grid.hostEbitdaCents[i * 2]!).toBeGreaterThanOrEqual(grid.hostEbitdaCents[(i - 1) * 2]!);
  });

  it('varies any numeric field by path, array elements included, without touching the input', () => {
    const input = defaultInput();
    input.aiLoad.profile = { kind: 'series', values: seededSeries(5, 8_760, 0, 1) };
    const before = structuredClone(input);
    const grid = revenueSensitivity(input, [
      { path: 'aiLoad.profile.values[100]', values: [0, 1] },
      { path: 'deal.colocationUsdPerKwMonth', values: [100, 150, 200] },
      { path: 'mining.fleetMw', values: [0, 40] },
    ]);
    expect(grid.shape).toEqual([2, 3, 2]);
    expect(input).toEqual(before);
    const at = (a: number, b: number, c: number) => grid.hostEbitdaCents[sensitivityCellIndex(grid.shape, [a, b, c])]!;
    // $50/kW-month more on 70,000 kW for 12 months.
    expect(at(0, 1, 0) - at(0, 0, 0)).toBe(50 * 70_000 * 12 * 100);
    expect(at(1, 2, 1) - at(1, 1, 1)).toBe(50 * 70_000 * 12 * 100);
  });

  it('names an axis whose path is not a numeric field', () => {
    const input = defaultInput();
    const run = (path: string) => () => revenueSensitivity(input, [{ path, values: [1] }]);
    for (const path of ['market.nope', 'energy.price', '__proto__.x', 'startDate', 'energy.strike.maxUsdPerMwh'])
      expect(run(path)).toThrow(/axes\.0\.path/);
    expect(() => revenueSensitivity(input, [])).toThrow(/at least one axis/);
    expect(() => revenueSensitivity(input, [{ path: 'mining.fleetMw', values: [] }])).toThrow(/axes\.0\.values/);
  });

  it('names the field and the cell when a value breaks a rule', () => {
    const input = defaultInput();
    let error: unknown;
    try {
      revenueSensitivity(input, [
        { path: 'market.hashpriceUsdPerPhDay', values: [40, -5] },
        { path: 'mining.jPerTh', values: [17.5] },
      ]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RevenueInputError);
    const issues = (error as RevenueInputError).issues;
    expect(issues[0]!.path).toBe('market.hashpriceUsdPerPhDay');
    expect(issues[0]!.message).toMatch(/in cell market\.hashpriceUsdPerPhDay=-5, mining\.jPerTh=17\.5/);
  });

  it('refuses grids above the cell limit before running any', () => {
    const values = Array.from({ length: 400 }, (_, i) => i);
    expect(() =>
      revenueSensitivity(defaultInput(), [
        { path: 'market.hashpriceUsdPerPhDay', values },
        { path: 'energy.price.usdPerMwh', values },
      ]),
    ).toThrow(/160000 cells is more than the limit/);
  });

  it('indexes cells row-major and checks the indices', () => {
    expect(sensitivityCellIndex([3, 4], [2, 1])).toBe(9);
    expect(() => sensitivityCellIndex([3, 4], [3, 0])).toThrow(RangeError);
    expect(() => sensitivityCellIndex([3, 4], [0])).toThrow(RangeError);
  });
});
