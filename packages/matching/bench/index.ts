// Bench: one request against 100,000 in-process candidates. Prints, does not assert.
// Run: cd /work/main && npx tsx packages/matching/bench/index.ts
// Wall time is the goal; CPU time of this process is printed beside it because the bench box is shared and
// wall time there includes waiting for a core (the load average is printed for the same reason).
import { availableParallelism, loadavg } from 'node:os';
import { describeExclusions, matchRequest, type MatchCandidate, type MatchCandidateBlock, type MatchRequest } from '../src/index.js';

const CANDIDATES = 100_000;
const WARMUP_ROUNDS = 5;
const ROUNDS = 15;
const GOAL_MS = 50;
const AS_OF = '2025-06-01';

/** mulberry32: small, fast, seeded; the bench never uses Math.random so every run sees the same sites. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const AREAS = [
  { country: 'US', region: 'Texas', grid: 'ERCOT', lat: 31.5, lng: -99.5 },
  { country: 'US', region: 'Oklahoma', grid: 'SPP', lat: 35.5, lng: -97.5 },
  { country: 'US', region: 'Kansas', grid: 'SPP', lat: 38.5, lng: -98.5 },
  { country: 'US', region: 'Ohio', grid: 'PJM', lat: 40.3, lng: -82.8 },
  { country: 'US', region: 'Pennsylvania', grid: 'PJM', lat: 40.9, lng: -77.8 },
  { country: 'US', region: 'Virginia', grid: 'PJM', lat: 37.5, lng: -78.8 },
  { country: 'US', region: 'Georgia', grid: 'SOUTHERN', lat: 32.7, lng: -83.4 },
  { country: 'US', region: 'New York', grid: 'NYISO', lat: 42.9, lng: -75.5 },
  { country: 'US', region: 'North Dakota', grid: 'MISO', lat: 47.4, lng: -100.5 },
  { country: 'US', region: 'Wyoming', grid: 'WACM', lat: 43.0, lng: -107.5 },
  { country: 'CA', region: 'Québec', grid: 'HYDRO_QUEBEC', lat: 47.5, lng: -72.0 },
  { country: 'CA', region: 'Alberta', grid: 'AESO', lat: 53.9, lng: -116.5 },
  { country: 'NO', region: 'Nordland', grid: 'NORDPOOL', lat: 67.0, lng: 14.5 },
  { country: 'SE', region: 'Norrbotten', grid: 'NORDPOOL', lat: 66.5, lng: 20.5 },
  { country: 'IS', region: 'Reykjanes', grid: 'LANDSNET', lat: 63.9, lng: -22.4 },
  { country: 'PY', region: 'Alto Paraná', grid: 'ANDE', lat: -25.5, lng: -54.8 },
  { country: 'ET', region: 'Addis Ababa', grid: 'EEP', lat: 9.0, lng: 38.7 },
  { country: 'KZ', region: 'Pavlodar', grid: 'KEGOC', lat: 52.3, lng: 76.9 },
] as const;

const COOLING = ['AIR', 'AIR', 'AIR', 'WATER', 'WATER', 'IMMERSION', 'DIRECT_TO_CHIP'] as const;
const REDUNDANCY = ['N', 'N', 'N_PLUS_1', 'N_PLUS_1', 'TWO_N'] as const;
const KINDS = ['POWERED_SHELL', 'COLOCATION', 'BUILD_TO_SUIT', 'MINING_HOSTING'] as const;

function pick<T>(rand: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
}

function isoDay(rand: () => number, fromYear: number, years: number): string {
  const d = new Date(Date.UTC(fromYear, 0, 1) + Math.floor(rand() * years * 365) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

function generateCandidates(n: number, seed: number): MatchCandidate[] {
  const rand = prng(seed);
  const out: MatchCandidate[] = [];
  for (let i = 0; i < n; i++) {
    const area = pick(rand, AREAS);
    // Mostly 10-120 MW mining sites, a few large campuses up to 300 MW.
    const siteMw = rand() < 0.9 ? 10 + Math.round(rand() * 110) : 120 + Math.round(rand() * 180);
    const blockCount = 1 + Math.floor(rand() * 5);
    const blocks: MatchCandidateBlock[] = [];
    let left = siteMw;
    for (let b = 0; b < blockCount && left > 0; b++) {
      const mw = b === blockCount - 1 ? left : Math.max(1, Math.round(left * (0.3 + rand() * 0.5)));
      left -= mw;
      const firmMw = Math.round(mw * (0.7 + rand() * 0.3) * 1000) / 1000;
      blocks.push({
        id: `b-${i}-${b}`,
        kind: pick(rand, KINDS),
        mw,
        firmMw,
        interruptibleMw: Math.round((mw - firmMw) * 1000) / 1000,
        availableFrom: isoDay(rand, 2024, 4),
        priceCentsPerKwMonth: 9_000 + Math.round(rand() * 17_000),
        minTermMonths: pick(rand, [12, 24, 36, 60, 120, 144]),
      });
    }
    out.push({
      siteId: `site-${String(i).padStart(6, '0')}`,
      hostOrgId: `org-${i % 997}`,
      country: area.country,
      region: area.region,
      gridOperator: area.grid,
      latitude: area.lat + (rand() - 0.5) * 4,
      longitude: area.lng + (rand() - 0.5) * 6,
      coolingType: pick(rand, COOLING),
      redundancy: pick(rand, REDUNDANCY),
      maxRackDensityKw: pick(rand, [10, 15, 30, 50, 80, 132, 150]),
      latencyToHubMs: rand() < 0.05 ? null : 1 + Math.round(rand() * 400) / 10,
      readinessScore: Math.round(rand() * 100),
      energyPriceCentsPerMwh: 2_000 + Math.round(rand() * 9_000),
      renewableSharePct: Math.round(rand() * 100),
      interruptibleMw: Math.round(rand() * siteMw),
      blocks,
    });
  }
  return out;
}

const TYPICAL: MatchRequest = {
  totalMw: 100,
  minContiguousMw: 100,
  phases: [
    { mw: 40, neededBy: '2026-06-01' },
    { mw: 60, neededBy: '2027-01-01' },
  ],
  countries: ['US', 'CA'],
  regions: [],
  gridOperators: [],
  maxLatencyMs: 20,
  cooling: 'WATER',
  minRackDensityKw: 50,
  minRedundancy: 'N_PLUS_1',
  maxPriceCentsPerKwMonth: 20_000,
  termMonths: 120,
  backfillMiningAllowed: true,
};

// Larger than any generated site (300 MW at most), so no single site fits and the split search runs.
const SPLIT: MatchRequest = {
  totalMw: 400,
  minContiguousMw: 100,
  phases: [
    { mw: 200, neededBy: '2026-12-01' },
    { mw: 200, neededBy: '2027-12-01' },
  ],
  maxLatencyMs: 30,
  cooling: 'AIR',
  minRackDensityKw: 15,
  minRedundancy: 'N',
  maxPriceCentsPerKwMonth: 25_000,
  termMonths: 120,
  backfillMiningAllowed: false,
};

// Almost every site fits alone: every one is allocated and scored (the worst case for the single-site path).
const BROAD: MatchRequest = {
  totalMw: 10,
  minContiguousMw: 10,
  phases: [{ mw: 10, neededBy: '2028-01-01' }],
  termMonths: 200,
  backfillMiningAllowed: true,
};

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function run(label: string, request: MatchRequest, candidates: readonly MatchCandidate[]): void {
  for (let i = 0; i < WARMUP_ROUNDS; i++) matchRequest(request, candidates, { asOf: AS_OF });
  const times: number[] = [];
  const cpu: number[] = [];
  let result = matchRequest(request, candidates, { asOf: AS_OF });
  for (let i = 0; i < ROUNDS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = matchRequest(request, candidates, { asOf: AS_OF });
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const best = Math.min(...times);
  const med = median(times);
  const top = result.matches[0];
  console.log(`\n${label}`);
  console.log(`  wall: best ${best.toFixed(2)} ms, median ${med.toFixed(2)} ms over ${ROUNDS} rounds`);
  console.log(`  cpu:  best ${Math.min(...cpu).toFixed(2)} ms, median ${median(cpu).toFixed(2)} ms (this process, incl. GC threads)`);
  console.log(`  ${Math.round(candidates.length / (med / 1000)).toLocaleString('en-US')} candidates/s (median)`);
  console.log(`  goal <= ${GOAL_MS} ms (median wall): ${med <= GOAL_MS ? 'PASS' : 'MISS'}`);
  console.log(
    `  ${result.matches.length} matches (eligible: ${result.eligible.single} whole-request, ${result.eligible.partial} split members)`,
  );
  console.log(`  ${describeExclusions(result.excluded)}`);
  if (top) console.log(`  #1 ${top.key} score ${top.score}: ${top.summary}`);
}

function main(): void {
  const t0 = performance.now();
  const candidates = generateCandidates(CANDIDATES, 20_261_121);
  const blocks = candidates.reduce((s, c) => s + c.blocks.length, 0);
  console.log(
    `matching bench: ${candidates.length.toLocaleString('en-US')} candidates, ${blocks.toLocaleString('en-US')} blocks (generated in ${(performance.now() - t0).toFixed(0)} ms), node ${process.version}`,
  );
  const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`${availableParallelism()} CPUs, load average ${load()} (1/5/15 min) at start`);
  run('typical request (100 MW, 2 phases, US/CA, N+1, water, 50 kW racks, <= $200/kW-month)', TYPICAL, candidates);
  run('split request (400 MW > any site, forces the split search)', SPLIT, candidates);
  run('broad request (10 MW, no filters: ~98% of sites fit and are scored)', BROAD, candidates);
  console.log(`\nload average ${load()} at end`);
}

main();
