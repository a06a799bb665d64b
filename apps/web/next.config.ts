import type { NextConfig } from 'next';

const config: NextConfig = {
  // The portal is served by `next start` beside the API; no image CDN, no telemetry, no remote fonts.
  images: { unoptimized: true },
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // The SDK ships TypeScript source (the API docs page uses its schema-docs model).
  transpilePackages: ['@gridshare/sdk'],
  // The monorepo root holds the lockfile; tell Next so it does not guess.
  outputFileTracingRoot: new URL('../..', import.meta.url).pathname,
};

export default config;
