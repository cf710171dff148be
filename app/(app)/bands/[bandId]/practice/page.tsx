import type { Metadata } from 'next';
import { CalendarLive } from '@/components/calendar/calendar-live';
import { PracticeListView } from '@/components/practice/practice-list-view';
import { getCalendarData } from '@/lib/data/calendar';
import { requireUser } from '@/lib/data/session';

export const metadata: Metadata = { title: 'Practice' };

// The band's practices with "Plan a practice", until the calendar page lists them with the shows.
export default async function PracticeListPage({ params }: { params: Promise<{ bandId: string }> }) {
  const { bandId } = await params;
  const user = await requireUser();
  const data = await getCalendarData(bandId);
  return (
    <CalendarLive data={data} userId={user.id}>
      <PracticeListView bandId={bandId} />
    </CalendarLive>
  );
}
