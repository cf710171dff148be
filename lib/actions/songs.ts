'use server';

import { createClient } from '@/lib/supabase/server';
import { fieldErrors, formValues } from '@/lib/validation/form';
import { mergedUpdate } from '@/lib/live/merged-update';
import { conflictMessage } from '@/lib/songs/conflicts';
import type { Song } from '@/lib/database.types';
import { parseSongBase, songCreateSchema, songDeleteSchema, songUpdateSchema, type SongFields } from '@/lib/validation/song';
import { describeDbError, mergedResult, type SongDeleteState, type SongFormState } from './state';

// Each action writes through the server client under the user's JWT, so RLS (not this code) decides whether
// the user may touch the band. The returned row settles the acting device's optimistic echo; the other devices
// get the same row over Realtime.

export async function createSong(_previous: SongFormState, formData: FormData): Promise<SongFormState> {
  const values = formValues(formData);
  const parsed = songCreateSchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', errors: fieldErrors(parsed.error), values };

  const supabase = await createClient();
  const { data, error } = await supabase.from('songs').insert(parsed.data).select('*').single();
  if (error?.code === '23505' && error.message.includes('songs_pkey') && parsed.data.id) {
    // The same add sent twice (an offline replay after a lost answer): the first one was saved.
    const { data: saved } = await supabase.from('songs').select('*').eq('id', parsed.data.id).eq('band_id', parsed.data.band_id).maybeSingle();
    if (saved) return { status: 'saved', row: saved };
  }
  if (error) return { status: 'invalid', errors: { form: describeDbError(error, 'add the song') }, values };
  return { status: 'saved', row: data };
}

/**
 * Saves against the version the form was opened with (optimistic concurrency; the trigger stamp_live_row bumps
 * it). When a bandmate saved first, the edit is merged three ways against the form's `base`: fields only this
 * edit changed are written on top of theirs, and only fields both changed come back as a conflict, named, with
 * nothing written. Deleted meanwhile: `gone`, and the form keeps what was typed. Offline replays take this path.
 */
export async function updateSong(_previous: SongFormState, formData: FormData): Promise<SongFormState> {
  const values = formValues(formData);
  const parsed = songUpdateSchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', errors: fieldErrors(parsed.error), values };

  const { id, band_id: bandId, version, ...mine } = parsed.data;
  const supabase = await createClient();
  const result = await mergedUpdate<SongFields, Song>({
    mine,
    base: parseSongBase(values.base),
    version,
    write: (fields, expected) => supabase.from('songs').update(fields).eq('id', id).eq('band_id', bandId).eq('version', expected).select('*'),
    read: () => supabase.from('songs').select('*').eq('id', id).maybeSingle(),
  });
  const goneMessage = 'This song was deleted by a bandmate while you were editing.';
  return mergedResult(result, { id, values, noun: 'song', goneMessage, conflictMessage }) as SongFormState;
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
