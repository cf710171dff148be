import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SongsSection } from '@/components/songs/songs-section';
import { SongsSkeleton } from '@/components/songs/songs-skeleton';
import { getPracticeData } from '@/lib/data/practice';
import { requireUser } from '@/lib/data/session';
import { getSongs } from '@/lib/data/songs';

export const metadata: Metadata = { title: 'Songs' };

export default async function SongsPage({ params }: { params: Promise<{ bandId: string }> }) {
  const { bandId } = await params;
  // Started here, awaited inside <Suspense>: the band header streams first and the list follows.
  const songs = getSongs(bandId);
  // Learn status lives on channel practice:<band>; its stores are seeded from the same kind of read.
  const practice = getPracticeData(bandId);
  const user = await requireUser();
  return (
    <Suspense fallback={<SongsSkeleton />}>
      <SongsSection bandId={bandId} userId={user.id} songs={songs} practice={practice} />
    </Suspense>
  );
}
