import { DEFAULT_TRAINING_PROFILE } from '@gridshare/revenue';
import { ZCreateHostingOfferInput } from './hosting.schemas';

const offer = (aiLoad: unknown) => ({
  siteId: '00000000-0000-4000-8000-000000000001',
  mw: 20,
  availableFrom: '2026-06-01',
  pricing: { kind: 'PASS_THROUGH', feeUsdPerKwMonth: 8 },
  interruptibility: { kind: 'INTERRUPTIBLE', noticeSeconds: 10, maxCurtailedHoursPerMonth: 300, preemptors: ['AI_LOAD'] },
  uptimeCommitmentPct: 98,
  coolings: ['AIR'],
  service: 'FULL_HOSTING',
  depositMonths: 1,
  minTermMonths: 12,
  aiLoad,
});

describe('an offer’s AI load profile', () => {
  it('given by its kind alone, is the revenue model’s default of that kind; given fields override it', () => {
    const training = ZCreateHostingOfferInput.parse(offer({ contractedItMw: 50, pue: 1.2, profile: { kind: 'training' } }));
    expect(training.aiLoad?.profile).toEqual(DEFAULT_TRAINING_PROFILE);
    const inference = ZCreateHostingOfferInput.parse(offer({ contractedItMw: 50, pue: 1.2, profile: { kind: 'inference', troughDepth: 0.7 } }));
    expect(inference.aiLoad?.profile).toMatchObject({ kind: 'inference', troughDepth: 0.7, peakStartHour: expect.any(Number) });
  });

  it('of another kind, or with a bad value, is refused at the field', () => {
    const flat = ZCreateHostingOfferInput.safeParse(offer({ contractedItMw: 50, pue: 1.2, profile: { kind: 'flat', utilisation: 0.5 } }));
    expect(flat.error?.issues[0]?.path).toEqual(['aiLoad', 'profile', 'kind']);
    const bad = ZCreateHostingOfferInput.safeParse(offer({ contractedItMw: 50, pue: 1.2, profile: { kind: 'training', busyUtilisation: 2 } }));
    expect(bad.error?.issues[0]?.path).toEqual(['aiLoad', 'profile', 'busyUtilisation']);
  });
});
