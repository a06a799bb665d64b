// Server side of forms: turns the API's refusal into what the form shows.
import 'server-only';
import { revalidatePath } from 'next/cache';
import { GridshareError } from '@gridshare/sdk';
import type { FormState } from './form';
import type { Operation, Variables } from './api';
import { gqlMutation } from './session';

/** `input.phases.0.mw` → `phases.0.mw`: the form's field names are the input's. */
export function fieldName(apiField: string): string {
  return apiField.replace(/^input\./, '');
}

/** Turns a refused mutation into the form's state; anything else is rethrown to the error page. */
export function refused(error: unknown, values: Record<string, string>): FormState {
  if (!(error instanceof GridshareError)) throw error;
  const fieldErrors: Record<string, string> = {};
  for (const { message, extensions } of error.errors) {
    if (typeof extensions?.field !== 'string') continue;
    fieldErrors[fieldName(extensions.field)] ??= message.replace(/^[\w.]+: /, '');
  }
  const message = Object.keys(fieldErrors).length ? 'Please correct the fields marked below.' : error.message;
  return { ok: false, message, fieldErrors, values };
}

export interface SubmitOptions {
  /** What to refresh on success: '/' (the default) is every page (lists, counts and the navigation show the changed object). */
  refresh?: string;
  /** What the form says on success. */
  message?: string;
}

/** Runs a form's mutation: the API's refusal comes back at the fields (keeping what was typed); success refreshes `refresh`. */
export async function submitMutation<TVariables>(
  operation: Operation<unknown, TVariables>,
  variables: Variables<TVariables>,
  values: Record<string, string>,
  options: SubmitOptions = {},
): Promise<FormState> {
  const { refresh = '/', message } = options;
  try {
    await gqlMutation(operation, variables);
  } catch (error) {
    return refused(error, values);
  }
  if (refresh === '/') revalidatePath('/', 'layout');
  else revalidatePath(refresh);
  return { ok: true, ...(message ? { message } : {}), fieldErrors: {}, values: {} };
}

/**
 * A form action running one of a few mutations of the form's `id` alone, picked by its `move` field (e.g. issue
 * or agree a statement). Only the names given are run: the field is the browser's to change.
 */
export function namedMove(mutations: Readonly<Record<string, Operation<unknown, { id: string | number }>>>) {
  return async (_prev: FormState, formData: FormData): Promise<FormState> => {
    const name = String(formData.get('move'));
    // Own keys only: mutations['toString'] would be a function.
    const mutation = Object.hasOwn(mutations, name) ? mutations[name] : undefined;
    if (!mutation) return { ok: false, message: 'Unknown action', fieldErrors: {}, values: {} };
    return submitMutation(mutation, { id: String(formData.get('id')) }, {});
  };
}
