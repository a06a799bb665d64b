// Revenue engine bench: prints, never asserts. Run: cd /work/main && npx tsx packages/revenue/bench/index.ts
import {
  DEFAULT_REVENUE_INPUT,
  DEFAULT_TERM_INPUT,
  simulateTerm,
  termSensitivity,
  termTornado,
  DEFAULT_TRAINING_PROFILE,
  revenueSensitivity,
  simulateRevenue,
  type SensitivityAxis,
  type TRevenueInput,
} from '../src/index.js';

const GOAL_SITE_YEAR_MS = 1;
const GOAL_GRID_MS = 1_000;
const GOAL_TERM_MS = 10;
const GOAL_TERM_GRID_MS = 2_000;

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

// The deal's term: ten years hour by hour (87,648 hours), and a 1,000-cell NPV grid over it.
console.log('\nten-year term (validate + simulate, 87,648 hours)     best ms  median ms  goal');
const TERM_RUNS = 100;
let termWorst = 0;
for (const [name, options] of [
  ['statistics, no hourly arrays', { hourly: false }],
  ['statistics and hourly arrays', { hourly: true }],
] as const) {
  timeRuns(TERM_RUNS, () => simulateTerm(DEFAULT_TERM_INPUT, options));
  const t = timeRuns(TERM_RUNS, () => simulateTerm(DEFAULT_TERM_INPUT, options));
  termWorst = Math.max(termWorst, t.median);
  console.log(`  ${name.padEnd(50)} ${fmt(t.best)}  ${fmt(t.median)}  ${verdict(t.median, GOAL_TERM_MS)} (<= ${GOAL_TERM_MS} ms)`);
}
const termGrids: [string, SensitivityAxis[]][] = [
  ['hashprice x energy price (daily aggregates)', axes],
  [
    'AI utilisation x hashprice (aggregates per utilisation)',
    [
      { path: 'aiLoad.profile.peakUtilisation', values: Array.from({ length: 25 }, (_, i) => 0.5 + i * 0.02) },
      { path: 'market.hashpriceUsdPerPhDay', values: Array.from({ length: 40 }, (_, i) => 20 + i * 2.5) },
    ],
  ],
  [
    'host share x discount rate (re-settled sums)',
    [
      { path: 'deal.revenueShare.hostPercent', values: Array.from({ length: 40 }, (_, i) => 50 + i) },
      { path: 'finance.discountRatePercent', values: Array.from({ length: 25 }, (_, i) => 4 + i * 0.5) },
    ],
  ],
];
console.log('\n1,000-cell host NPV grid over the ten-year term          best ms  median ms  goal');
let gridWorst = 0;
for (const [name, gridAxes] of termGrids) {
  termSensitivity(DEFAULT_TERM_INPUT, gridAxes);
  const t = timeRuns(3, () => termSensitivity(DEFAULT_TERM_INPUT, gridAxes));
  gridWorst = Math.max(gridWorst, t.median);
  console.log(`  ${name.padEnd(52)} ${fmt(t.best)}  ${fmt(t.median)}  ${verdict(t.median, GOAL_TERM_GRID_MS)} (<= ${GOAL_TERM_GRID_MS} ms)`);
}
termTornado(DEFAULT_TERM_INPUT);
const tornado = timeRuns(3, () => termTornado(DEFAULT_TERM_INPUT));
console.log(`  tornado (default swings, ${termTornado(DEFAULT_TERM_INPUT).bars.length} inputs x 2 ends)`.padEnd(54) + ` ${fmt(tornado.best)}  ${fmt(tornado.median)}`);
console.log(`\nTerm goals: ten-year simulation ${verdict(termWorst, GOAL_TERM_MS)} (worst median ${termWorst.toFixed(2)} ms), 1,000-cell grid ${verdict(gridWorst, GOAL_TERM_GRID_MS)} (worst median ${gridWorst.toFixed(0)} ms)`);
