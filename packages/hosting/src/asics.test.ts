import { ASIC_MODELS, asicModel, asicPowerKw } from './asics';
import { resolveFleet } from './fleet';

describe('the ASIC library', () => {
  it('gives each model a power of hashrate x J/TH within 3 % of the maker\'s rated wattage', () => {
    // Rated wall power from the spec sheets listed in docs/hosting.md.
    const ratedW: Record<string, number> = { S21: 3_500, S21_PRO: 3_510, S21_XP: 3_645, S21_PLUS_HYDRO: 5_104, S21_XP_HYDRO: 5_676, M60S: 3_441, M63S: 7_215, M66S: 5_513 };
    for (const [id, watts] of Object.entries(ratedW)) {
      const model = ASIC_MODELS.find((m) => m.id === id);
      expect(model).toBeDefined();
      expect(Math.abs(asicPowerKw(model!) * 1_000 - watts) / watts).toBeLessThan(0.03);
    }
  });

  it('has unique ids and refuses an unknown one', () => {
    expect(new Set(ASIC_MODELS.map((m) => m.id)).size).toBe(ASIC_MODELS.length);
    expect(() => asicModel('S9' as never)).toThrow('unknown ASIC model S9');
  });

  it('resolves a mixed fleet to its MW, hashrate-weighted J/TH, worst machine and coolings', () => {
    // 100 S21 (200 TH, 3.5 kW) + 50 S21 XP Hydro (473 TH, 5.676 kW): 350 + 283.8 kW; 20,000 + 23,650 TH.
    const fleet = resolveFleet({ kind: 'MACHINES', machines: [{ model: 'S21', count: 100 }, { model: 'S21_XP_HYDRO', count: 50 }] });
    expect(fleet.mw).toBeCloseTo(0.6338, 6);
    expect(fleet.hashrateThs).toBe(43_650);
    expect(fleet.jPerTh).toBeCloseTo(633_800 / 43_650, 9);
    expect(fleet.worstJPerTh).toBe(17.5);
    expect(fleet.coolings).toEqual(['AIR', 'HYDRO']);
  });

  it('takes a fleet stated as MW and J/TH as it is', () => {
    const fleet = resolveFleet({ kind: 'POWER', mw: 20, jPerTh: 16, cooling: 'IMMERSION' });
    expect(fleet).toEqual({ mw: 20, hashrateThs: 1_250_000, jPerTh: 16, worstJPerTh: 16, coolings: ['IMMERSION'] });
  });
});
