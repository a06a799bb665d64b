// Builders for the hosting engine's tests: a plain all-in offer and an S21 request, each field overridable.
import type { HostingOfferView, HostingRequestView } from './types.js';

export function offer(overrides: Partial<HostingOfferView> = {}): HostingOfferView {
  return {
    id: 'offer-a',
    mw: 10,
    pricing: { kind: 'ALL_IN', rateCentsPerMwh: 6_500 },
    interruptibility: 'FIRM',
    noticeSeconds: 0,
    maxCurtailedHoursPerMonth: 0,
    preemptors: [],
    uptimeCommitmentPct: 100,
    maxJPerTh: null,
    coolings: ['AIR'],
    service: 'FULL_HOSTING',
    depositMonths: 1,
    minTermMonths: 12,
    availableFrom: '2026-02-01',
    country: 'US',
    region: 'Texas',
    gridOperator: 'ERCOT',
    hostVerified: true,
    ...overrides,
  };
}

export function request(overrides: Partial<HostingRequestView> = {}): HostingRequestView {
  return {
    fleet: { kind: 'MACHINES', machines: [{ model: 'S21', count: 100 }] },
    maxRateCentsPerMwh: 7_000,
    uptimeNeededPct: 95,
    curtailmentToleratedHoursPerMonth: 50,
    regions: [],
    startDate: '2026-03-01',
    termMonths: 12,
    ...overrides,
  };
}
