'use server';

import { createClient } from '@/lib/supabase/server';
import { fieldErrors, formValues } from '@/lib/validation/form';
import type { Setlist } from '@/lib/database.types';
import { mergedUpdate } from '@/lib/live/merged-update';
import { setlistConflictMessage } from '@/lib/setlists/conflicts';
import { parseSetlistBase, setlistCreateSchema, setlistRefSchema, setlistUpdateSchema, type SetlistFields } from '@/lib/validation/setlist';
import { describeDbError, mergedResult, type SetlistFormState } from './state';

// Setlists themselves (name, target length, notes); their items are in ./setlist-items.ts. Writes go through the
// user's JWT, so RLS decides; the returned row settles the acting device's echo, Realtime tells the others.

export async function createSetlist(_previous: SetlistFormState, formData: FormData): Promise<SetlistFormState> {
  const values = formValues(formData);
  const parsed = setlistCreateSchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', errors: fieldErrors(parsed.error), values };
  const supabase = await createClient();
  const { data, error } = await supabase.from('setlists').insert(parsed.data).select('*').single();
  if (error?.code === '23505' && error.message.includes('setlists_pkey') && parsed.data.id) {
    // The same create sent twice (an offline replay after a lost answer): the first one was saved.
    const { data: saved } = await supabase.from('setlists').select('*').eq('id', parsed.data.id).eq('band_id', parsed.data.band_id).maybeSingle();
    if (saved) return { status: 'saved', row: saved };
  }
  if (error) return { status: 'invalid', errors: { form: describeDbError(error, 'create the setlist') }, values };
  return { status: 'saved', row: data };
}

/** Saves against the version the form was opened with and merges field by field with a newer save, as songs do. */
export async function updateSetlist(_previous: SetlistFormState, formData: FormData): Promise<SetlistFormState> {
  const values = formValues(formData);
  const parsed = setlistUpdateSchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', errors: fieldErrors(parsed.error), values };
  const { id, band_id: bandId, version, ...mine } = parsed.data;
  const supabase = await createClient();
  const result = await mergedUpdate<SetlistFields, Setlist>({
    mine,
    base: parseSetlistBase(values.base),
    version,
    write: (fields, expected) => supabase.from('setlists').update(fields).eq('id', id).eq('band_id', bandId).eq('version', expected).select('*'),
    read: () => supabase.from('setlists').select('*').eq('id', id).maybeSingle(),
  });
  const goneMessage = 'This setlist was deleted by a bandmate; your changes were not saved.';
  return mergedResult(result, { id, values, noun: 'setlist', goneMessage, conflictMessage: setlistConflictMessage }) as SetlistFormState;
}

export async function deleteSetlist(_previous: SetlistFormState, formData: FormData): Promise<SetlistFormState> {
  const parsed = setlistRefSchema.safeParse(formValues(formData));
  if (!parsed.success) return { status: 'invalid', errors: fieldErrors(parsed.error) };
  const supabase = await createClient();
  const { data, error } = await supabase.from('setlists').delete().eq('id', parsed.data.id).eq('band_id', parsed.data.band_id).select('id');
  if (error) return { status: 'invalid', errors: { form: describeDbError(error, 'delete the setlist') } };
  if (!data.length) return { status: 'gone', key: { id: parsed.data.id }, message: 'This setlist was already deleted.' };
  return { status: 'gone', key: { id: parsed.data.id }, message: 'Setlist deleted.' };
}

/** A copy with every item, made in one transaction by duplicate_setlist() under the user's RLS. */
export async function duplicateSetlist(_previous: SetlistFormState, formData: FormData): Promise<SetlistFormState> {
  const parsed = setlistRefSchema.safeParse(formValues(formData));
  if (!parsed.success) return { status: 'invalid', errors: fieldErrors(parsed.error) };
  const supabase = await createClient();
  const { data: copyId, error } = await supabase.rpc('duplicate_setlist', { p_setlist_id: parsed.data.id });
  if (error?.code === 'P0002') return { status: 'gone', key: { id: parsed.data.id }, message: 'This setlist was deleted by a bandmate.' };
  if (error) return { status: 'invalid', errors: { form: describeDbError(error, 'duplicate the setlist') } };
  const { data: copy, error: readError } = await supabase.from('setlists').select('*').eq('id', copyId).single();
  if (readError) return { status: 'invalid', errors: { form: describeDbError(readError, 'open the copy') } };
  return { status: 'saved', row: copy };
}
