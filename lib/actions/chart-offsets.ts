'use server';

import { chartOffsetSchema } from '@/lib/charts/offset';
import { getCurrentUser } from '@/lib/data/session';
import { createClient } from '@/lib/supabase/server';
import { describeDbError } from './state';

export type ChartOffsetResult = { status: 'saved'; semitones: number } | { status: 'invalid'; message: string };

/**
 * Sets the signed-in member's own offset for one song's chart. Whose offset it is comes from the session, never
 * from the input; RLS refuses any other row anyway. One row per (member, song), so a repeat is the same upsert.
 */
export async function setChartOffset(input: unknown): Promise<ChartOffsetResult> {
  const parsed = chartOffsetSchema.safeParse(input);
  if (!parsed.success) return { status: 'invalid', message: parsed.error.issues[0]?.message ?? 'Not a valid offset' };
  const user = await getCurrentUser();
  if (!user) return { status: 'invalid', message: 'Your session has expired. Sign in again.' };
  const { bandId, songId, semitones } = parsed.data;
  const supabase = await createClient();
  const { data, error } = await supabase
    .from('chart_offsets')
    .upsert({ user_id: user.id, band_id: bandId, song_id: songId, semitones }, { onConflict: 'user_id,song_id' })
    .select('semitones')
    .single();
  if (error) return { status: 'invalid', message: describeDbError(error, 'save your offset') };
  return { status: 'saved', semitones: data.semitones };
}
