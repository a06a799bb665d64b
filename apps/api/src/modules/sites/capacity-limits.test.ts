import { capacityOn, findOversell } from './capacity-limits';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const site = { energizedMw: 100, liveDate: day('2026-01-01'), underConstructionMw: 50, constructionLiveDate: day('2027-06-01') };

describe('capacity by date', () => {
  it('counts energized MW from the live date and construction MW from its own date', () => {
    expect(capacityOn(site, day('2025-12-31'))).toBe(0);
    expect(capacityOn(site, day('2026-01-01'))).toBe(100);
    expect(capacityOn(site, day('2027-06-01'))).toBe(150);
  });

  it('never counts construction MW without a date, and energized MW without a live date always', () => {
    const undated = { energizedMw: 80, liveDate: null, underConstructionMw: 40, constructionLiveDate: null };
    expect(capacityOn(undated, day('2099-01-01'))).toBe(80);
  });
});

describe('over-selling', () => {
  it('accepts blocks that fit exactly, including float sums', () => {
    const blocks = [
      { id: 'a', mw: 33.3, availableFrom: day('2026-02-01') },
      { id: 'b', mw: 33.3, availableFrom: day('2026-03-01') },
      { id: 'c', mw: 33.4, availableFrom: day('2026-04-01') },
      { id: 'd', mw: 50, availableFrom: day('2027-06-01') },
    ];
    expect(findOversell(site, blocks)).toBeNull();
  });

  it('refuses MW before the site has them, naming the first day it breaks', () => {
    const blocks = [
      { id: 'a', mw: 90, availableFrom: day('2026-02-01') },
      { id: 'b', mw: 20, availableFrom: day('2026-09-01') },
    ];
    expect(findOversell(site, blocks)).toEqual({ day: '2026-09-01', capacityMw: 100, committedMw: 110 });
  });

  it('refuses a block that starts before the live date', () => {
    expect(findOversell(site, [{ id: 'a', mw: 1, availableFrom: day('2025-06-01') }])).toEqual({ day: '2025-06-01', capacityMw: 0, committedMw: 1 });
  });

  it('lets later construction MW carry later blocks', () => {
    const blocks = [
      { id: 'a', mw: 100, availableFrom: day('2026-01-01') },
      { id: 'b', mw: 50, availableFrom: day('2027-06-01') },
    ];
    expect(findOversell(site, blocks)).toBeNull();
    expect(findOversell(site, [...blocks, { id: 'c', mw: 1, availableFrom: day('2030-01-01') }])).toMatchObject({ committedMw: 151 });
  });
});
