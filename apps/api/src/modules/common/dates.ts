import { z } from 'zod';
import { badInput } from '../../errors/domain-errors';

const isoDate = z.iso.date('must be a date, YYYY-MM-DD').transform((value) => new Date(`${value}T00:00:00Z`));

/** A calendar date: graphql-scalars' Date arrives as a Date object; strings are accepted too. */
export const ZDate = z.union([z.date(), isoDate]);

export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** An instant: graphql-scalars' DateTime arrives as a Date object. */
export const ZDateTime = z.date({ message: 'must be an ISO 8601 date-time with a time zone' });

/** Today (UTC) as the date rules see it: the clock, or TEST_ONLY_TODAY in the test suite. */
export function todayOf(config: { TEST_ONLY_TODAY?: string }): Date {
  return new Date(`${config.TEST_ONLY_TODAY ?? isoDay(new Date())}T00:00:00Z`);
}

/** BAD_USER_INPUT naming `field` when `date` (a calendar date) is before `today`. */
export function assertNotPast(date: Date | null | undefined, field: string, today: Date): void {
  if (date && date < today) throw badInput(field, `must be today (${isoDay(today)}) or later`);
}
