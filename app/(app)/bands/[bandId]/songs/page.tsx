import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SongsSection } from '@/components/songs/songs-section';
import { SongsSkeleton } from '@/components/songs/songs-skeleton';
import { getSongs } from '@/lib/data/songs';

export const metadata: Metadata = { title: 'Songs' };

export default async function SongsPage({ params }: { params: Promise<{ bandId: string }> }) {
  const { bandId } = await params;
  // Started here, awaited inside <Suspense>: the band header streams first and the list follows.
  const songs = getSongs(bandId);
  return (
    <Suspense fallback={<SongsSkeleton />}>
      <SongsSection bandId={bandId} songs={songs} />
    </Suspense>
  );
}
