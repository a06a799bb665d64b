'use client';
// A button whose server action answers a URL outside the portal (Stripe Checkout, the customer portal, Connect
// onboarding): the browser goes there. A refusal stays next to the button.
import { useEffect } from 'react';
import type { FormState } from '@/lib/form';
import { HiddenFields, InlineRefusal } from './action-button';
import { useKeptForm } from './spec-form';

export function RedirectButton({
  action,
  fields,
  label,
  variant,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  label: string;
  variant?: 'secondary';
}) {
  const { state, pending, onSubmit } = useKeptForm(action);
  const url = state.result?.url;
  useEffect(() => {
    if (url) window.location.assign(url);
  }, [url]);
  return (
    <form onSubmit={onSubmit} style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
      <HiddenFields fields={fields} />
      <button type="submit" className={variant} disabled={pending || Boolean(url)}>
        {pending || url ? 'Opening Stripe…' : label}
      </button>
      <InlineRefusal state={state} />
    </form>
  );
}
