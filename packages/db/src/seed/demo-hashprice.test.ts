import { readFileSync } from 'node:fs';
import { DEMO_HASHPRICE_FILE, generateDemoHashprice, readDemoHashprice, toHashpriceCsv } from './demo-hashprice';

describe('the demo hashprice index', () => {
  it('is the file the generator makes, byte for byte (remake it with npm run demo:hashprice -w @gridshare/db)', () => {
    expect(readFileSync(DEMO_HASHPRICE_FILE, 'utf8')).toBe(toHashpriceCsv(generateDemoHashprice()));
  });

  it('has every day from 2025-12-01 through 2026-12-31 once, in the upload format', () => {
    const rows = readDemoHashprice();
    expect(rows).toHaveLength(396);
    rows.forEach((row, i) => expect(row.day).toBe(new Date(Date.UTC(2025, 11, 1 + i)).toISOString().slice(0, 10)));
    expect(readFileSync(DEMO_HASHPRICE_FILE, 'utf8').split('\n')[0]).toBe('day,usdPerPhDay');
  });

  it('stays in a plausible band around 2025-26’s ~$38-55/PH/day, with daily moves no market would call absurd', () => {
    const values = readDemoHashprice().map((row) => row.usdPerPhDay);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(Math.min(...values)).toBeGreaterThanOrEqual(30);
    expect(Math.max(...values)).toBeLessThanOrEqual(60);
    expect(mean).toBeGreaterThanOrEqual(38);
    expect(mean).toBeLessThanOrEqual(50);
    const moves = values.slice(1).map((value, i) => Math.abs(value / values[i]! - 1));
    expect(Math.max(...moves)).toBeLessThan(0.35);
    // Not flat: the settlement engine sees a different day from day to day.
    expect(new Set(values).size).toBeGreaterThan(300);
  });
});
