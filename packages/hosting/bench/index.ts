// Bench: one fleet's request against 100,000 in-process hosting offers, the capacity matching engine's goal
// (docs/performance.md: one request vs 100,000 candidates ≤ 50 ms). Prints, does not assert.
// Run: npx tsx packages/hosting/bench/index.ts
import { loadavg } from 'node:os';
import { matchHostingRequest, type HostingOfferView, type HostingRequestView } from '../src/index.js';

const OFFERS = 100_000;
const WARMUP_ROUNDS = 5;
const ROUNDS = 15;
const GOAL_MS = 50;
const REGIONS = ['Texas', 'Oklahoma', 'Québec', 'Nordland', 'Norrbotten', 'Alto Paraná', 'Pavlodar', 'Addis Ababa'] as const;
const COOLINGS = [['AIR'], ['AIR', 'IMMERSION'], ['HYDRO'], ['IMMERSION'], ['HYDRO', 'AIR']] as const;

/** Offers spread over rates, sizes, regions and terms by index arithmetic, so every run sees the same market. */
function offer(i: number): HostingOfferView {
  const interruptible = i % 3 === 0;
  return {
    id: `offer-${i}`,
    mw: 1 + (i % 60),
    pricing: i % 5 === 0 ? { kind: 'PASS_THROUGH', feeCentsPerKwMonth: 500 + (i % 700), energyCentsPerMwh: 2_500 + (i % 3_000) } : { kind: 'ALL_IN', rateCentsPerMwh: 4_500 + (i % 4_500) },
    interruptibility: interruptible ? 'INTERRUPTIBLE' : 'FIRM',
    noticeSeconds: interruptible ? 10 + (i % 600) : 0,
    maxCurtailedHoursPerMonth: interruptible ? 10 + (i % 300) : 0,
    preemptors: interruptible ? ['GRID'] : [],
    uptimeCommitmentPct: 95 + (i % 6),
    maxJPerTh: i % 4 === 0 ? 16 + (i % 6) : null,
    coolings: COOLINGS[i % COOLINGS.length]!,
    service: i % 7 === 0 ? 'RACK_SPACE' : 'FULL_HOSTING',
    depositMonths: i % 4,
    minTermMonths: 6 + (i % 30),
    availableFrom: `2027-0${1 + (i % 9)}-01`,
    country: 'XX',
    region: REGIONS[i % REGIONS.length]!,
    gridOperator: 'GRID',
    hostVerified: i % 2 === 0,
  };
}

const offers = Array.from({ length: OFFERS }, (_, i) => offer(i));
const requests: [string, HostingRequestView][] = [
  ['S21 fleet anywhere, 50 h tolerated', { fleet: { kind: 'MACHINES', machines: [{ model: 'S21', count: 2_000 }] }, maxRateCentsPerMwh: 7_000, uptimeNeededPct: 96, curtailmentToleratedHoursPerMonth: 50, regions: [], startDate: '2027-06-01', termMonths: 24 }],
  ['hydro fleet in Québec, firm only', { fleet: { kind: 'MACHINES', machines: [{ model: 'M63S', count: 1_000 }] }, maxRateCentsPerMwh: 6_000, uptimeNeededPct: 99, curtailmentToleratedHoursPerMonth: 0, regions: ['Québec'], startDate: '2027-03-01', termMonths: 36 }],
  ['broad: 1 MW, anything goes', { fleet: { kind: 'POWER', mw: 1, jPerTh: 17.5, cooling: 'AIR' }, maxRateCentsPerMwh: 20_000, uptimeNeededPct: 0, curtailmentToleratedHoursPerMonth: 744, regions: [], startDate: '2027-12-01', termMonths: 120 }],
];
const market = { hashpriceUsdPerPhDay: 50, poolFeePercent: 2 };

for (const [name, request] of requests) {
  const times: number[] = [];
  let matched = 0;
  for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
    const start = process.hrtime.bigint();
    const result = matchHostingRequest(request, offers, market);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (round >= WARMUP_ROUNDS) times.push(ms);
    matched = OFFERS - result.excludedTotal;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p95 = times[Math.ceil(times.length * 0.95) - 1]!;
  console.log(`hosting matching, ${name}: ${OFFERS.toLocaleString('en-US')} offers, ${matched.toLocaleString('en-US')} fit; median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (goal ≤ ${GOAL_MS} ms: ${median <= GOAL_MS ? 'PASS' : 'MISS'}); load ${loadavg()[0]!.toFixed(1)}`);
}
