import { z } from 'zod';
import { ZId, ZPositiveMw } from '../common/common.schemas';
import { ZDateTime } from '../common/dates';

export const CURTAILMENT_CAUSES = ['GRID_EMERGENCY', 'DEMAND_RESPONSE', 'PRICE', 'FACILITY', 'TENANT', 'MAINTENANCE_PLANNED'] as const;

// ERCOT's offer cap is $5,000/MWh; a programme paying more per MWh curtailed is a typo.
const MAX_PAYMENT_USD_PER_MWH = 10_000;

export const ZRecordCurtailmentEventInput = z
  .strictObject({
    dealId: ZId,
    cause: z.enum(CURTAILMENT_CAUSES),
    channel: z.enum(['AI_IT', 'MINING'], { message: 'must be AI_IT (the tenant’s power was unavailable) or MINING (the fleet was curtailed)' }),
    startsAt: ZDateTime,
    endsAt: ZDateTime,
    mwAffected: ZPositiveMw,
    paymentUsdPerMwh: z.number().finite().min(0, 'must be 0 or more').max(MAX_PAYMENT_USD_PER_MWH, `must be at most ${MAX_PAYMENT_USD_PER_MWH} USD/MWh`).nullish(),
    note: z.string().trim().max(1_000, 'must be at most 1,000 characters').nullish(),
  })
  .superRefine((event, ctx) => {
    if (event.endsAt <= event.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after startsAt' });
    const paid = event.paymentUsdPerMwh !== undefined && event.paymentUsdPerMwh !== null;
    if (event.cause === 'DEMAND_RESPONSE' && !paid) {
      ctx.addIssue({ code: 'custom', path: ['paymentUsdPerMwh'], message: 'is required for DEMAND_RESPONSE (what the programme pays per MWh curtailed)' });
    }
    if (event.cause !== 'DEMAND_RESPONSE' && paid) {
      ctx.addIssue({ code: 'custom', path: ['paymentUsdPerMwh'], message: 'is only for DEMAND_RESPONSE events' });
    }
  });
export type TRecordCurtailmentEventInput = z.infer<typeof ZRecordCurtailmentEventInput>;

export const ZDisputeCurtailmentEventInput = z.strictObject({
  id: ZId,
  reason: z.string().trim().min(1, 'must say why').max(1_000, 'must be at most 1,000 characters'),
});
export type TDisputeCurtailmentEventInput = z.infer<typeof ZDisputeCurtailmentEventInput>;

export const ZCurtailmentEventFilter = z
  .strictObject({
    from: ZDateTime.nullish(),
    to: ZDateTime.nullish(),
    causes: z.array(z.enum(CURTAILMENT_CAUSES)).max(CURTAILMENT_CAUSES.length).nullish(),
    includeWithdrawn: z.boolean().nullish(),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from < filter.to, { path: ['to'], message: 'must be after from' });
export type TCurtailmentEventFilter = z.infer<typeof ZCurtailmentEventFilter>;
