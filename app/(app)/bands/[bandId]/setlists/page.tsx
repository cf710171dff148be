import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SetlistsListView } from '@/components/setlists/setlists-list-view';
import { SetlistsLive } from '@/components/setlists/setlists-live';
import { SongsSkeleton } from '@/components/songs/songs-skeleton';
import { getSetlistsData, type SetlistsData } from '@/lib/data/setlists';

export const metadata: Metadata = { title: 'Setlists' };

export default async function SetlistsPage({ params }: { params: Promise<{ bandId: string }> }) {
  const { bandId } = await params;
  // Started here, awaited inside <Suspense>: the band header streams first and the list follows.
  const data = getSetlistsData(bandId);
  return (
    <Suspense fallback={<SongsSkeleton />}>
      <SetlistsSection bandId={bandId} data={data} />
    </Suspense>
  );
}

async function SetlistsSection({ bandId, data }: { bandId: string; data: Promise<SetlistsData> }) {
  return (
    <SetlistsLive data={await data}>
      <SetlistsListView bandId={bandId} />
    </SetlistsLive>
  );
}
