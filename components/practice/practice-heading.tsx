'use client';

import { useEffect, useState } from 'react';
import type { PracticeSessionRow } from '@/lib/database.types';
import { formatDate, formatZonedTime, viewerTime } from '@/lib/calendar/zoned';

/**
 * The practice's date and times on its own zone's wall clock (the same text for every member), and the viewer's
 * own clock beside it when that differs: known only in the browser, so shown after mount (no hydration mismatch).
 */
export function PracticeHeading({ practice }: { practice: PracticeSessionRow }) {
  const [viewerZone, setViewerZone] = useState<string | null>(null);
  useEffect(() => setViewerZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  const { starts_at: start, ends_at: end, time_zone: zone } = practice;
  const theirs = viewerZone ? [viewerTime(start, zone, viewerZone), viewerTime(end, zone, viewerZone)] : [null, null];
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <h2 className="break-words text-xl font-semibold" data-field="practice-date">
        Practice · {formatDate(start, zone)}
      </h2>
      <p className="text-sm text-zinc-200" data-field="practice-times">
        {formatZonedTime(start, zone)} – {formatZonedTime(end, zone)}
      </p>
      {theirs[0] && theirs[1] ? (
        <p className="text-xs text-zinc-400" data-field="viewer-times">
          {theirs[0]} – {theirs[1]}
        </p>
      ) : null}
    </div>
  );
}
