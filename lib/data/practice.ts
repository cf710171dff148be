import type { LearnStatusRow, PracticeItemRow, PracticeSessionRow } from '@/lib/database.types';
import { createClient } from '@/lib/supabase/server';
import { getMembers, type BandMember } from './bands';
import { rows } from './calendar';

// What the song list needs of channel `practice:<band>` (learn status, with the sessions and agendas that share
// the channel), read under the user's RLS: a non-member gets nothing.

export type PracticeData = { practices: PracticeSessionRow[]; agenda: PracticeItemRow[]; learn: LearnStatusRow[]; members: BandMember[] };

export async function getPracticeData(bandId: string): Promise<PracticeData> {
  const supabase = await createClient();
  const [practices, agenda, learn, members] = await Promise.all([
    rows(supabase.from('practice_sessions').select('*').eq('band_id', bandId), 'practice sessions'),
    rows(supabase.from('practice_items').select('*').eq('band_id', bandId), 'practice agendas'),
    rows(supabase.from('learn_status').select('*').eq('band_id', bandId), 'learn status'),
    getMembers(bandId),
  ]);
  return { practices, agenda, learn, members };
}
