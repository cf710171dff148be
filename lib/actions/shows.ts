'use server';

import type { ShowRow } from '@/lib/database.types';
import { mergedUpdate } from '@/lib/live/merged-update';
import { createClient } from '@/lib/supabase/server';
import { formValues } from '@/lib/validation/form';
import { parseShowBase, parseShowFields, showKeySchema, showRefSchema, SHOW_STATUSES, type ShowFields } from '@/lib/validation/show';
import { uuidSchema } from '@/lib/validation/song';
import { z } from 'zod';
import { showConflictMessage } from '@/lib/shows/conflicts';
import { describeDbError, mergedResult, type ShowFormState } from './state';

// Shows are edited through one form (version-checked, merged field by field like setlists) plus one-tap status
// changes. Writes go through the user's JWT, so RLS decides; Realtime tells the other devices.

type Client = Awaited<ReturnType<typeof createClient>>;

/** A setlist named by the form must be one of this band's (the composite FK would refuse it anyway, in SQL words). */
async function foreignSetlist(supabase: Client, bandId: string, fields: ShowFields): Promise<boolean> {
  if (!fields.setlist_id) return false;
  const { data } = await supabase.from('setlists').select('id').eq('id', fields.setlist_id).eq('band_id', bandId).maybeSingle();
  return !data;
}
const NOT_OURS = { setlist_id: "That setlist is not one of this band's (was it deleted?)" };

export async function createShow(_previous: ShowFormState, formData: FormData): Promise<ShowFormState> {
  const values = formValues(formData);
  const ids = { id: uuidSchema.safeParse(values.id), band_id: uuidSchema.safeParse(values.band_id) };
  if (!ids.id.success || !ids.band_id.success) return { status: 'invalid', errors: { form: 'This form is out of date; reload the page.' }, values };
  const parsed = parseShowFields(values);
  if ('errors' in parsed) return { status: 'invalid', errors: parsed.errors, values };
  const supabase = await createClient();
  if (await foreignSetlist(supabase, ids.band_id.data, parsed.fields)) return { status: 'invalid', errors: NOT_OURS, values };
  const row = { ...parsed.fields, id: ids.id.data, band_id: ids.band_id.data };
  const { data, error } = await supabase.from('shows').insert(row).select('*').single();
  if (error?.code === '23505' && error.message.includes('shows_pkey')) {
    // The same create sent twice (an offline replay after a lost answer): the first one was saved.
    const { data: saved } = await supabase.from('shows').select('*').eq('id', row.id).eq('band_id', row.band_id).maybeSingle();
    if (saved) return { status: 'saved', row: saved };
  }
  if (error) return { status: 'invalid', errors: { form: describeDbError(error, 'plan the show') }, values };
  return { status: 'saved', row: data };
}

/** Saves against the version the form opened with; a bandmate's newer save is merged field by field. */
export async function updateShow(_previous: ShowFormState, formData: FormData): Promise<ShowFormState> {
  const values = formValues(formData);
  const key = showKeySchema.safeParse(values);
  if (!key.success) return { status: 'invalid', errors: { form: 'This form is out of date; reload the page.' }, values };
  const parsed = parseShowFields(values);
  if ('errors' in parsed) return { status: 'invalid', errors: parsed.errors, values };
  const { id, band_id: bandId, version } = key.data;
  const supabase = await createClient();
  if (await foreignSetlist(supabase, bandId, parsed.fields)) return { status: 'invalid', errors: NOT_OURS, values };
  return saveMerged(supabase, { id, bandId, version, mine: parsed.fields, base: parseShowBase(values.base), values });
}

/** One tap: confirm, cancel or make tentative again, merged with any other change a bandmate made meanwhile. */
export async function setShowStatus(input: unknown): Promise<ShowFormState> {
  const status = z.enum(SHOW_STATUSES);
  const parsed = showKeySchema.extend({ status, from: status }).safeParse(input);
  if (!parsed.success) return { status: 'invalid', errors: { form: 'Not a valid status change.' } };
  const { id, band_id: bandId, version, status: next, from } = parsed.data;
  const supabase = await createClient();
  return saveMerged(supabase, { id, bandId, version, mine: { status: next }, base: { status: from }, values: { status: next } });
}

export async function deleteShow(input: unknown): Promise<ShowFormState> {
  const parsed = showRefSchema.safeParse(input);
  if (!parsed.success) return { status: 'invalid', errors: { form: 'Not a valid show.' } };
  const supabase = await createClient();
  const { data, error } = await supabase.from('shows').delete().eq('id', parsed.data.id).eq('band_id', parsed.data.band_id).select('id');
  if (error) return { status: 'invalid', errors: { form: describeDbError(error, 'delete the show') } };
  return { status: 'gone', key: { id: parsed.data.id }, message: data.length ? 'Show deleted.' : 'This show was already deleted.' };
}

async function saveMerged(
  supabase: Client,
  edit: { id: string; bandId: string; version: number; mine: Partial<ShowFields>; base: Partial<ShowFields>; values: Record<string, string> },
): Promise<ShowFormState> {
  const { id, bandId, values } = edit;
  const result = await mergedUpdate<Partial<ShowFields>, ShowRow>({
    mine: edit.mine,
    base: edit.base,
    version: edit.version,
    write: (fields, expected) => supabase.from('shows').update(fields).eq('id', id).eq('band_id', bandId).eq('version', expected).select('*'),
    read: () => supabase.from('shows').select('*').eq('id', id).maybeSingle(),
  });
  const goneMessage = 'This show was deleted by a bandmate; your changes were not saved.';
  return mergedResult(result, { id, values, noun: 'show', goneMessage, conflictMessage: showConflictMessage(edit.mine.time_zone ?? 'UTC') }) as ShowFormState;
}
