'use server';

import type { AvailabilityRow, UnavailableDatesRow } from '@/lib/database.types';
import type { LiveResult } from '@/lib/live/result';
import { createClient } from '@/lib/supabase/server';
import { availabilitySchema, unavailableRefSchema, unavailableSchema } from '@/lib/validation/availability';
import { fieldErrors } from '@/lib/validation/form';
import { describeDbError } from './state';

// A member's own answers and away dates. user_id is never taken from the client: the column defaults to
// auth.uid() and RLS refuses any other, so nobody can answer for a bandmate.

export async function setAvailability(input: unknown): Promise<LiveResult<AvailabilityRow>> {
  const parsed = availabilitySchema.safeParse(input);
  if (!parsed.success) return { status: 'invalid', errors: { form: Object.values(fieldErrors(parsed.error))[0] } };
  const { kind, event_id: eventId, band_id: bandId, answer, note } = parsed.data;
  const supabase = await createClient();
  const { data: auth } = await supabase.auth.getClaims();
  const userId = auth?.claims.sub;
  if (!userId) return { status: 'invalid', errors: { form: 'Your session has expired. Sign in again.' } };
  const row = { event_id: eventId, band_id: bandId, user_id: userId, answer, note, show_id: kind === 'show' ? eventId : null, practice_id: kind === 'practice' ? eventId : null };
  const { data, error } = await supabase.from('availability').upsert(row, { onConflict: 'event_id,user_id' }).select('*').single();
  if (error?.code === '23503') return { status: 'gone', key: { event_id: eventId, user_id: userId }, message: 'This event is not in the band (any more).' };
  if (error) return { status: 'invalid', errors: { form: describeDbError(error, 'save your answer') } };
  return { status: 'saved', row: data };
}

export async function addAway(input: unknown): Promise<LiveResult<UnavailableDatesRow, 'starts_on' | 'ends_on' | 'note'>> {
  const parsed = unavailableSchema.safeParse(input);
  if (!parsed.success) return { status: 'invalid', errors: fieldErrors(parsed.error) };
  const supabase = await createClient();
  const { data, error } = await supabase.from('unavailable_dates').insert(parsed.data).select('*').single();
  if (error?.code === '23505') {
    // The same add replayed after a lost answer: the first one was saved.
    const { data: saved } = await supabase.from('unavailable_dates').select('*').eq('id', parsed.data.id).maybeSingle();
    if (saved) return { status: 'saved', row: saved };
  }
  if (error) return { status: 'invalid', errors: { form: describeDbError(error, 'block those dates') } };
  return { status: 'saved', row: data };
}

export async function removeAway(input: unknown): Promise<LiveResult<UnavailableDatesRow>> {
  const parsed = unavailableRefSchema.safeParse(input);
  if (!parsed.success) return { status: 'invalid', errors: { form: 'Not a valid date range.' } };
  const supabase = await createClient();
  const { error } = await supabase.from('unavailable_dates').delete().eq('id', parsed.data.id).eq('band_id', parsed.data.band_id);
  if (error) return { status: 'invalid', errors: { form: describeDbError(error, 'unblock those dates') } };
  return { status: 'gone', key: { id: parsed.data.id }, message: 'Dates unblocked.' };
}
