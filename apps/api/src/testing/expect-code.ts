// How tests read a GraphQL error: its code (extensions.code) and the input field it names.

interface WithErrors {
  data?: unknown;
  errors?: readonly { extensions?: { code?: string; field?: string; [key: string]: unknown } }[];
}

/** The first error's code; undefined when the call succeeded. */
export const errorCode = (result: WithErrors): string | undefined => result.errors?.[0]?.extensions?.code;

/** The call failed with `code` (naming `field`, when given) and answered no data. */
export function expectCode(result: WithErrors, code: string, field?: string): void {
  expect(result.errors?.[0]?.extensions).toEqual(expect.objectContaining({ code, ...(field ? { field } : {}) }));
  expect(result.data ?? null).toBeNull();
}
