import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CalendarLive } from '@/components/calendar/calendar-live';
import { ShowView } from '@/components/shows/show-view';
import { getCalendarData } from '@/lib/data/calendar';
import { requireUser } from '@/lib/data/session';
import { uuidSchema } from '@/lib/validation/song';

export const metadata: Metadata = { title: 'Show' };

export default async function ShowPage({ params }: { params: Promise<{ bandId: string; showId: string }> }) {
  const { bandId, showId } = await params;
  // Awaited, not streamed: a show that does not exist for this user must be a real 404.
  if (!uuidSchema.safeParse(showId).success) notFound();
  const [user, data] = await Promise.all([requireUser(), getCalendarData(bandId)]);
  if (!data.shows.some((show) => show.id === showId)) notFound();
  return (
    <CalendarLive data={data} userId={user.id}>
      <ShowView bandId={bandId} showId={showId} />
    </CalendarLive>
  );
}
