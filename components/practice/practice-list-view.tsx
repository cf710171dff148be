'use client';

import Link from 'next/link';
import { useCalendarChannels } from '@/components/calendar/calendar-live';
import { formatDate, formatZonedTime } from '@/lib/calendar/zoned';
import { usePracticeSessionsStore } from '@/lib/live/stores';
import { SectionHeader } from '@/components/ui/section-header';
import { NewPracticeButton } from './new-practice-button';

/** Every practice of the band in date order, each linking to its page, and "Plan a practice". */
export function PracticeListView({ bandId }: { bandId: string }) {
  const connection = useCalendarChannels(bandId);
  const practices = usePracticeSessionsStore((store) => store.rows);
  return (
    <div className="flex flex-col gap-4">
      <SectionHeader title="Practices" count={practices.length} connection={connection} />
      <div>
        <NewPracticeButton bandId={bandId} />
      </div>
      {practices.length === 0 ? (
        <p className="text-zinc-400">No practice planned yet.</p>
      ) : (
        <ul aria-label="Practices" className="flex flex-col gap-2">
          {practices.map((practice) => (
            <li key={practice.id}>
              <Link
                href={`/bands/${bandId}/practice/${practice.id}`}
                className="flex min-h-11 flex-col justify-center rounded-xl border border-white/10 px-4 py-2 hover:border-amp-400"
              >
                <span className="font-semibold">{formatDate(practice.starts_at, practice.time_zone)}</span>
                <span className="text-sm text-zinc-300">
                  {formatZonedTime(practice.starts_at, practice.time_zone)}
                  {practice.location ? ` · ${practice.location}` : ''}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
