import type { AvailabilityRow, LearnStatusRow, PracticeItemRow, PracticeSessionRow, ShowRow, UnavailableDatesRow } from '@/lib/database.types';
import { createClient } from '@/lib/supabase/server';
import { getMembers, type BandMember } from './bands';
import { getSetlistsData, type SetlistsData } from './setlists';

// The band's calendar, read under the user's RLS: a non-member gets nothing. One read feeds every calendar page
// (home, month, show, practice, availability grid); each page keeps the stores live on its channels.

export type CalendarData = SetlistsData & {
  shows: ShowRow[];
  practices: PracticeSessionRow[];
  agenda: PracticeItemRow[];
  learn: LearnStatusRow[];
  availability: AvailabilityRow[];
  away: UnavailableDatesRow[];
  members: BandMember[];
};

export async function rows<T>(query: PromiseLike<{ data: T[] | null; error: { message: string } | null }>, what: string): Promise<T[]> {
  const { data, error } = await query;
  if (error) throw new Error(`Loading ${what} failed: ${error.message}`);
  return data ?? [];
}

export async function getCalendarData(bandId: string): Promise<CalendarData> {
  const supabase = await createClient();
  const [setlists, shows, practices, agenda, learn, availability, away, members] = await Promise.all([
    getSetlistsData(bandId),
    rows(supabase.from('shows').select('*').eq('band_id', bandId), 'shows'),
    rows(supabase.from('practice_sessions').select('*').eq('band_id', bandId), 'practice sessions'),
    rows(supabase.from('practice_items').select('*').eq('band_id', bandId), 'practice agendas'),
    rows(supabase.from('learn_status').select('*').eq('band_id', bandId), 'learn status'),
    rows(supabase.from('availability').select('*').eq('band_id', bandId), 'availability'),
    rows(supabase.from('unavailable_dates').select('*').eq('band_id', bandId), 'unavailable dates'),
    getMembers(bandId),
  ]);
  return { ...setlists, shows, practices, agenda, learn, availability, away, members };
}
