// Invitation links: the token the API shows the inviter once, as a link to this portal's join page.
import 'server-only';
import { headers } from 'next/headers';

/** Where the invited person accepts: this portal's /join page, as the inviter reached the portal. */
export async function joinLink(token: string): Promise<string> {
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? '127.0.0.1:3000';
  const proto = h.get('x-forwarded-proto') ?? 'http';
  return `${proto}://${host}/join?token=${encodeURIComponent(token)}`;
}
