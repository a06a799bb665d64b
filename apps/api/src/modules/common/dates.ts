import { z } from 'zod';

const isoDate = z.iso.date('must be a date, YYYY-MM-DD').transform((value) => new Date(`${value}T00:00:00Z`));

/** A calendar date: graphql-scalars' Date arrives as a Date object; strings are accepted too. */
export const ZDate = z.union([z.date(), isoDate]);

export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** An instant: graphql-scalars' DateTime arrives as a Date object. */
export const ZDateTime = z.date({ message: 'must be an ISO 8601 date-time with a time zone' });
