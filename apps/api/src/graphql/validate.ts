// zod at the door: a resolver's logic only ever sees parsed input. The first problem is the message
// (naming the field as the client sent it, e.g. `input.energizedMw`; `argName` '' for top-level args);
// all of them are in extensions.
import type { z } from 'zod';
import { appError } from './errors';

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, argName = 'input'): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    field: [argName, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
  const first = issues[0]!;
  throw appError('BAD_USER_INPUT', `${first.field}: ${first.message}`, { field: first.field, issues });
}
