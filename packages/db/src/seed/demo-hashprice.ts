// The demo's daily hashprice index ($/PH/day), 2025-12-01 to 2026-12-31: what the embedded demo settles
// backfill mining on until a data partner uploads real values. It ships as a data file
// (demo-hashprice-index.csv: `day,usdPerPhDay`, the upload format) that the seed reads; this module is how
// that file was made and remakes it byte for byte (`npm run demo:hashprice -w @gridshare/db`;
// demo-hashprice.test.ts checks they agree).
//
// Synthetic, deterministic, and shaped by ../shared/notes/domain-figures.md:
//   hashprice_d = K × BTC_d × (subsidy + fees_d) ÷ difficulty_d          (the note's "hashprice path" row)
// - subsidy 3.125 BTC all period (the next halving is due around April 2028);
// - difficulty grows 35% a year (2025's net growth), in 14-day steps (an adjustment epoch is ~2 weeks),
//   each step ±1.5% around the trend;
// - BTC: a smooth path from $91k (December 2025, the level of the ~$38/PH/day five-year low) to $120k in
//   mid-2026 and $130k in December 2026, times mean-reverting daily noise (AR(1) on the log price,
//   shocks of 1.8% a day, persistence 0.92): plausible swings, no runaway;
// - fees: 2.5% of the subsidy on calm days; on 1.5% of days a fee spike starts that lasts 1-3 days at
//   10-30% of the subsidy (congestion events; the 2024 halving week was far higher);
// - K puts 2025-12-01 at $40.00/PH/day.
// The result: $34.6-56.7/PH/day, mean $42.7, around the note's ~$38-55 for 2025-26 (demo-hashprice.test.ts
// holds it to $30-60 and a mean of $38-50).
// PRNG: mulberry32 seeded 20251201, normals by Box-Muller.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEMO_HASHPRICE_FILE = join(__dirname, 'demo-hashprice-index.csv');
export const DEMO_HASHPRICE_FIRST_DAY = '2025-12-01';
export const DEMO_HASHPRICE_LAST_DAY = '2026-12-31';
/** Who the demo's index days say they come from (the uploader's label, HashpriceIndexDay.source). */
export const DEMO_HASHPRICE_SOURCE = 'Gridshare demo index (synthetic; packages/db/src/seed/demo-hashprice.ts)';

export interface HashpriceDayRow {
  day: string;
  usdPerPhDay: number;
}

const DAY_MS = 86_400_000;
const SUBSIDY_BTC = 3.125;
const DIFFICULTY_GROWTH_PER_YEAR = 0.35;
const EPOCH_DAYS = 14;
// BTC price anchors (day offset from 2025-12-01, USD); linear between them on the log scale.
const BTC_PATH: readonly [number, number][] = [
  [0, 91_000],
  [200, 120_000],
  [395, 130_000],
];

/** mulberry32: a small seeded generator of values in [0, 1) (demo data, benchmarks and property tests reuse it). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function btcTrend(offset: number): number {
  const next = BTC_PATH.findIndex(([day]) => day >= offset);
  if (next <= 0) return BTC_PATH[0]![1];
  const [d0, p0] = BTC_PATH[next - 1]!;
  const [d1, p1] = BTC_PATH[next]!;
  return Math.exp(Math.log(p0) + ((offset - d0) / (d1 - d0)) * (Math.log(p1) - Math.log(p0)));
}

export function generateDemoHashprice(): HashpriceDayRow[] {
  const random = mulberry32(20251201);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const first = Date.parse(`${DEMO_HASHPRICE_FIRST_DAY}T00:00:00Z`);
  const days = (Date.parse(`${DEMO_HASHPRICE_LAST_DAY}T00:00:00Z`) - first) / DAY_MS + 1;
  const raw: number[] = [];
  let logNoise = 0;
  let difficulty = 1;
  let spikeDaysLeft = 0;
  let spikeShare = 0;
  for (let offset = 0; offset < days; offset++) {
    if (offset > 0 && offset % EPOCH_DAYS === 0) {
      difficulty *= (1 + DIFFICULTY_GROWTH_PER_YEAR) ** (EPOCH_DAYS / 365) * (1 + 0.015 * normal());
    }
    logNoise = 0.92 * logNoise + 0.018 * normal();
    if (spikeDaysLeft === 0 && random() < 0.015) {
      spikeDaysLeft = 1 + Math.floor(random() * 3);
      spikeShare = 0.1 + 0.2 * random();
    }
    const fees = SUBSIDY_BTC * (spikeDaysLeft > 0 ? spikeShare : 0.025);
    if (spikeDaysLeft > 0) spikeDaysLeft -= 1;
    raw.push((btcTrend(offset) * Math.exp(logNoise) * (SUBSIDY_BTC + fees)) / difficulty);
  }
  const scale = 40 / raw[0]!;
  return raw.map((value, offset) => ({ day: new Date(first + offset * DAY_MS).toISOString().slice(0, 10), usdPerPhDay: Math.round(value * scale * 100) / 100 }));
}

export function toHashpriceCsv(rows: readonly HashpriceDayRow[]): string {
  return ['day,usdPerPhDay', ...rows.map((row) => `${row.day},${row.usdPerPhDay.toFixed(2)}`)].join('\n') + '\n';
}

/** The shipped file's days, as the seed writes them. */
export function readDemoHashprice(): HashpriceDayRow[] {
  return readFileSync(DEMO_HASHPRICE_FILE, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [day, value] = line.split(',');
      return { day: day!, usdPerPhDay: Number(value) };
    });
}

export function writeDemoHashpriceFile(): void {
  writeFileSync(DEMO_HASHPRICE_FILE, toHashpriceCsv(generateDemoHashprice()));
}
