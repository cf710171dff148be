'use server';

import { createClient } from '@/lib/supabase/server';
import { fieldErrors, formValues } from '@/lib/validation/form';
import { songCreateSchema, songDeleteSchema, songUpdateSchema } from '@/lib/validation/song';
import { describeDbError, type SongDeleteState, type SongFormState } from './state';

// Each action writes through the server client under the user's JWT, so RLS (not this code) decides whether
// the user may touch the band. The returned row settles the acting device's optimistic echo; the other devices
// get the same row over Realtime.

export async function createSong(_previous: SongFormState, formData: FormData): Promise<SongFormState> {
  const values = formValues(formData);
  const parsed = songCreateSchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', errors: fieldErrors(parsed.error), values };

  const supabase = await createClient();
  const { data, error } = await supabase.from('songs').insert(parsed.data).select('*').single();
  if (error) return { status: 'invalid', errors: { form: describeDbError(error, 'add the song') }, values };
  return { status: 'saved', row: data };
}

/**
 * Saves only if the row still has the version the form was opened with (optimistic concurrency; the trigger
 * stamp_live_row bumps it). Zero rows updated means someone else saved first, or deleted the song: the
 * caller gets their row back and the user is told, instead of silently overwriting their edit.
 */
export async function updateSong(_previous: SongFormState, formData: FormData): Promise<SongFormState> {
  const values = formValues(formData);
  const parsed = songUpdateSchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', errors: fieldErrors(parsed.error), values };

  const { id, band_id: bandId, version, ...fields } = parsed.data;
  const supabase = await createClient();
  const { data: updated, error } = await supabase
    .from('songs')
    .update(fields)
    .eq('id', id)
    .eq('band_id', bandId)
    .eq('version', version)
    .select('*');
  if (error) return { status: 'invalid', errors: { form: describeDbError(error, 'save the song') }, values };
  const [song] = updated;
  if (song) return { status: 'saved', row: song };

  const { data: current, error: readError } = await supabase.from('songs').select('*').eq('id', id).maybeSingle();
  if (readError) return { status: 'invalid', errors: { form: describeDbError(readError, 'check the song') }, values };
  if (!current) return { status: 'gone', key: { id }, message: 'This song was deleted by a bandmate; your changes were not saved.' };
  return {
    status: 'conflict',
    row: current,
    values,
    message: 'A bandmate saved this song while you were editing. Their version is shown now; your changes were not saved.',
  };
}

/** Names of the setlists that play the song, so the user can decide before anything disappears from them. */
async function setlistsUsing(supabase: Awaited<ReturnType<typeof createClient>>, songId: string) {
  const { data, error } = await supabase.from('setlist_items').select('setlists(name)').eq('song_id', songId);
  if (error) return { error };
  const names = new Set(data.flatMap((item) => (item.setlists ? [item.setlists.name] : [])));
  return { names: [...names].sort((a, b) => a.localeCompare(b)) };
}

/**
 * Deletes a song. A song that setlists still play is not deleted unless the form says `remove_from_setlists`:
 * the user is first told which setlists use it (status in_use), then remove_song() takes the song and its
 * setlist items out in one transaction. The foreign key refuses a plain delete of a song in use (23503), so a
 * setlist that picked the song up meanwhile is reported too, never left pointing at nothing.
 */
export async function deleteSong(_previous: SongDeleteState, formData: FormData): Promise<SongDeleteState> {
  const parsed = songDeleteSchema.safeParse(formValues(formData));
  if (!parsed.success) return { status: 'invalid', errors: fieldErrors(parsed.error) };
  const { id, band_id: bandId, remove_from_setlists: removeFromSetlists } = parsed.data;
  const supabase = await createClient();

  if (removeFromSetlists) {
    const { error } = await supabase.rpc('remove_song', { p_song_id: id });
    if (error?.code === 'P0002') return { status: 'gone', key: { id }, message: 'This song was already deleted.' };
    if (error) return { status: 'invalid', errors: { form: describeDbError(error, 'delete the song') } };
    return { status: 'gone', key: { id }, message: 'Song deleted and removed from its setlists.' };
  }

  const { error } = await supabase.from('songs').delete().eq('id', id).eq('band_id', bandId);
  if (error?.code === '23503') {
    const usage = await setlistsUsing(supabase, id);
    if ('error' in usage) return { status: 'invalid', errors: { form: describeDbError(usage.error!, 'check the setlists') } };
    return { status: 'in_use', setlists: usage.names };
  }
  if (error) return { status: 'invalid', errors: { form: describeDbError(error, 'delete the song') } };
  return { status: 'gone', key: { id }, message: 'Song deleted.' };
}
