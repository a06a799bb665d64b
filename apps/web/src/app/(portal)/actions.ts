'use server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { ORG_COOKIE, requireViewer } from '@/lib/session';

/** Switches the organisation the portal acts for; only one the person belongs to is accepted. */
export async function switchOrganization(formData: FormData): Promise<void> {
  const orgId = String(formData.get('orgId') ?? '');
  const viewer = await requireViewer();
  if (!viewer.memberships.some((m) => m.organization.id === orgId)) redirect('/');
  (await cookies()).set(ORG_COOKIE, orgId, { httpOnly: true, sameSite: 'lax', path: '/' });
  redirect('/');
}
