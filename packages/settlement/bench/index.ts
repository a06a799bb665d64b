// Settlement engine bench: prints, never asserts. Run: npm run bench -w @gridshare/settlement
// One deal-month of 15-minute readings (AI_IT and MINING, kWh per interval, as ingest stores them) is
// aggregated to hourly MWh and settled; the forecast of the month from the deal's default scenario (the
// house inference profile) is computed too.
// Goal (issue #13): one deal-month statement in the engine ≤ 20 ms.
import { agreedRevenueInput, agreedTerms, compareWithForecast, energyPricesForMonth, forecastMonth, settleMonth, type DealTerms, type SettlementEvent } from '../src/index.js';

const GOAL_MS = 20;
const WARMUP = 100;
const RUNS = 500;
const MONTH = '2026-07';
const DAYS = 31;
const QUARTERS = DAYS * 96;

const deal: DealTerms = { mw: 50, priceCentsPerKwMonth: 15_000, hostMiningShareBps: 7_000, platformFeeBps: 300, slaTiers: null, maintenanceAllowanceHours: 8, hashpriceSource: 'INDEX' };
const agreedInput = agreedRevenueInput(null, deal, { startDate: '2026-01-01', interconnectionMw: 80, pue: 1.2, energyPriceCentsPerMwh: 4_500, miningFleetMw: 30 });
const terms = agreedTerms(agreedInput, deal);
const energyPrices = energyPricesForMonth(agreedInput.energy.price, MONTH, agreedInput.startDate);

// 15-minute kWh: an inference day (45 MW from 06:00 to 22:00 UTC, 25 MW at night, weekends 20% lower)
// with noise; the fleet fills what is left of the 60 MW reserved; one hour of AI data missing.
let seed = 42;
const noise = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648 - 0.5) * 2;
const aiKwh = new Float64Array(QUARTERS);
const miningKwh = new Float64Array(QUARTERS);
for (let q = 0; q < QUARTERS; q++) {
  const hour = Math.floor(q / 4) % 24;
  const dow = (3 + Math.floor(q / 96)) % 7; // 1 July 2026 is a Wednesday
  const weekend = dow === 0 || dow === 6 ? 0.8 : 1;
  const aiMw = (hour >= 6 && hour < 22 ? 45 : 25) * weekend + noise();
  aiKwh[q] = q >= 400 && q < 404 ? Number.NaN : aiMw * 250; // MW x 1,000 kW x 0.25 h
  miningKwh[q] = Math.max(0, 60 - aiMw * 1.2 - 1 + noise()) * 250;
}
const events: SettlementEvent[] = [
  { id: 'facility', cause: 'FACILITY', channel: 'AI_IT', startsAt: '2026-07-09T10:00:00Z', endsAt: '2026-07-09T14:00:00Z', mwAffected: 50, paymentCentsPerMwh: null, disputed: false },
  { id: 'dr', cause: 'DEMAND_RESPONSE', channel: 'MINING', startsAt: '2026-07-20T18:00:00Z', endsAt: '2026-07-20T20:00:00Z', mwAffected: 30, paymentCentsPerMwh: 20_000, disputed: false },
  { id: 'maintenance', cause: 'MAINTENANCE_PLANNED', channel: 'AI_IT', startsAt: '2026-07-15T02:00:00Z', endsAt: '2026-07-15T08:00:00Z', mwAffected: 10, paymentCentsPerMwh: null, disputed: true },
];
const hashprice = Array.from({ length: DAYS }, (_, d) => 44 + d * 0.3);

/** Four 15-minute kWh readings -> hourly MWh; NaN when any is missing (a gap is never filled in). */
function hourlyMwh(quarters: Float64Array): Float64Array {
  const out = new Float64Array(quarters.length / 4);
  for (let h = 0; h < out.length; h++) out[h] = (quarters[4 * h]! + quarters[4 * h + 1]! + quarters[4 * h + 2]! + quarters[4 * h + 3]!) / 1_000;
  return out;
}

const statement = () =>
  settleMonth({
    month: MONTH,
    activeFrom: '2026-01-01',
    activeUntil: null,
    terms,
    kwChanges: [],
    aiItMwh: hourlyMwh(aiKwh),
    miningMwh: hourlyMwh(miningKwh),
    energyPriceUsdPerMwh: energyPrices,
    hashpriceUsdPerPhDay: hashprice,
    events,
    carriedTenantCreditCents: 0,
    carriedPlatformFeeCents: 0,
    adjustments: [],
  });
const forecast = () => forecastMonth(agreedInput, terms, MONTH, '2026-01-01', null, []);

function time(fn: () => unknown): { median: number; p95: number } {
  for (let i = 0; i < WARMUP; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(RUNS / 2)]!, p95: times[Math.floor(RUNS * 0.95)]! };
}

const s = statement();
console.log(`settlement engine bench (Node ${process.version}): ${MONTH}, ${QUARTERS} x 2 readings of 15 min; ${RUNS} runs after ${WARMUP} warm-up runs`);
console.log(`statement: T ${s.tenantTotalCents} = payout ${s.hostPayoutCents} + fee ${s.platformFeeCents} cents; gaps ${s.summary.gaps.length}; availability ${s.summary.availability.pct.toFixed(3)}%\n`);
console.log('case                                                 median ms   p95 ms   goal');
const rows: [string, () => unknown][] = [
  ['aggregate 15-min -> hourly + settleMonth (validated)', statement],
  ['forecastMonth (simulate a year + settleMonth)', forecast],
  ['statement with its forecast and comparison', () => compareWithForecast(statement(), forecast())],
];
for (const [name, fn] of rows) {
  const t = time(fn);
  console.log(`${name.padEnd(52)} ${t.median.toFixed(3).padStart(9)} ${t.p95.toFixed(3).padStart(8)}   ≤ ${GOAL_MS} ms ${t.p95 <= GOAL_MS ? 'PASS' : 'MISS'}`);
}
