// The maps' land outline, rendered once at build time (force-static) and cached by browsers for a year: its
// address changes with the data (lib/world-outline.ts), never its content.
import { landOutlineSvg } from '@/lib/world-outline';

export const dynamic = 'force-static';

export function GET(): Response {
  return new Response(landOutlineSvg(), {
    headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=31536000, immutable' },
  });
}
