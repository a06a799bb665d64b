// zod at the door: a resolver's logic only ever sees parsed input. The first problem is the message
// (naming the field as the client sent it, e.g. `input.energizedMw`; `argName` '' for top-level args);
// all of them are in extensions.
import type { z } from 'zod';
import { appError, badInput } from '../errors/domain-errors';

type Path = (string | number)[];

/** Deeper than this no input of ours goes (JSON fields refuse more: common.schemas ZJsonValue). */
const WALK_DEPTH = 100;

/**
 * The first string (or object key) holding a NUL byte, which PostgreSQL cannot store in text or jsonb and
 * would turn into an internal error. Iterative and depth-bounded, so no input can overflow the stack here.
 */
export function findNulByte(value: unknown): Path | null {
  const stack: [unknown, Path][] = [[value, []]];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (path.length > WALK_DEPTH) continue;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return path;
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], [...path, i]]);
    } else if (typeof current === 'object' && current !== null && !(current instanceof Date)) {
      for (const [key, item] of Object.entries(current)) {
        if (key.includes('\u0000')) return [...path, key];
        stack.push([item, [...path, key]]);
      }
    }
  }
  return null;
}

const fieldName = (argName: string, path: Path) => [argName, ...path.map(String)].filter(Boolean).join('.');

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, argName = 'input'): z.output<S> {
  const nul = findNulByte(value);
  if (nul) throw badInput(fieldName(argName, nul), 'must not contain NUL bytes (\\u0000)');
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ field: fieldName(argName, issue.path as Path), message: issue.message }));
  const first = issues[0]!;
  throw appError('BAD_USER_INPUT', `${first.field}: ${first.message}`, { field: first.field, issues });
}
