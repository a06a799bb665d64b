// The SDK's error codes and the API docs' table are generated from errors/error-codes.ts and committed;
// these fail when either no longer matches the registry. Fix: `npm run docs:sdl`.
import { readFileSync } from 'node:fs';
import { API_README_FILE, SDK_ERROR_CODES_FILE, errorTable, sdkErrorCodesSource, withErrorTable } from './publish-error-codes';
import { ERROR_CODES } from './error-codes';

describe('published error codes', () => {
  it('keeps packages/sdk/src/generated/error-codes.ts in step with the registry', () => {
    expect(readFileSync(SDK_ERROR_CODES_FILE, 'utf8')).toBe(sdkErrorCodesSource());
  });

  it('keeps the error table of docs/api/README.md in step with the registry', () => {
    const readme = readFileSync(API_README_FILE, 'utf8');
    expect(readme).toBe(withErrorTable(readme));
  });

  it('lists every code, BILLING_UNAVAILABLE included, in both', () => {
    for (const code of Object.keys(ERROR_CODES)) {
      expect(sdkErrorCodesSource()).toContain(`| '${code}'`);
      expect(errorTable()).toContain(`| \`${code}\` |`);
    }
    expect(errorTable()).toContain('BILLING_UNAVAILABLE');
  });

  it('notices a stale table', () => {
    const readme = readFileSync(API_README_FILE, 'utf8');
    const stale = readme.replace(/^\| `BILLING_UNAVAILABLE` .*\n/m, '');
    expect(stale).not.toBe(readme);
    expect(withErrorTable(stale)).toBe(readme);
  });
});
