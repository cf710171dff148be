'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createClient } from '@/lib/supabase/server';
import { bandNameSchema, inviteCodeSchema } from '@/lib/validation/band';
import { fieldErrors, formValues } from '@/lib/validation/form';
import { uuidSchema } from '@/lib/validation/song';
import { describeDbError, type FormState } from './state';

export async function createBand(_previous: FormState<'name'>, formData: FormData): Promise<FormState<'name'>> {
  const values = formValues(formData);
  const parsed = bandNameSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };

  const supabase = await createClient();
  const { data: bandId, error } = await supabase.rpc('create_band', { band_name: parsed.data.name });
  if (error) return { errors: { form: describeDbError(error, 'create the band') }, values };
  revalidatePath('/bands', 'layout');
  redirect(`/bands/${bandId}/songs`);
}

export async function joinBand(_previous: FormState<'code'>, formData: FormData): Promise<FormState<'code'>> {
  const values = formValues(formData);
  const parsed = inviteCodeSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };

  const supabase = await createClient();
  const { data: bandId, error } = await supabase.rpc('join_band', { invite_code: parsed.data.code });
  // join_band raises P0001 with a message meant for people ("No band has the invite code …", "… has expired").
  if (error) return { errors: { code: error.code === 'P0001' ? error.message : describeDbError(error, 'join the band') }, values };
  revalidatePath('/bands', 'layout');
  redirect(`/bands/${bandId}/songs`);
}

export type InviteState = FormState & { code?: string };

export async function createInvite(_previous: InviteState, formData: FormData): Promise<InviteState> {
  const bandId = uuidSchema.safeParse(formData.get('band_id'));
  if (!bandId.success) return { errors: { form: 'Unknown band.' } };

  const supabase = await createClient();
  // code, expiry and created_by come from column defaults; RLS lets only owners and admins insert.
  const { data, error } = await supabase.from('band_invites').insert({ band_id: bandId.data }).select('code').single();
  if (error) return { errors: { form: describeDbError(error, 'create an invite') } };
  revalidatePath(`/bands/${bandId.data}/members`);
  return { code: data.code };
}
