import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CalendarLive } from '@/components/calendar/calendar-live';
import { PracticeRoom } from '@/components/room/practice-room';
import { RoomLive } from '@/components/room/room-live';
import { getCalendarData } from '@/lib/data/calendar';
import { getMyChartOffsets } from '@/lib/data/chart-offsets';
import { getRoomData } from '@/lib/data/rooms';
import { requireUser } from '@/lib/data/session';
import { uuidSchema } from '@/lib/validation/song';

export const metadata: Metadata = { title: 'Practice room' };

export default async function PracticeRoomPage({ params }: { params: Promise<{ bandId: string; practiceId: string }> }) {
  const { bandId, practiceId } = await params;
  if (!uuidSchema.safeParse(practiceId).success) notFound();
  const user = await requireUser();
  // Awaited, not streamed: a practice that does not exist for this user must be a real 404. The room row is read
  // here too, so a member who joins late or reloads lands on the current song in the first paint.
  const [data, room, offsets] = await Promise.all([getCalendarData(bandId), getRoomData(bandId, 'practice', practiceId), getMyChartOffsets(bandId)]);
  if (!data.practices.some((practice) => practice.id === practiceId)) notFound();
  return (
    <CalendarLive data={data} userId={user.id}>
      <RoomLive data={room}>
        <PracticeRoom bandId={bandId} practiceId={practiceId} offsets={offsets} />
      </RoomLive>
    </CalendarLive>
  );
}
