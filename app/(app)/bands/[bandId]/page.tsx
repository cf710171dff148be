import type { Metadata } from 'next';
import { BandHome } from '@/components/calendar/band-home';
import { CalendarLive } from '@/components/calendar/calendar-live';
import { getCalendarData } from '@/lib/data/calendar';
import { requireUser } from '@/lib/data/session';

export const metadata: Metadata = { title: 'Home' };

export default async function BandPage({ params }: { params: Promise<{ bandId: string }> }) {
  const { bandId } = await params;
  const [user, data] = await Promise.all([requireUser(), getCalendarData(bandId)]);
  return (
    <CalendarLive data={data} userId={user.id}>
      <BandHome bandId={bandId} now={Date.now()} />
    </CalendarLive>
  );
}
