// Demo rows get ids derived from a stable name: every seeded database has the same ids (links in docs and
// bug reports keep working), and a re-run finds the rows it wrote before instead of adding new ones.
import { createHash } from 'node:crypto';

const NAMESPACE = 'gridshare-demo';

/** A name-based UUID in the version-5 layout, from SHA-256 of `name` (instead of v5's SHA-1). */
export function stableUuid(name: string): string {
  const bytes = createHash('sha256').update(`${NAMESPACE}:${name}`).digest().subarray(0, 16);
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x50, 6); // version 5
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8); // RFC 4122 variant (10xx)
  const hex = bytes.toString('hex');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
}
