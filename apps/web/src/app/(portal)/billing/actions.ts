'use server';
import { refused } from '@/lib/refused';
import type { FormState } from '@/lib/form';
import { gqlMutation } from '@/lib/session';
import { CreateBillingPortalLinkDocument, CreateConnectOnboardingLinkDocument, CreatePlanCheckoutDocument } from '@/generated/graphql';

// Each button asks the API for one kind of Stripe link; the browser then goes there (RedirectButton).
const LINKS = {
  checkout: (plan: string) => gqlMutation(CreatePlanCheckoutDocument, { plan }),
  portal: () => gqlMutation(CreateBillingPortalLinkDocument),
  connect: () => gqlMutation(CreateConnectOnboardingLinkDocument),
} as const;

export async function openBillingLink(_prev: FormState, formData: FormData): Promise<FormState> {
  const kind = String(formData.get('link'));
  // Own keys only: `in` would also accept 'toString' and friends.
  if (!Object.hasOwn(LINKS, kind)) return { ok: false, message: 'Unknown billing link.', fieldErrors: {}, values: {} };
  try {
    const data = await LINKS[kind as keyof typeof LINKS](String(formData.get('plan')));
    return { ok: true, fieldErrors: {}, values: {}, result: { url: data.link.url } };
  } catch (error) {
    return refused(error, {});
  }
}
