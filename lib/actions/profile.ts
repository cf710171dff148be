'use server';

import { revalidatePath } from 'next/cache';
import { createClient } from '@/lib/supabase/server';
import { fieldErrors, formValues } from '@/lib/validation/form';
import { profileSchema } from '@/lib/validation/profile';
import { describeDbError, type FormState } from './state';

export type ProfileState = FormState<'display_name'> & { saved?: string };

export async function updateProfile(_previous: ProfileState, formData: FormData): Promise<ProfileState> {
  const values = formValues(formData);
  const parsed = profileSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };

  const supabase = await createClient();
  const { data: claims } = await supabase.auth.getClaims();
  const userId = claims?.claims.sub;
  if (!userId) return { errors: { form: 'Your session has expired. Sign in again.' }, values };
  const { data, error } = await supabase.from('profiles').update({ display_name: parsed.data.display_name }).eq('id', userId).select('display_name').maybeSingle();
  if (error) return { errors: { form: describeDbError(error, 'save your name') }, values };
  if (!data) return { errors: { form: 'Your profile could not be found. Sign out and in again.' }, values };
  // Every band page shows names (line-up, presence): they read the new one on their next render.
  revalidatePath('/', 'layout');
  return { saved: data.display_name, values: { display_name: data.display_name } };
}
