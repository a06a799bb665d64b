// Readiness bench: scores 100,000 deterministic sites a few rounds and prints the figures.
// Run: cd /work/main && npx tsx packages/readiness/bench/index.ts
// It prints, it does not assert: the goal line says PASS or MISS.
import { performance } from 'node:perf_hooks';
import {
  COOLING_TYPES,
  INTERCONNECTION_STATUSES,
  PERMIT_STATUSES,
  REDUNDANCIES,
  assessReadiness,
  type ReadinessSiteInput,
} from '../src/index.js';

const SITES = 100_000;
const WARMUP_ROUNDS = 3;
const ROUNDS = 7;
const GOAL_MS = 500;
const AS_OF = new Date('2026-11-21T00:00:00Z');
const CARRIERS = ['Zayo', 'Lumen', 'AT&T', 'Verizon', 'Crown Castle', 'Cogent'];
const HUBS = ['Dallas', 'Houston', 'Ashburn', 'Chicago', null];

/** mulberry32: small, fast, seeded; the same seed always gives the same sites. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, values: readonly T[]): T {
  const value = values[Math.floor(rand() * values.length)];
  if (value === undefined) throw new Error('pick from an empty list');
  return value;
}

type Archetype = 'mining' | 'mixed' | 'ai';

/** Draws an attribute from the archetype's usual range, so tiers come out in a realistic mix. */
function generateSite(rand: () => number, archetype: Archetype): ReadinessSiteInput {
  const ai = archetype === 'ai';
  const mining = archetype === 'mining';
  const energizedMw = Math.round((mining ? 5 + rand() * 120 : 20 + rand() * 280) * 10) / 10;
  const carrierCount = mining ? Math.floor(rand() * 2) : 1 + Math.floor(rand() * 4);
  const carriers: string[] = [];
  for (let c = 0; c < carrierCount; c++) carriers.push(pick(rand, CARRIERS));
  const hasLiveDate = rand() < 0.85;
  return {
    energizedMw,
    underConstructionMw: rand() < 0.3 ? Math.round(rand() * 100) : 0,
    pipelineMw: rand() < 0.4 ? Math.round(rand() * 300) : 0,
    interconnectionStatus: ai || rand() < 0.7 ? 'ENERGIZED' : pick(rand, INTERCONNECTION_STATUSES),
    substationOnSite: ai ? rand() < 0.9 : rand() < 0.4,
    substationMva: Math.round(energizedMw * (0.6 + rand() * 0.8)),
    transformerMva: Math.round(energizedMw * (0.7 + rand() * 0.8)),
    landAcres: Math.round(rand() * (mining ? 80 : 500)),
    waterAvailable: ai ? rand() < 0.9 : rand() < 0.4,
    coolingType: ai
      ? rand() < 0.85
        ? 'DIRECT_TO_CHIP'
        : 'IMMERSION'
      : mining
        ? rand() < 0.8
          ? 'AIR'
          : 'IMMERSION'
        : pick(rand, COOLING_TYPES),
    darkFiber: ai ? rand() < 0.9 : rand() < (mining ? 0.2 : 0.6),
    carriers,
    nearestHub: pick(rand, HUBS),
    latencyToHubMs: rand() < 0.1 ? null : Math.round((ai ? 2 + rand() * 15 : 5 + rand() * 50) * 10) / 10,
    redundancy: ai ? (rand() < 0.7 ? 'N_PLUS_1' : 'TWO_N') : mining ? 'N' : pick(rand, REDUNDANCIES),
    maxRackDensityKw: Math.round(ai ? 100 + rand() * 60 : mining ? 5 + rand() * 20 : 10 + rand() * 120),
    permitStatus: ai ? 'GRANTED' : pick(rand, PERMIT_STATUSES),
    skilledStaffCount: Math.floor(rand() * (mining ? 15 : 80)),
    // Half as Date objects, half as ISO strings: the API may hand either.
    liveDate: hasLiveDate
      ? rand() < 0.5
        ? new Date(Date.UTC(2022 + Math.floor(rand() * 8), Math.floor(rand() * 12), 1))
        : `${2022 + Math.floor(rand() * 8)}-0${1 + Math.floor(rand() * 9)}-15`
      : null,
    miningMw: mining ? Math.round(energizedMw * (0.6 + rand() * 0.4)) : Math.round(energizedMw * rand() * 0.5),
  };
}

/** 45% mining sheds, 35% mixed sites, 20% AI-grade campuses, in a deterministic order. */
function generateSites(count: number, seed: number): ReadinessSiteInput[] {
  const rand = mulberry32(seed);
  const sites: ReadinessSiteInput[] = [];
  for (let i = 0; i < count; i++) {
    const roll = rand();
    sites.push(generateSite(rand, roll < 0.45 ? 'mining' : roll < 0.8 ? 'mixed' : 'ai'));
  }
  return sites;
}

/** Scores every site once; returns a checksum so the work cannot be optimised away. */
function scoreAll(sites: readonly ReadinessSiteInput[]): number {
  let checksum = 0;
  for (let i = 0; i < sites.length; i++) {
    const result = assessReadiness(sites[i]!, { asOf: AS_OF });
    checksum += result.score + result.gaps.length;
  }
  return checksum;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function main(): void {
  const sites = generateSites(SITES, 20261121);
  const tiers = { AI_READY: 0, CONVERTIBLE: 0, MINING_ONLY: 0 };
  for (const site of sites) tiers[assessReadiness(site, { asOf: AS_OF }).tier]++;

  let checksum = 0;
  for (let r = 0; r < WARMUP_ROUNDS; r++) checksum += scoreAll(sites);
  const timings: number[] = [];
  const cpuTimings: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    checksum += scoreAll(sites);
    timings.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuTimings.push((cpu.user + cpu.system) / 1000);
  }

  const best = Math.min(...timings);
  const med = median(timings);
  const perSecond = (SITES / med) * 1000;
  console.log(`readiness bench: ${SITES.toLocaleString('en-US')} sites, ${WARMUP_ROUNDS} warm-up + ${ROUNDS} timed rounds, Node ${process.version}`);
  console.log(`  tiers: AI_READY ${tiers.AI_READY}, CONVERTIBLE ${tiers.CONVERTIBLE}, MINING_ONLY ${tiers.MINING_ONLY}`);
  console.log(`  rounds (ms): ${timings.map((t) => t.toFixed(1)).join(', ')}`);
  console.log(`  per 100k sites: best ${best.toFixed(1)} ms, median ${med.toFixed(1)} ms (${((med * 1000) / SITES).toFixed(2)} µs/site)`);
  // CPU time counts this process only (GC threads included): on a shared machine wall time also
  // counts the time other processes held the cores, CPU time does not.
  console.log(`  CPU time per 100k: best ${Math.min(...cpuTimings).toFixed(1)} ms, median ${median(cpuTimings).toFixed(1)} ms`);
  console.log(`  throughput (median): ${Math.round(perSecond).toLocaleString('en-US')} sites/s`);
  console.log(`  goal: ≤ ${GOAL_MS} ms per 100k (median) → ${med <= GOAL_MS ? 'PASS' : 'MISS'}`);
  console.log(`  checksum ${checksum.toFixed(2)}`);
}

main();
