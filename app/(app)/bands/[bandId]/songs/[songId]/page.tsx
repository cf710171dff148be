import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SongChartView } from '@/components/charts/song-chart-view';
import { BackLink } from '@/components/ui/back-link';
import { getMyChartOffsets } from '@/lib/data/chart-offsets';
import { requireUser } from '@/lib/data/session';
import { SongsStoreProvider } from '@/lib/live/stores';
import { createClient } from '@/lib/supabase/server';
import { uuidSchema } from '@/lib/validation/song';

export const metadata: Metadata = { title: 'Song' };

export default async function SongPage({ params }: { params: Promise<{ bandId: string; songId: string }> }) {
  const { bandId, songId } = await params;
  if (!uuidSchema.safeParse(songId).success || !uuidSchema.safeParse(bandId).success) notFound();
  await requireUser();
  const supabase = await createClient();
  // Awaited before rendering, not streamed: a song this user cannot see (or that does not exist) is a real 404.
  const [{ data: song, error }, offsets] = await Promise.all([
    supabase.from('songs').select('*').eq('id', songId).eq('band_id', bandId).maybeSingle(),
    getMyChartOffsets(bandId),
  ]);
  if (error) throw new Error(`Loading the song failed: ${error.message}`);
  if (!song) notFound();
  return (
    <div className="flex flex-col gap-2">
      <BackLink href={`/bands/${bandId}/songs`}>Songs</BackLink>
      <SongsStoreProvider initialRows={[song]}>
        <SongChartView initial={song} offset={offsets[songId] ?? 0} />
      </SongsStoreProvider>
    </div>
  );
}
