import type { Setlist, SetlistItem, Song } from '@/lib/database.types';
import { createClient } from '@/lib/supabase/server';

// Reads under the user's RLS: a non-member gets empty lists and no setlist, never another band's rows.

export type SetlistsData = { setlists: Setlist[]; items: SetlistItem[]; songs: Song[] };

async function read<T>(query: PromiseLike<{ data: T[] | null; error: { message: string } | null }>, what: string): Promise<T[]> {
  const { data, error } = await query;
  if (error) throw new Error(`Loading ${what} failed: ${error.message}`);
  return data ?? [];
}

/** Every setlist of the band with its items (for counts and running times) and the band's songs. */
export async function getSetlistsData(bandId: string): Promise<SetlistsData> {
  const supabase = await createClient();
  const [setlists, items, songs] = await Promise.all([
    read(supabase.from('setlists').select('*').eq('band_id', bandId), 'setlists'),
    read(supabase.from('setlist_items').select('*').eq('band_id', bandId), 'setlist items'),
    read(supabase.from('songs').select('*').eq('band_id', bandId), 'songs'),
  ]);
  return { setlists, items, songs };
}

/** One setlist with its items and the band's songs; null when it does not exist for this user. */
export async function getSetlistData(bandId: string, setlistId: string): Promise<SetlistsData | null> {
  const supabase = await createClient();
  const [setlists, items, songs] = await Promise.all([
    read(supabase.from('setlists').select('*').eq('band_id', bandId).eq('id', setlistId), 'the setlist'),
    read(supabase.from('setlist_items').select('*').eq('band_id', bandId).eq('setlist_id', setlistId), 'setlist items'),
    read(supabase.from('songs').select('*').eq('band_id', bandId), 'songs'),
  ]);
  return setlists.length ? { setlists, items, songs } : null;
}
