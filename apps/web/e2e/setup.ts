// A browser step waits up to 20 s (helpers.ts); a whole test may take a few of them.
jest.setTimeout(120_000);
