'use server';

import type { PracticeSessionRow } from '@/lib/database.types';
import { mergedUpdate } from '@/lib/live/merged-update';
import { practiceConflictMessage } from '@/lib/practice/conflicts';
import { createClient } from '@/lib/supabase/server';
import { fieldErrors, formValues } from '@/lib/validation/form';
import { parsePracticeBase, parsePracticeFields, practiceKeySchema, practiceRefSchema, type PracticeFields } from '@/lib/validation/practice';
import { describeDbError, mergedResult, type PracticeFormState } from './state';

// Practice sessions themselves (when, where, notes); the agenda is in ./practice-items.ts and each member's learn
// status in ./learn-status.ts. Writes go through the user's JWT, so RLS decides.

export async function createPractice(_previous: PracticeFormState, formData: FormData): Promise<PracticeFormState> {
  const values = formValues(formData);
  const ref = practiceRefSchema.safeParse(values);
  const parsed = parsePracticeFields(values);
  if ('errors' in parsed) return { status: 'invalid', errors: parsed.errors, values };
  if (!ref.success) return { status: 'invalid', errors: { form: Object.values(fieldErrors(ref.error))[0] }, values };
  const supabase = await createClient();
  const { id, band_id: bandId } = ref.data;
  const { data, error } = await supabase.from('practice_sessions').insert({ ...parsed.fields, id, band_id: bandId }).select('*').single();
  if (error?.code === '23505' && error.message.includes('practice_sessions_pkey')) {
    // The same create sent twice (an offline replay after a lost answer): the first one was saved.
    const { data: saved } = await supabase.from('practice_sessions').select('*').eq('id', id).eq('band_id', bandId).maybeSingle();
    if (saved) return { status: 'saved', row: saved };
  }
  if (error) return { status: 'invalid', errors: { form: describeDbError(error, 'plan the practice') }, values };
  return { status: 'saved', row: data };
}

/** Saves against the version the form was opened with and merges field by field with a newer save. */
export async function updatePractice(_previous: PracticeFormState, formData: FormData): Promise<PracticeFormState> {
  const values = formValues(formData);
  const key = practiceKeySchema.safeParse(values);
  const parsed = parsePracticeFields(values);
  if ('errors' in parsed) return { status: 'invalid', errors: parsed.errors, values };
  if (!key.success) return { status: 'invalid', errors: { form: Object.values(fieldErrors(key.error))[0] }, values };
  const { id, band_id: bandId, version } = key.data;
  const supabase = await createClient();
  const result = await mergedUpdate<PracticeFields, PracticeSessionRow>({
    mine: parsed.fields,
    base: parsePracticeBase(values.base),
    version,
    write: (fields, expected) => supabase.from('practice_sessions').update(fields).eq('id', id).eq('band_id', bandId).eq('version', expected).select('*'),
    read: () => supabase.from('practice_sessions').select('*').eq('id', id).maybeSingle(),
  });
  const goneMessage = 'This practice was deleted by a bandmate; your changes were not saved.';
  return mergedResult(result, { id, values, noun: 'practice', goneMessage, conflictMessage: practiceConflictMessage }) as PracticeFormState;
}

export async function deletePractice(_previous: PracticeFormState, formData: FormData): Promise<PracticeFormState> {
  const parsed = practiceRefSchema.safeParse(formValues(formData));
  if (!parsed.success) return { status: 'invalid', errors: fieldErrors(parsed.error) };
  const supabase = await createClient();
  const { id, band_id: bandId } = parsed.data;
  const { data, error } = await supabase.from('practice_sessions').delete().eq('id', id).eq('band_id', bandId).select('id');
  if (error) return { status: 'invalid', errors: { form: describeDbError(error, 'delete the practice') } };
  return { status: 'gone', key: { id }, message: data.length ? 'Practice deleted.' : 'This practice was already deleted.' };
}
