import { createClient } from '@/lib/supabase/server';

/** The signed-in member's own chart offsets in a band, song id → semitones (RLS returns only their rows). */
export async function getMyChartOffsets(bandId: string): Promise<Record<string, number>> {
  const supabase = await createClient();
  const { data, error } = await supabase.from('chart_offsets').select('song_id, semitones').eq('band_id', bandId);
  if (error) throw new Error(`Loading chart offsets failed: ${error.message}`);
  return Object.fromEntries(data.map((row) => [row.song_id, row.semitones]));
}
