// Revenue engine bench: prints, never asserts. Run: cd /work/main && npx tsx packages/revenue/bench/index.ts
import {
  DEFAULT_REVENUE_INPUT,
  DEFAULT_TRAINING_PROFILE,
  revenueSensitivity,
  simulateRevenue,
  type SensitivityAxis,
  type TRevenueInput,
} from '../src/index.js';

const GOAL_SITE_YEAR_MS = 1;
const GOAL_GRID_MS = 1_000;

function timeRuns(runs: number, fn: () => void): { best: number; median: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { best: times[0]!, median: times[Math.floor(times.length / 2)]! };
}

const verdict = (ms: number, goal: number) => (ms <= goal ? 'PASS' : 'MISS');
const fmt = (ms: number) => ms.toFixed(3).padStart(8);

const training: TRevenueInput = { ...DEFAULT_REVENUE_INPUT, aiLoad: { ...DEFAULT_REVENUE_INPUT.aiLoad, profile: DEFAULT_TRAINING_PROFILE } };
const blend: TRevenueInput = {
  ...DEFAULT_REVENUE_INPUT,
  aiLoad: {
    ...DEFAULT_REVENUE_INPUT.aiLoad,
    profile: {
      kind: 'blend',
      components: [
        { weight: 0.6, profile: DEFAULT_TRAINING_PROFILE },
        { weight: 0.4, profile: DEFAULT_REVENUE_INPUT.aiLoad.profile as Extract<TRevenueInput['aiLoad']['profile'], { kind: 'inference' }> },
      ],
    },
  },
  mining: { ...DEFAULT_REVENUE_INPUT.mining, rampMwPerHour: 10, minRunHours: 4 },
  energy: {
    ...DEFAULT_REVENUE_INPUT.energy,
    price: {
      kind: 'time-of-use',
      utcOffsetHours: -6,
      baseUsdPerMwh: 45,
      bands: [{ startHour: 14, endHour: 20, days: 'weekdays', usdPerMwh: 120 }],
    },
    demandResponseEvents: [{ startHour: 5_000, durationHours: 4, paymentUsdPerMwh: 900 }],
  },
};
const hourlySeries: TRevenueInput = {
  ...DEFAULT_REVENUE_INPUT,
  aiLoad: {
    ...DEFAULT_REVENUE_INPUT.aiLoad,
    profile: { kind: 'series', values: Array.from({ length: 8_760 }, (_, h) => 0.5 + 0.4 * Math.sin(h / 7)) },
  },
  energy: {
    ...DEFAULT_REVENUE_INPUT.energy,
    price: { kind: 'series', values: Array.from({ length: 8_760 }, (_, h) => 40 + 30 * Math.cos(h / 5)) },
  },
};

const cases: [string, TRevenueInput][] = [
  ['inference (default), flat price', DEFAULT_REVENUE_INPUT],
  ['training, flat price', training],
  ['blend, TOU, DR, ramp, min run 4 h', blend],
  ['uploaded AI + price series', hourlySeries],
];

const RUNS = 2_000;
console.log(`revenue engine bench (Node ${process.version}); best / median of ${RUNS} runs after ${RUNS} warm-up runs\n`);
console.log('site-year (validate + simulate)           hourly arrays   best ms  median ms  goal');
let worstMedian = 0;
for (const [name, input] of cases) {
  for (const hourly of [true, false]) {
    timeRuns(RUNS, () => simulateRevenue(input, { hourly }));
    const t = timeRuns(RUNS, () => simulateRevenue(input, { hourly }));
    if (hourly) worstMedian = Math.max(worstMedian, t.median);
    console.log(
      `  ${name.padEnd(40)} ${(hourly ? 'yes' : 'no').padEnd(9)} ${fmt(t.best)}  ${fmt(t.median)}  ${verdict(t.median, GOAL_SITE_YEAR_MS)} (<= ${GOAL_SITE_YEAR_MS} ms)`,
    );
  }
}

const axes: SensitivityAxis[] = [
  { path: 'market.hashpriceUsdPerPhDay', values: Array.from({ length: 40 }, (_, i) => 20 + i * 2.5) },
  { path: 'energy.price.usdPerMwh', values: Array.from({ length: 25 }, (_, i) => 20 + i * 5) },
];
revenueSensitivity(DEFAULT_REVENUE_INPUT, axes); // warm-up
const grid = timeRuns(5, () => revenueSensitivity(DEFAULT_REVENUE_INPUT, axes));
console.log(
  `\n1,000-cell grid (40 hashprices x 25 energy prices): best ${grid.best.toFixed(1)} ms, median ${grid.median.toFixed(1)} ms  ${verdict(grid.median, GOAL_GRID_MS)} (<= ${GOAL_GRID_MS} ms)`,
);
console.log(`\nGoals: site-year ${verdict(worstMedian, GOAL_SITE_YEAR_MS)} (worst median ${worstMedian.toFixed(3)} ms with hourly arrays), grid ${verdict(grid.median, GOAL_GRID_MS)}`);
