'use client';

import type { ReactNode } from 'react';
import { replays } from '@/lib/actions/replays';
import { OfflineQueueProvider } from '@/lib/live/offline/offline-queue';

/** The band's offline queue with the app's replayable actions (a client module: the registry holds functions). */
export function BandOfflineQueue({ userId, bandId, children }: { userId: string; bandId: string; children: ReactNode }) {
  return (
    <OfflineQueueProvider userId={userId} bandId={bandId} replays={replays}>
      {children}
    </OfflineQueueProvider>
  );
}
