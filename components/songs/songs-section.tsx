import { CalendarMeProvider, PracticeLive } from '@/components/calendar/calendar-live';
import type { Song } from '@/lib/database.types';
import type { PracticeData } from '@/lib/data/practice';
import { SongsStoreProvider } from '@/lib/live/stores';
import { SongsView } from './songs-view';

/**
 * Awaits the page's data promises inside <Suspense> and seeds the per-mount stores with them: the songs, and the
 * practice channel's stores for every member's learn status.
 */
export async function SongsSection({ bandId, userId, songs, practice }: { bandId: string; userId: string; songs: Promise<Song[]>; practice: Promise<PracticeData> }) {
  const [initialSongs, practiceData] = await Promise.all([songs, practice]);
  return (
    <CalendarMeProvider userId={userId} members={practiceData.members}>
      <SongsStoreProvider initialRows={initialSongs}>
        <PracticeLive data={practiceData}>
          <SongsView bandId={bandId} />
        </PracticeLive>
      </SongsStoreProvider>
    </CalendarMeProvider>
  );
}
