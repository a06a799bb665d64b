'use server';
import { refused } from '@/lib/refused';
import type { FormState } from '@/lib/form';
import { gqlMutation } from '@/lib/session';

// Each button asks the API for one kind of Stripe link; the browser then goes there (RedirectButton).
const LINKS = {
  checkout: 'mutation($plan: PaidPlan!) { link: createPlanCheckout(plan: $plan) { url } }',
  portal: 'mutation { link: createBillingPortalLink { url } }',
  connect: 'mutation { link: createConnectOnboardingLink { url } }',
} as const;

export async function openBillingLink(_prev: FormState, formData: FormData): Promise<FormState> {
  const kind = String(formData.get('link'));
  // Own keys only: `in` would also accept 'toString' and friends.
  if (!Object.hasOwn(LINKS, kind)) return { ok: false, message: 'Unknown billing link.', fieldErrors: {}, values: {} };
  const variables = kind === 'checkout' ? { plan: String(formData.get('plan')) } : {};
  try {
    const data = await gqlMutation<{ link: { url: string } }>(LINKS[kind as keyof typeof LINKS], variables);
    return { ok: true, fieldErrors: {}, values: {}, result: { url: data.link.url } };
  } catch (error) {
    return refused(error, {});
  }
}
