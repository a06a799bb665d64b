// The partner's demo API key. Its secret is derived from a fixed seed so the start banner can print a key
// that works on every demo database; a real key is issued from random bytes.
import { createHash } from 'node:crypto';
import { issueApiKey } from '../credentials';
import { addDays } from './dates';
import { PARTNER_USER_ID, orgId, orgJoined } from './demo-orgs';
import { stableUuid } from './stable-uuid';

const DEMO_API_KEY = issueApiKey(createHash('sha256').update('gridshare-demo-partner-key').digest());

/** The whole demo key (`gsk_…`): public by design, it only opens demo data. */
export const DEMO_API_KEY_SECRET = DEMO_API_KEY.secret;

export const DEMO_API_KEY_SCOPES = [
  'org:read',
  'sites:read',
  'capacity:read',
  'requests:read',
  'requests:write',
  'deals:read',
];

export type ApiKeyRow = {
  id: string;
  orgId: string;
  name: string;
  prefix: string;
  keyHash: string;
  scopes: string[];
  createdById: string;
  /** A re-seed un-revokes the key: the banner keeps advertising it. */
  revokedAt: null;
  createdAt: Date;
};

export const DEMO_API_KEYS: readonly ApiKeyRow[] = [
  {
    id: stableUuid('apikey:gridbridge-demo'),
    orgId: orgId('gridbridge'),
    name: 'GridBridge deal-flow sync (demo)',
    prefix: DEMO_API_KEY.prefix,
    keyHash: DEMO_API_KEY.hash,
    scopes: DEMO_API_KEY_SCOPES,
    createdById: PARTNER_USER_ID,
    revokedAt: null,
    createdAt: addDays(orgJoined('gridbridge'), 3),
  },
];
