'use server';

import { createClient } from '@/lib/supabase/server';
import { fieldErrors, formValues } from '@/lib/validation/form';
import { songCreateSchema, songDeleteSchema, songUpdateSchema } from '@/lib/validation/song';
import { describeDbError, type SongFormState } from './state';

// Each action writes through the server client under the user's JWT, so RLS (not this code) decides whether
// the user may touch the band. The returned row lets the acting device update at once; the other devices get
// the same row over Realtime.

export async function createSong(_previous: SongFormState, formData: FormData): Promise<SongFormState> {
  const values = formValues(formData);
  const parsed = songCreateSchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', errors: fieldErrors(parsed.error), values };

  const supabase = await createClient();
  const { data, error } = await supabase.from('songs').insert(parsed.data).select('*').single();
  if (error) return { status: 'invalid', errors: { form: describeDbError(error, 'add the song') }, values };
  return { status: 'saved', song: data };
}

/**
 * Saves only if the row still has the version the form was opened with (optimistic concurrency; the trigger
 * songs_stamp_version bumps it). Zero rows updated means someone else saved first, or deleted the song: the
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
  if (song) return { status: 'saved', song };

  const { data: current, error: readError } = await supabase.from('songs').select('*').eq('id', id).maybeSingle();
  if (readError) return { status: 'invalid', errors: { form: describeDbError(readError, 'check the song') }, values };
  if (!current) return { status: 'gone', id, message: 'This song was deleted by a bandmate; your changes were not saved.' };
  return {
    status: 'conflict',
    song: current,
    values,
    message: 'A bandmate saved this song while you were editing. Their version is shown now; your changes were not saved.',
  };
}

export async function deleteSong(_previous: SongFormState, formData: FormData): Promise<SongFormState> {
  const parsed = songDeleteSchema.safeParse(formValues(formData));
  if (!parsed.success) return { status: 'invalid', errors: fieldErrors(parsed.error) };

  const supabase = await createClient();
  const { error } = await supabase.from('songs').delete().eq('id', parsed.data.id).eq('band_id', parsed.data.band_id);
  if (error) return { status: 'invalid', errors: { form: describeDbError(error, 'delete the song') } };
  return { status: 'gone', id: parsed.data.id, message: 'Song deleted.' };
}
