import { webConfig } from '@/server-config';

// The embedded demo (root `npm start` without DATABASE_URL) sets GRIDSHARE_DEMO=1; only then does the sign-in
// page list the seeded demo accounts. A deployment on its own database never shows them.
export function isDemo(): boolean {
  return webConfig.GRIDSHARE_DEMO;
}
