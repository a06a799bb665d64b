// Calendar months (UTC) as the API and the engine name them ('YYYY-MM'), and as the database stores them
// (the first day, a DATE).
import { isoDay } from '../common/dates';

export const monthStart = (month: string): Date => new Date(`${month}-01T00:00:00Z`);

export const monthOf = (date: Date): string => isoDay(date).slice(0, 7);

export function addMonths(month: string, count: number): string {
  const start = monthStart(month);
  return monthOf(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + count, 1)));
}

/** The month before `month`. */
export const previousMonth = (month: string) => addMonths(month, -1);

/** The instant `month` ends (the next month's first instant). */
export const monthEnd = (month: string): Date => monthStart(addMonths(month, 1));
