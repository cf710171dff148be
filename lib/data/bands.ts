import { cache } from 'react';
import type { Band, BandMemberRow, BandRole, Profile } from '@/lib/database.types';
import { createClient } from '@/lib/supabase/server';

// Reads under the user's RLS: a band the user is not in simply does not exist here.

export type BandMember = { user_id: string; role: BandRole; display_name: string };
export type ActiveInvite = { code: string; expires_at: string };

export const getMyBands = cache(async (): Promise<Band[]> => {
  const supabase = await createClient();
  const { data, error } = await supabase.from('bands').select('*').order('name');
  if (error) throw new Error(`Loading your bands failed: ${error.message}`);
  return data;
});

export const getBand = cache(async (bandId: string): Promise<{ band: Band; role: BandRole } | null> => {
  const supabase = await createClient();
  const [bandResult, roleResult] = await Promise.all([
    supabase.from('bands').select('*').eq('id', bandId).maybeSingle(),
    supabase.rpc('band_role', { p_band_id: bandId }),
  ]);
  if (bandResult.error) throw new Error(`Loading the band failed: ${bandResult.error.message}`);
  if (!bandResult.data || roleResult.error || !roleResult.data) return null;
  return { band: bandResult.data, role: roleResult.data as BandRole };
});

export const getMyProfile = cache(async (userId: string): Promise<Profile | null> => {
  const supabase = await createClient();
  const { data } = await supabase.from('profiles').select('*').eq('id', userId).maybeSingle();
  return data;
});

/** The band's membership rows as the live line-up holds them (names come from getMemberNames). */
export const getLineUp = cache(async (bandId: string): Promise<BandMemberRow[]> => {
  const supabase = await createClient();
  const { data, error } = await supabase.from('band_members').select('*').eq('band_id', bandId);
  if (error) throw new Error(`Loading the line-up failed: ${error.message}`);
  return data;
});

/** Display names by user id, for the given users (RLS shows bandmates' profiles only). */
export async function getMemberNames(userIds: string[]): Promise<Record<string, string>> {
  if (!userIds.length) return {};
  const supabase = await createClient();
  const { data } = await supabase.from('profiles').select('id, display_name').in('id', userIds);
  return Object.fromEntries((data ?? []).map((profile) => [profile.id, profile.display_name]));
}

export async function getMembers(bandId: string): Promise<BandMember[]> {
  const members = await getLineUp(bandId);
  const names = new Map(Object.entries(await getMemberNames(members.map((member) => member.user_id))));
  return members
    .map((member) => ({ ...member, display_name: names.get(member.user_id) ?? 'Member' }))
    .sort((a, b) => a.display_name.localeCompare(b.display_name));
}

/** The newest unexpired invite; RLS shows invites to owners and admins only, so members get null. */
export async function getActiveInvite(bandId: string): Promise<ActiveInvite | null> {
  const supabase = await createClient();
  const { data } = await supabase
    .from('band_invites')
    .select('code, expires_at')
    .eq('band_id', bandId)
    .gt('expires_at', new Date().toISOString())
    .order('created_at', { ascending: false })
    .limit(1)
    .maybeSingle();
  return data;
}
