import type { Metadata } from 'next';
import { CalendarLive } from '@/components/calendar/calendar-live';
import { CalendarView } from '@/components/calendar/calendar-view';
import { NewPracticeButton } from '@/components/practice/new-practice-button';
import { NewShowButton } from '@/components/shows/new-show-button';
import { getCalendarData } from '@/lib/data/calendar';
import { requireUser } from '@/lib/data/session';

export const metadata: Metadata = { title: 'Calendar' };

export default async function CalendarPage({ params }: { params: Promise<{ bandId: string }> }) {
  const { bandId } = await params;
  const [user, data] = await Promise.all([requireUser(), getCalendarData(bandId)]);
  return (
    <CalendarLive data={data} userId={user.id}>
      <CalendarView
        bandId={bandId}
        now={Date.now()}
        planning={
          <>
            <NewShowButton bandId={bandId} />
            <NewPracticeButton bandId={bandId} />
          </>
        }
      />
    </CalendarLive>
  );
}
