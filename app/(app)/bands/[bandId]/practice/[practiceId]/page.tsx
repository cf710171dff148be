import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CalendarLive } from '@/components/calendar/calendar-live';
import { PracticeView } from '@/components/practice/practice-view';
import { getCalendarData } from '@/lib/data/calendar';
import { requireUser } from '@/lib/data/session';
import { uuidSchema } from '@/lib/validation/song';

export const metadata: Metadata = { title: 'Practice' };

export default async function PracticePage({ params }: { params: Promise<{ bandId: string; practiceId: string }> }) {
  const { bandId, practiceId } = await params;
  if (!uuidSchema.safeParse(practiceId).success) notFound();
  const user = await requireUser();
  // Awaited before rendering, not streamed: a practice that does not exist for this user must be a real 404.
  const data = await getCalendarData(bandId);
  if (!data.practices.some((practice) => practice.id === practiceId)) notFound();
  return (
    <CalendarLive data={data} userId={user.id}>
      <PracticeView bandId={bandId} practiceId={practiceId} backHref={`/bands/${bandId}/calendar`} />
    </CalendarLive>
  );
}
