import { nextSteps, timelineSteps, type TimelineDeal } from './deal-timeline';

const accepted: TimelineDeal = { status: 'ACCEPTED', role: 'HOST', acceptedAt: '2026-12-01', hostSignedAt: null, tenantSignedAt: null, startDate: '2027-01-01' };

describe('deal timeline', () => {
  it('marks the steps done up to the deal’s state, with their dates', () => {
    const steps = timelineSteps(accepted);
    expect(steps.map((s) => s.done)).toEqual([true, true, false, false, false]);
    expect(steps[1]?.date).toBe('2026-12-01');
    const signed = timelineSteps({ ...accepted, status: 'SIGNED', hostSignedAt: '2026-12-03', tenantSignedAt: '2026-12-02' });
    expect(signed[2]).toEqual({ label: 'Signed by both', done: true, date: '2026-12-03' });
  });

  it('tells each party its next step: after acceptance the host sets up payouts', () => {
    expect(nextSteps(accepted).HOST).toContain('Set up payouts (Billing) so statements can pay you');
    expect(nextSteps({ ...accepted, tenantSignedAt: '2026-12-02' }).TENANT[0]).toBe('Signed: wait for the host');
    expect(nextSteps({ ...accepted, status: 'ENDED' })).toEqual({ HOST: [], TENANT: [] });
  });
});
