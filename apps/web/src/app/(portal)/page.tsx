import { redirect } from 'next/navigation';
import { homeFor } from '@/lib/nav';
import { requireViewer } from '@/lib/session';

export default async function Home() {
  const viewer = await requireViewer();
  redirect(homeFor(viewer.organization?.kind));
}
