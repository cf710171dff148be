import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CalendarLive } from '@/components/calendar/calendar-live';
import { RoomLive } from '@/components/room/room-live';
import { StageView } from '@/components/room/stage-view';
import { getCalendarData } from '@/lib/data/calendar';
import { getMyChartOffsets } from '@/lib/data/chart-offsets';
import { getRoomData } from '@/lib/data/rooms';
import { requireUser } from '@/lib/data/session';
import { uuidSchema } from '@/lib/validation/song';

export const metadata: Metadata = { title: 'Stage mode' };

export default async function StagePage({ params }: { params: Promise<{ bandId: string; showId: string }> }) {
  const { bandId, showId } = await params;
  if (!uuidSchema.safeParse(showId).success) notFound();
  const user = await requireUser();
  // Awaited: an unknown show is a real 404, and the room row is in the first paint (a reload lands on the song).
  const [data, room, offsets] = await Promise.all([getCalendarData(bandId), getRoomData(bandId, 'show', showId), getMyChartOffsets(bandId)]);
  if (!data.shows.some((show) => show.id === showId)) notFound();
  return (
    <CalendarLive data={data} userId={user.id}>
      <RoomLive data={room}>
        <StageView bandId={bandId} showId={showId} offsets={offsets} />
      </RoomLive>
    </CalendarLive>
  );
}
