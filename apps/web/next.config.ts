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
  // A batch of 10,000 meter readings from the operations page's CSV upload is about 1 MB as a server
  // action's body (Next's default limit); 4 MB is what the API itself takes from signed-in callers.
  experimental: { serverActions: { bodySizeLimit: '4mb' } },
};

export default config;
