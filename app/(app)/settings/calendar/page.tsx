import type { Metadata } from 'next';
import { CalendarFeedPanel } from '@/components/calendar/calendar-feed-panel';
import { getMyCalendarToken } from '@/lib/data/calendar-feed';
import { requireUser } from '@/lib/data/session';

export const metadata: Metadata = { title: 'Calendar feed' };

export default async function CalendarFeedPage() {
  // Layout and page render side by side: a signed-out visitor goes to /login before the query runs as anon.
  await requireUser();
  const token = await getMyCalendarToken();
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">Calendar feed</h1>
        <p className="text-zinc-400">
          See your bands&apos; shows and practices in Google Calendar, Apple Calendar or Outlook. The link is yours alone: it
          shows the bands you are in, and changes there reach your calendar app the next time it refreshes.
        </p>
      </div>
      <CalendarFeedPanel initialToken={token} />
    </div>
  );
}
