import { OrgKind, OrgStatus } from '@gridshare/db';
import { z } from 'zod';
import { ZId } from '../common/common.schemas';

export const ZVerificationDecision = z.enum(['VERIFIED', 'REJECTED'], { message: 'must be VERIFIED or REJECTED' });
export type TVerificationDecision = z.infer<typeof ZVerificationDecision>;

export const ZSuspensionReason = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(1000, 'must be at most 1000 characters');

export const ZAdminOrganizationFilter = z.strictObject({
  kind: z.enum(OrgKind).nullish(),
  status: z.enum(OrgStatus).nullish(),
  search: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').nullish(),
});
export type TAdminOrganizationFilter = z.infer<typeof ZAdminOrganizationFilter>;

const ZAuditText = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');

export const ZAuditLogFilter = z
  .strictObject({
    organizationId: ZId.nullish(),
    action: ZAuditText.nullish(),
    entityType: ZAuditText.nullish(),
    from: z.date('must be a date, YYYY-MM-DD').nullish(),
    to: z.date('must be a date, YYYY-MM-DD').nullish(),
  })
  .superRefine(({ from, to }, ctx) => {
    if (from && to && from > to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'must be on or before `to`' });
  });
export type TAuditLogFilter = z.infer<typeof ZAuditLogFilter>;

/** Longest range the stats cover, in months (both ends included). */
export const MAX_STATS_MONTHS = 36;

/** A calendar month as a count of months since year 0, so ranges are plain subtraction. */
export const monthIndex = (date: Date) => date.getUTCFullYear() * 12 + date.getUTCMonth();

export const ZStatsRange = z
  .strictObject({ from: z.date('must be a date, YYYY-MM-DD'), to: z.date('must be a date, YYYY-MM-DD') })
  .superRefine(({ from, to }, ctx) => {
    if (from > to) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'must be on or before `to`' });
    } else if (monthIndex(to) - monthIndex(from) + 1 > MAX_STATS_MONTHS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `must be at most ${MAX_STATS_MONTHS} months after \`from\` (both months included)` });
    }
  })
  .transform(({ from, to }) => ({ fromMonth: monthIndex(from), toMonth: monthIndex(to) }));
export type TStatsRange = z.output<typeof ZStatsRange>;
