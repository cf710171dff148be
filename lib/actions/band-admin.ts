'use server';

import type { PostgrestError } from '@supabase/supabase-js';
import { revalidatePath } from 'next/cache';
import type { Band, BandMemberRow } from '@/lib/database.types';
import type { LiveResult } from '@/lib/live/result';
import { createClient } from '@/lib/supabase/server';
import { deleteBandSchema, leaveBandSchema, memberRoleSchema, memberSchema, renameBandSchema } from '@/lib/validation/band';
import { fieldErrors, formValues } from '@/lib/validation/form';
import { describeDbError } from './state';

// Band management. RLS and set_member_role() decide who may do what; these turn each refusal into words.

export type BandResult = LiveResult<Band, 'name' | 'band_id'>;
export type MemberResult = LiveResult<BandMemberRow, 'role' | 'user_id' | 'band_id'>;
export type DepartureResult = { status: 'done' } | { status: 'invalid'; errors: { form?: string; confirm_name?: string } };

const LAST_OWNER = 'A band needs at least one owner';

/** set_member_role's and the last-owner trigger's refusals, said to the person who asked. */
function describeMembershipError(error: PostgrestError, doing: string, self: boolean): string {
  if (error.message === LAST_OWNER) {
    return self
      ? 'You are the band’s last owner. Make another member an owner first, or delete the band.'
      : 'That member is the band’s last owner. Make someone else an owner first.';
  }
  if (error.message === 'Only an owner can grant or take away the owner role') return 'Only an owner can give or take away the owner role.';
  if (error.message === 'Only the band\'s owners and admins change roles') return 'Only the band’s owners and admins can change roles.';
  if (error.message === 'That person is not a member of this band') return 'That person is no longer in the band.';
  return describeDbError(error, doing);
}

export async function renameBand(_previous: BandResult, formData: FormData): Promise<BandResult> {
  const values = formValues(formData);
  const parsed = renameBandSchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', errors: fieldErrors(parsed.error), values };

  const supabase = await createClient();
  const { data, error } = await supabase.from('bands').update({ name: parsed.data.name }).eq('id', parsed.data.band_id).select().maybeSingle();
  if (error) return { status: 'invalid', errors: { form: describeDbError(error, 'rename the band') }, values };
  // RLS matched no row: the caller is a plain member (or no longer in the band).
  if (!data) return { status: 'invalid', errors: { form: 'Only the band’s owners and admins can rename it.' }, values };
  revalidatePath('/bands', 'layout');
  return { status: 'saved', row: data };
}

export async function deleteBand(_previous: DepartureResult, formData: FormData): Promise<DepartureResult> {
  const parsed = deleteBandSchema.safeParse(formValues(formData));
  if (!parsed.success) return { status: 'invalid', errors: fieldErrors(parsed.error) };
  const { band_id, confirm_name } = parsed.data;

  const supabase = await createClient();
  const { data: band } = await supabase.from('bands').select('name').eq('id', band_id).maybeSingle();
  if (!band) return { status: 'invalid', errors: { form: 'This band no longer exists, or you are no longer in it.' } };
  if (band.name.trim() !== confirm_name) return { status: 'invalid', errors: { confirm_name: `Type “${band.name.trim()}” exactly to confirm.` } };
  const { data, error } = await supabase.from('bands').delete().eq('id', band_id).select('id');
  if (error) return { status: 'invalid', errors: { form: describeDbError(error, 'delete the band') } };
  if (!data.length) return { status: 'invalid', errors: { form: 'Only the band’s owners can delete it.' } };
  // No revalidatePath: it would re-render the page the user is on, whose band is gone (a 404 under them). The
  // client goes to /bands itself, which is rendered fresh.
  return { status: 'done' };
}

export async function setMemberRole(_previous: MemberResult, formData: FormData): Promise<MemberResult> {
  const parsed = memberRoleSchema.safeParse(formValues(formData));
  if (!parsed.success) return { status: 'invalid', errors: fieldErrors(parsed.error) };
  const { band_id, user_id, role } = parsed.data;

  const supabase = await createClient();
  const { data: claims } = await supabase.auth.getClaims();
  const { error } = await supabase.rpc('set_member_role', { p_band_id: band_id, p_user_id: user_id, p_role: role });
  if (error) return { status: 'invalid', errors: { form: describeMembershipError(error, 'change the role', claims?.claims.sub === user_id) } };
  const { data } = await supabase.from('band_members').select('*').eq('band_id', band_id).eq('user_id', user_id).maybeSingle();
  revalidatePath(`/bands/${band_id}`, 'layout');
  return data ? { status: 'saved', row: data } : { status: 'gone', key: { band_id, user_id }, message: 'That person is no longer in the band.' };
}

export async function removeMember(_previous: MemberResult, formData: FormData): Promise<MemberResult> {
  const parsed = memberSchema.safeParse(formValues(formData));
  if (!parsed.success) return { status: 'invalid', errors: fieldErrors(parsed.error) };
  const { band_id, user_id } = parsed.data;

  const supabase = await createClient();
  const { data, error } = await supabase.from('band_members').delete().eq('band_id', band_id).eq('user_id', user_id).select();
  if (error) return { status: 'invalid', errors: { form: describeMembershipError(error, 'remove the member', false) } };
  // RLS matched no row: an admin may not remove an owner, a member may remove no one but themselves.
  if (!data.length) return { status: 'invalid', errors: { form: 'Only owners remove owners, and only owners and admins remove members.' } };
  revalidatePath(`/bands/${band_id}`, 'layout');
  return { status: 'gone', key: { band_id, user_id }, message: 'Removed.' };
}

export async function leaveBand(_previous: DepartureResult, formData: FormData): Promise<DepartureResult> {
  const parsed = leaveBandSchema.safeParse(formValues(formData));
  if (!parsed.success) return { status: 'invalid', errors: fieldErrors(parsed.error) };

  const supabase = await createClient();
  const { data: claims } = await supabase.auth.getClaims();
  const userId = claims?.claims.sub;
  if (!userId) return { status: 'invalid', errors: { form: 'Your session has expired. Sign in again.' } };
  const { data, error } = await supabase.from('band_members').delete().eq('band_id', parsed.data.band_id).eq('user_id', userId).select();
  if (error) return { status: 'invalid', errors: { form: describeMembershipError(error, 'leave the band', true) } };
  if (!data.length) return { status: 'invalid', errors: { form: 'You are not in this band any more.' } };
  return { status: 'done' }; // no revalidatePath, as deleteBand

}
