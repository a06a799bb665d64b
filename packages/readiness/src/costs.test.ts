import { COST_TABLE, type CostItem } from './costs.js';

const rows: [string, CostItem][] = Object.entries(COST_TABLE);
const hall = COST_TABLE.aiDataHallPerItMw.unitUsd;

describe('COST_TABLE', () => {
  it('gives every row a source, whole dollars and whole months', () => {
    for (const [key, row] of rows) {
      expect([key, row.source.length > 0]).toEqual([key, true]);
      expect(Number.isInteger(row.unitUsd)).toBe(true);
      expect(row.unitUsd).toBeGreaterThan(0);
      expect(Number.isInteger(row.months)).toBe(true);
      expect(row.months).toBeGreaterThanOrEqual(0);
      if (row.rangeUsd !== null) {
        expect(row.rangeUsd[0]).toBeLessThanOrEqual(row.unitUsd);
        expect(row.unitUsd).toBeLessThanOrEqual(row.rangeUsd[1]);
      }
    }
  });

  it('says "house default" wherever no source gives the figure', () => {
    for (const key of ['interconnectionPerMw', 'waterSupply', 'landPerAcre', 'permits', 'hirePerPerson', 'hallUpgradePerItMw'] as const) {
      expect(COST_TABLE[key].source).toMatch(/house default/);
    }
  });

  it('works the derived rows out from their sources as the derivation says', () => {
    expect(hall).toBe(11_700_000); // Cushman & Wakefield 2025, US average
    expect(COST_TABLE.liquidCoolingPerItMw.unitUsd).toBe(Math.round(0.085 * hall)); // Turner & Townsend +7-10%
    expect(COST_TABLE.liquidCoolingPerItMw.rangeUsd).toEqual([Math.round(0.07 * hall), Math.round(0.1 * hall)]);
    expect(COST_TABLE.redundancyPerItMw.unitUsd).toBe(Math.round(0.35 * 0.25 * hall));
    expect(COST_TABLE.hallUpgradePerItMw.unitUsd).toBe(Math.round(0.25 * hall));
    expect(COST_TABLE.ringBusSubstation.unitUsd).toBe(Math.round(7_350_000 * 1.7));
    expect(COST_TABLE.ringBusSubstation.rangeUsd).toEqual([Math.round(5_900_000 * 1.6), Math.round(8_800_000 * 1.8)]);
    expect(COST_TABLE.transformerPerMva.unitUsd).toBe(Math.round(28_000 * 1.7));
    // 150 weeks (Wood Mackenzie's average transformer lead time) in months, rounded up.
    expect(COST_TABLE.transformerPerMva.months).toBe(Math.ceil((150 * 7) / 30.4375));
  });
});
