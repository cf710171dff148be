import type { Metadata } from 'next';
import { AvailabilityGrid } from '@/components/calendar/availability-grid';
import { CalendarLive } from '@/components/calendar/calendar-live';
import { getCalendarData } from '@/lib/data/calendar';
import { requireUser } from '@/lib/data/session';

export const metadata: Metadata = { title: 'Availability' };

export default async function AvailabilityPage({ params }: { params: Promise<{ bandId: string }> }) {
  const { bandId } = await params;
  const [user, data] = await Promise.all([requireUser(), getCalendarData(bandId)]);
  return (
    <CalendarLive data={data} userId={user.id}>
      <AvailabilityGrid bandId={bandId} now={Date.now()} />
    </CalendarLive>
  );
}
