'use server';
import { redirect } from 'next/navigation';
import { blankRequired, parseFields } from '@/lib/fields';
import { formValues, type FormState } from '@/lib/form';
import { refused } from '@/lib/refused';
import { gqlMutation } from '@/lib/session';
import { SITE_FIELDS } from '@/lib/site-fields';
import { CreateSiteDocument, UpdateSiteDocument } from '@/generated/graphql';

export async function saveSite(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const id = values.id;
  const blank = blankRequired(SITE_FIELDS, values);
  if (Object.keys(blank).length > 0) return { ok: false, message: 'Please correct the fields marked below.', fieldErrors: blank, values };
  const input = parseFields(SITE_FIELDS, values);
  let siteId: string;
  try {
    if (id) {
      await gqlMutation(UpdateSiteDocument, { id, input });
      siteId = id;
    } else {
      const data = await gqlMutation(CreateSiteDocument, { input });
      siteId = data.createSite.id;
    }
  } catch (error) {
    return refused(error, values);
  }
  redirect(`/sites/${siteId}`);
}
