import type { Song } from '@/lib/database.types';
import { createClient } from '@/lib/supabase/server';

/** The band's songs under the user's RLS (a non-member gets an empty list, never an error). */
export async function getSongs(bandId: string): Promise<Song[]> {
  const supabase = await createClient();
  const { data, error } = await supabase.from('songs').select('*').eq('band_id', bandId).order('title');
  if (error) throw new Error(`Loading songs failed: ${error.message}`);
  return data;
}
